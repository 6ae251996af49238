CREATE TABLE "commitment_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"application_no" text NOT NULL,
	"item_name" text NOT NULL,
	"holder_name" text NOT NULL,
	"commitments" text NOT NULL,
	"handling_org_id" integer,
	"handling_org_name" text NOT NULL,
	"handling_org_path" integer[] NOT NULL,
	"region_code" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"result" text,
	"checked_by" integer,
	"checked_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "commitment_checks" ADD CONSTRAINT "commitment_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commitment_checks_application" ON "commitment_checks" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "commitment_checks_open" ON "commitment_checks" USING btree ("region_code","state","approved_at");