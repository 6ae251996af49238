CREATE TABLE "calendar_days" (
	"year" integer NOT NULL,
	"date" date NOT NULL,
	"is_off_day" boolean NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_days_year_date_pk" PRIMARY KEY("year","date")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"papers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"day_count" integer NOT NULL,
	"loaded_by" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_days" CHECK ("calendar_years"."day_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"purpose" text DEFAULT 'main' NOT NULL,
	"region_code" text NOT NULL,
	"unit" text NOT NULL,
	"budget" double precision NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"start_date" date NOT NULL,
	"state" text DEFAULT 'running' NOT NULL,
	"paused_total" double precision DEFAULT 0 NOT NULL,
	"pause_started_at" timestamp with time zone,
	"warn_before" double precision DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_date" date NOT NULL,
	"warn_at" timestamp with time zone,
	"provisional" boolean DEFAULT false NOT NULL,
	"stopped_at" timestamp with time zone,
	"overdue" boolean,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_clocks_budget" CHECK ("sla_clocks"."budget" >= 0 and "sla_clocks"."paused_total" >= 0 and "sla_clocks"."warn_before" >= 0)
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_year_calendar_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."calendar_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_days_date" ON "calendar_days" USING btree ("date");--> statement-breakpoint
CREATE INDEX "sla_clocks_subject" ON "sla_clocks" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_due" ON "sla_clocks" USING btree ("due_at") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "sla_clocks_warn" ON "sla_clocks" USING btree ("warn_at") WHERE state = 'running';--> statement-breakpoint
CREATE INDEX "sla_clocks_open_span" ON "sla_clocks" USING btree ("start_date","due_date") WHERE state <> 'stopped';--> statement-breakpoint
CREATE INDEX "sla_clocks_region" ON "sla_clocks" USING btree ("region_code","due_at");