CREATE TABLE "demo_seed" (
	"name" text PRIMARY KEY NOT NULL,
	"scale" text NOT NULL,
	"counts" jsonb NOT NULL,
	"duration_ms" integer NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"type" text NOT NULL,
	"parent_id" integer,
	"path" integer[] NOT NULL,
	"region_code" text NOT NULL,
	"uscc" text,
	"level" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "organisations_type_check" CHECK ("organisations"."type" in ('government', 'department', 'town_government', 'street_office', 'dev_zone', 'service_centre', 'command_centre', 'enforcement_team', 'approval_bureau', 'other')),
	CONSTRAINT "organisations_level_check" CHECK ("organisations"."level" in ('county', 'town', 'village'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"resident_id" text,
	"org_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"post" text NOT NULL,
	"phone" text,
	"account_id" integer,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_loads" (
	"dataset" text PRIMARY KEY NOT NULL,
	"checksum" text NOT NULL,
	"rows" integer NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"town_kind" text,
	CONSTRAINT "regions_level_check" CHECK ("regions"."level" in ('province', 'city', 'county', 'town')),
	CONSTRAINT "regions_town_kind_check" CHECK (("regions"."level" = 'town') = ("regions"."town_kind" is not null))
);
--> statement-breakpoint
CREATE TABLE "staffing" (
	"org_id" integer NOT NULL,
	"quota" integer DEFAULT 0 NOT NULL,
	"actual" integer DEFAULT 0 NOT NULL,
	"leader_quota" integer DEFAULT 0 NOT NULL,
	"leader_actual" integer DEFAULT 0 NOT NULL,
	"internal_units" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "staffing_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "staffing_non_negative" CHECK ("staffing"."quota" >= 0 and "staffing"."actual" >= 0 and "staffing"."leader_quota" >= 0 and "staffing"."leader_actual" >= 0 and "staffing"."internal_units" >= 0)
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"resident_id" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"region_code" text NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_sex_check" CHECK ("citizens"."sex" in ('male', 'female'))
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"id" serial PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"industry_code" text NOT NULL,
	"industry" text NOT NULL,
	"region_code" text NOT NULL,
	"address" text NOT NULL,
	"legal_representative" text NOT NULL,
	"registered_at" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_kind_check" CHECK ("entities"."kind" in ('enterprise', 'individual', 'cooperative')),
	CONSTRAINT "entities_status_check" CHECK ("entities"."status" in ('active', 'revoked', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing" ADD CONSTRAINT "staffing_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_code" ON "organisations" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_uscc" ON "organisations" USING btree ("uscc") WHERE uscc is not null;--> statement-breakpoint
CREATE INDEX "organisations_parent" ON "organisations" USING btree ("parent_id","sort","id");--> statement-breakpoint
CREATE INDEX "organisations_region" ON "organisations" USING btree ("region_code","sort","id");--> statement-breakpoint
CREATE INDEX "organisations_path" ON "organisations" USING gin ("path");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm" ON "organisations" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_org" ON "people" USING btree ("org_id","sort","id");--> statement-breakpoint
CREATE INDEX "people_region" ON "people" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_resident" ON "people" USING btree ("org_id","resident_id") WHERE resident_id is not null;--> statement-breakpoint
CREATE INDEX "people_account" ON "people" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "people_name_trgm" ON "people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "regions_parent" ON "regions" USING btree ("parent_code","code");--> statement-breakpoint
CREATE INDEX "regions_level" ON "regions" USING btree ("level","code");--> statement-breakpoint
CREATE INDEX "regions_name_trgm" ON "regions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_resident_id" ON "citizens" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "citizens_region" ON "citizens" USING btree ("region_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_uscc" ON "entities" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "entities_region" ON "entities" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "entities_kind" ON "entities" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "entities_name_trgm" ON "entities" USING gin ("name" gin_trgm_ops);