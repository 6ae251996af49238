-- Command screen (modules/insight): indexes for its reads of the cases table.
-- Open cases now by region, town, unit and grid (live figures, map density): a partial index over the
-- open subset that carries every column those queries read, so they can be answered from the index.
CREATE INDEX IF NOT EXISTS "cases_open_region" ON "cases" USING btree ("region_code" text_pattern_ops)
  INCLUDE ("town_region_code", "lead_org_id", "grid_code", "due_at", "state", "merged_into")
  WHERE closed_at IS NULL;
--> statement-breakpoint
-- Drill-down and overdue lists: open cases most urgent first, keyset on (due_at, id).
CREATE INDEX IF NOT EXISTS "cases_open_due" ON "cases" USING btree ("due_at" ASC NULLS LAST, "id") WHERE closed_at IS NULL;
--> statement-breakpoint
-- Lists by state (e.g. closed), same order.
CREATE INDEX IF NOT EXISTS "cases_state_due" ON "cases" USING btree ("state", "due_at" ASC NULLS LAST, "id");
