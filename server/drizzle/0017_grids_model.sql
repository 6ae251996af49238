CREATE TABLE "grid_revision" (
	"id" integer PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_staff" (
	"id" serial PRIMARY KEY NOT NULL,
	"grid_id" integer NOT NULL,
	"role" text NOT NULL,
	"person_name" text NOT NULL,
	"account_id" integer,
	"phone" text,
	"org_id" integer,
	"region_code" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grid_staff_role_check" CHECK ("grid_staff"."role" in ('head', 'grid_worker', 'inspector', 'informant', 'patroller', 'liaison'))
);
--> statement-breakpoint
CREATE TABLE "grids" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"level" integer NOT NULL,
	"parent_id" integer,
	"name" text NOT NULL,
	"town_region_code" text NOT NULL,
	"region_code" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"min_lng" double precision NOT NULL,
	"min_lat" double precision NOT NULL,
	"max_lng" double precision NOT NULL,
	"max_lat" double precision NOT NULL,
	"area_m2" double precision DEFAULT 0 NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"firms" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grids_level_check" CHECK ("grids"."level" in (1, 2, 3)),
	CONSTRAINT "grids_parent_check" CHECK (("grids"."level" = 1) = ("grids"."parent_id" is null)),
	CONSTRAINT "grids_bbox_check" CHECK ("grids"."min_lng" <= "grids"."max_lng" and "grids"."min_lat" <= "grids"."max_lat"),
	CONSTRAINT "grids_counts_check" CHECK ("grids"."households" >= 0 and "grids"."firms" >= 0)
);
--> statement-breakpoint
ALTER TABLE "grid_staff" ADD CONSTRAINT "grid_staff_grid_id_grids_id_fk" FOREIGN KEY ("grid_id") REFERENCES "public"."grids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grids" ADD CONSTRAINT "grids_parent_id_grids_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."grids"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grid_staff_grid" ON "grid_staff" USING btree ("grid_id","role","sort");--> statement-breakpoint
CREATE INDEX "grid_staff_account" ON "grid_staff" USING btree ("account_id") WHERE account_id is not null;--> statement-breakpoint
CREATE INDEX "grid_staff_region" ON "grid_staff" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "grids_code" ON "grids" USING btree ("code");--> statement-breakpoint
CREATE INDEX "grids_parent" ON "grids" USING btree ("parent_id","code");--> statement-breakpoint
CREATE INDEX "grids_level" ON "grids" USING btree ("level","code");--> statement-breakpoint
CREATE INDEX "grids_region" ON "grids" USING btree ("region_code","level");--> statement-breakpoint
CREATE INDEX "grids_bbox" ON "grids" USING btree ("min_lng","max_lng","min_lat","max_lat");