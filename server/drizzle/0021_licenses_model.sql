CREATE SEQUENCE "public"."license_serial_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "license_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"license_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"region_code" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_pdfs" (
	"license_id" uuid PRIMARY KEY NOT NULL,
	"pdf" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_types" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"defining_uscc" text NOT NULL,
	"defining_body" text NOT NULL,
	"type_number" text NOT NULL,
	"default_valid_years" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "license_types_number" CHECK ("license_types"."type_number" ~ '^[0-9]{3}$')
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_no" text NOT NULL,
	"type_id" integer NOT NULL,
	"type_name" text NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_number" text NOT NULL,
	"holder_account_id" integer,
	"issuer_org_id" integer,
	"issuer_name" text NOT NULL,
	"issuer_code" text NOT NULL,
	"region_code" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"state" text DEFAULT 'valid' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"application_id" integer,
	"application_no" text,
	"item_name" text,
	"payload" jsonb NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL,
	"transferred_from" uuid,
	"transferred_to" uuid,
	"renewal_notice_at" timestamp with time zone,
	"state_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licenses_state" CHECK ("licenses"."state" in ('valid', 'revoked', 'cancelled', 'expired', 'transferred', 'withdrawn')),
	CONSTRAINT "licenses_holder_kind" CHECK ("licenses"."holder_kind" in ('person', 'legal')),
	CONSTRAINT "licenses_validity" CHECK ("licenses"."valid_until" is null or "licenses"."valid_until" >= "licenses"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text DEFAULT 'EdDSA' NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "license_events" ADD CONSTRAINT "license_events_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "license_pdfs" ADD CONSTRAINT "license_pdfs_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_type_id_license_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."license_types"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_key_id_signing_keys_kid_fk" FOREIGN KEY ("key_id") REFERENCES "public"."signing_keys"("kid") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "license_events_license" ON "license_events" USING btree ("license_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "license_types_name" ON "license_types" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "license_types_code" ON "license_types" USING btree ("defining_uscc","type_number");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_no" ON "licenses" USING btree ("licence_no");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_application_type" ON "licenses" USING btree ("application_no","type_id") WHERE "licenses"."application_no" is not null;--> statement-breakpoint
CREATE INDEX "licenses_holder" ON "licenses" USING btree ("holder_id_number","state");--> statement-breakpoint
CREATE INDEX "licenses_holder_account" ON "licenses" USING btree ("holder_account_id");--> statement-breakpoint
CREATE INDEX "licenses_expiry" ON "licenses" USING btree ("state","valid_until");--> statement-breakpoint
CREATE INDEX "licenses_region" ON "licenses" USING btree ("region_code");