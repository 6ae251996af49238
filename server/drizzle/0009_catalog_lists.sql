CREATE TABLE "catalog_bundle_members" (
	"bundle_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"condition" jsonb,
	"form_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"produces" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "catalog_bundle_members_bundle_id_item_id_pk" PRIMARY KEY("bundle_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "catalog_bundle_questions" (
	"bundle_id" integer NOT NULL,
	"key" text NOT NULL,
	"text" text NOT NULL,
	"kind" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"show_if" jsonb,
	"options" jsonb NOT NULL,
	"default_option_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "catalog_bundle_questions_bundle_id_key_pk" PRIMARY KEY("bundle_id","key"),
	CONSTRAINT "catalog_bundle_questions_kind_check" CHECK ("catalog_bundle_questions"."kind" in ('single', 'multi'))
);
--> statement-breakpoint
CREATE TABLE "catalog_bundles" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"life_event" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"applicant_kind" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_bundles_status_check" CHECK ("catalog_bundles"."status" in ('draft', 'published', 'retired')),
	CONSTRAINT "catalog_bundles_applicant_check" CHECK ("catalog_bundles"."applicant_kind" in ('person', 'legal', 'any'))
);
--> statement-breakpoint
CREATE TABLE "catalog_devolution_evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"devolution_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"evaluated_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"evaluated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_devolution_evaluations_result_check" CHECK ("catalog_devolution_evaluations"."result" in ('good', 'fair', 'poor'))
);
--> statement-breakpoint
CREATE TABLE "catalog_devolutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"item_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"org_id" integer,
	"field" text NOT NULL,
	"legal_basis" text NOT NULL,
	"decision_no" text NOT NULL,
	"decided_by" text,
	"effective_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"note" text,
	"last_evaluated_on" date,
	"last_result" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_devolutions_status_check" CHECK ("catalog_devolutions"."status" in ('active', 'suspended', 'withdrawn')),
	CONSTRAINT "catalog_devolutions_result_check" CHECK ("catalog_devolutions"."last_result" is null or "catalog_devolutions"."last_result" in ('good', 'fair', 'poor'))
);
--> statement-breakpoint
CREATE TABLE "catalog_duties" (
	"id" serial PRIMARY KEY NOT NULL,
	"matter_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"role" text NOT NULL,
	"unit_kind" text NOT NULL,
	"org_id" integer,
	"unit_name" text NOT NULL,
	"duty" text NOT NULL,
	"basis" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "catalog_duties_role_check" CHECK ("catalog_duties"."role" in ('lead', 'support')),
	CONSTRAINT "catalog_duties_unit_check" CHECK ("catalog_duties"."unit_kind" in ('department', 'town')),
	CONSTRAINT "catalog_duties_basis_check" CHECK (length(trim("catalog_duties"."basis")) > 0)
);
--> statement-breakpoint
CREATE TABLE "catalog_duty_matters" (
	"id" serial PRIMARY KEY NOT NULL,
	"matter_code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"region_code" text NOT NULL,
	"lead_kind" text NOT NULL,
	"devolution_id" integer,
	"description" text,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_duty_matters_lead_check" CHECK ("catalog_duty_matters"."lead_kind" in ('department', 'town')),
	CONSTRAINT "catalog_duty_matters_status_check" CHECK ("catalog_duty_matters"."status" in ('active', 'inactive'))
);
--> statement-breakpoint
CREATE TABLE "catalog_proofs" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"basis" text NOT NULL,
	"requesting_unit" text NOT NULL,
	"issuing_unit" text NOT NULL,
	"guide" text NOT NULL,
	"replacement" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_proofs_replacement_check" CHECK ("catalog_proofs"."replacement" in ('none', 'data_sharing', 'commitment', 'data_sharing_or_commitment')),
	CONSTRAINT "catalog_proofs_status_check" CHECK ("catalog_proofs"."status" in ('listed', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "catalog_bundle_members" ADD CONSTRAINT "catalog_bundle_members_bundle_id_catalog_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."catalog_bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundle_members" ADD CONSTRAINT "catalog_bundle_members_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_bundle_questions" ADD CONSTRAINT "catalog_bundle_questions_bundle_id_catalog_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."catalog_bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_devolution_evaluations" ADD CONSTRAINT "catalog_devolution_evaluations_devolution_id_catalog_devolutions_id_fk" FOREIGN KEY ("devolution_id") REFERENCES "public"."catalog_devolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_devolutions" ADD CONSTRAINT "catalog_devolutions_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_duties" ADD CONSTRAINT "catalog_duties_matter_id_catalog_duty_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."catalog_duty_matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_duty_matters" ADD CONSTRAINT "catalog_duty_matters_devolution_id_catalog_devolutions_id_fk" FOREIGN KEY ("devolution_id") REFERENCES "public"."catalog_devolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_bundle_members_item" ON "catalog_bundle_members" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_bundles_code" ON "catalog_bundles" USING btree ("code");--> statement-breakpoint
CREATE INDEX "catalog_bundles_status" ON "catalog_bundles" USING btree ("status","region_code");--> statement-breakpoint
CREATE INDEX "catalog_bundles_life_event" ON "catalog_bundles" USING btree ("life_event");--> statement-breakpoint
CREATE INDEX "catalog_devolution_evaluations_dev" ON "catalog_devolution_evaluations" USING btree ("devolution_id","evaluated_on");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_devolutions_current" ON "catalog_devolutions" USING btree ("item_id","region_code") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "catalog_devolutions_region" ON "catalog_devolutions" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "catalog_devolutions_field" ON "catalog_devolutions" USING btree ("field");--> statement-breakpoint
CREATE INDEX "catalog_duties_matter" ON "catalog_duties" USING btree ("matter_id","sort");--> statement-breakpoint
CREATE INDEX "catalog_duties_org" ON "catalog_duties" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_duty_matters_current" ON "catalog_duty_matters" USING btree ("matter_code","region_code") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "catalog_duty_matters_region" ON "catalog_duty_matters" USING btree ("region_code","matter_code");--> statement-breakpoint
CREATE INDEX "catalog_duty_matters_field" ON "catalog_duty_matters" USING btree ("field");--> statement-breakpoint
CREATE INDEX "catalog_proofs_region" ON "catalog_proofs" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "catalog_proofs_name_trgm" ON "catalog_proofs" USING gin ("name" gin_trgm_ops);