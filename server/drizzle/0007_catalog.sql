CREATE TABLE "catalog_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer,
	"change" text NOT NULL,
	"proposed" jsonb NOT NULL,
	"base_version" integer DEFAULT 0 NOT NULL,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"region_code" text NOT NULL,
	"org_id" integer,
	"requested_by" integer NOT NULL,
	"review_note" text,
	"approval_doc_no" text,
	"effective_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_base_items" (
	"base_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"item_type" text NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_base_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_base_items_type" CHECK ("catalog_base_items"."item_type" in ('licensing', 'penalty', 'compulsion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other', 'public_service', 'filing'))
);
--> statement-breakpoint
CREATE TABLE "catalog_item_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"version_no" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change" text NOT NULL,
	"effective_date" date NOT NULL,
	"approval_doc_no" text NOT NULL,
	"adjustment_id" integer,
	"reason" text,
	"published_by" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"impl_code" text NOT NULL,
	"base_code" text,
	"item_type" text NOT NULL,
	"name" text NOT NULL,
	"sub_item_name" text,
	"variant" text,
	"region_code" text NOT NULL,
	"org_id" integer,
	"org_name" text NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 0 NOT NULL,
	"visits" integer,
	"online" boolean DEFAULT false NOT NULL,
	"statutory_days" integer,
	"promised_days" integer,
	"applicant_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"commitment_allowed" boolean DEFAULT false NOT NULL,
	"popularity" integer DEFAULT 0 NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_items_type" CHECK ("catalog_items"."item_type" in ('licensing', 'penalty', 'compulsion', 'levy', 'benefit', 'inspection', 'confirmation', 'reward', 'adjudication', 'other', 'public_service', 'filing'))
);
--> statement-breakpoint
CREATE TABLE "catalog_type_labels" (
	"item_type" text PRIMARY KEY NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"num" integer NOT NULL,
	"letters" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_adjustments" ADD CONSTRAINT "catalog_adjustments_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_item_versions" ADD CONSTRAINT "catalog_item_versions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_base_code_catalog_base_items_base_code_fk" FOREIGN KEY ("base_code") REFERENCES "public"."catalog_base_items"("base_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_adjustments_state" ON "catalog_adjustments" USING btree ("state","region_code");--> statement-breakpoint
CREATE INDEX "catalog_adjustments_item" ON "catalog_adjustments" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_item_versions_no" ON "catalog_item_versions" USING btree ("item_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_items_impl_code" ON "catalog_items" USING btree ("impl_code");--> statement-breakpoint
CREATE INDEX "catalog_items_base" ON "catalog_items" USING btree ("base_code");--> statement-breakpoint
CREATE INDEX "catalog_items_org" ON "catalog_items" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "catalog_items_region" ON "catalog_items" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "catalog_items_type" ON "catalog_items" USING btree ("item_type","status");--> statement-breakpoint
CREATE INDEX "catalog_items_life_events" ON "catalog_items" USING gin ("life_events");