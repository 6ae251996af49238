CREATE TABLE "open311_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"name" text NOT NULL,
	"org_id" integer,
	"region_code" text NOT NULL,
	"permissions" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_keys_permissions_check" CHECK ("open311_keys"."permissions" <@ array['submit', 'update']::text[] and cardinality("open311_keys"."permissions") > 0),
	CONSTRAINT "open311_keys_update_org_check" CHECK (not ('update' = any("open311_keys"."permissions")) or "open311_keys"."org_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"service_request_id" text NOT NULL,
	"token" text NOT NULL,
	"service_code" text NOT NULL,
	"key_id" integer NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"media_url" text,
	"account_id" text,
	"device_id" text,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_services" (
	"service_code" text PRIMARY KEY NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_updates" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"service_request_id" text NOT NULL,
	"status" text NOT NULL,
	"case_state" text,
	"description" text,
	"media_url" text,
	"source" text NOT NULL,
	"key_id" integer,
	"event_id" text,
	"region_code" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_updates_status_check" CHECK ("open311_updates"."status" in ('open', 'closed')),
	CONSTRAINT "open311_updates_source_check" CHECK ("open311_updates"."source" in ('case', 'department'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_keys_hash" ON "open311_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_case" ON "open311_requests" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_srid" ON "open311_requests" USING btree ("service_request_id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_token" ON "open311_requests" USING btree ("token");--> statement-breakpoint
CREATE INDEX "open311_updates_updated" ON "open311_updates" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "open311_updates_case" ON "open311_updates" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_updates_event" ON "open311_updates" USING btree ("event_id") WHERE event_id is not null;