CREATE TABLE "catalog_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"create_missing_orgs" boolean DEFAULT false NOT NULL,
	"rows" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"state" text DEFAULT 'previewed' NOT NULL,
	"created_by" integer NOT NULL,
	"approval_doc_no" text,
	"effective_date" date,
	"result" jsonb,
	"committed_by" integer,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_imports_state" CHECK ("catalog_imports"."state" in ('previewed', 'committed', 'discarded')),
	CONSTRAINT "catalog_imports_kind" CHECK ("catalog_imports"."kind" in ('xlsx', 'csv', 'json'))
);
--> statement-breakpoint
CREATE INDEX "catalog_imports_region" ON "catalog_imports" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "catalog_imports_sha" ON "catalog_imports" USING btree ("sha256");