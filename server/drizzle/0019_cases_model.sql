CREATE SEQUENCE "public"."application_no_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "case_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"class_name" text NOT NULL,
	"name" text NOT NULL,
	"filing_conditions" text NOT NULL,
	"closing_conditions" text NOT NULL,
	"limit_amount" double precision NOT NULL,
	"limit_unit" text NOT NULL,
	"default_urgency" text DEFAULT 'normal' NOT NULL,
	"duty_matter_code" text,
	"hotline_kind" text,
	"call_script" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_categories_kind_check" CHECK ("case_categories"."kind" in ('asset', 'event', 'hotline', 'complaint')),
	CONSTRAINT "case_categories_unit_check" CHECK ("case_categories"."limit_unit" in ('working_days', 'working_hours')),
	CONSTRAINT "case_categories_urgency_check" CHECK ("case_categories"."default_urgency" in ('normal', 'urgent', 'emergency')),
	CONSTRAINT "case_categories_limit_check" CHECK ("case_categories"."limit_amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "case_photos" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"file_id" text NOT NULL,
	"stage" text NOT NULL,
	"region_code" text NOT NULL,
	"added_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_photos_stage_check" CHECK ("case_photos"."stage" in ('report', 'feedback', 'verify'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"category_id" integer NOT NULL,
	"category_code" text NOT NULL,
	"category_version" integer NOT NULL,
	"limit_amount" double precision NOT NULL,
	"limit_unit" text NOT NULL,
	"title" text,
	"description" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"address" text,
	"grid_id" text,
	"grid_code" text,
	"grid_name" text,
	"town_region_code" text,
	"region_code" text NOT NULL,
	"requester_kind" text NOT NULL,
	"requester_account_id" integer,
	"requester_name" text,
	"requester_phone" text,
	"requester_phone_masked" text,
	"requester_phone_hash" text,
	"requester_uscc" text,
	"reporter_account_id" integer,
	"hotline_kind" text,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"route" jsonb,
	"routable" boolean DEFAULT false NOT NULL,
	"lead_org_id" integer,
	"lead_org_path" integer[] DEFAULT '{}'::int[] NOT NULL,
	"supporting_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"returned_org_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"extension_count" integer DEFAULT 0 NOT NULL,
	"urge_count" integer DEFAULT 0 NOT NULL,
	"pending_extension" jsonb,
	"due_at" timestamp with time zone,
	"first_dispatched_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_on_time" boolean,
	"satisfaction" text,
	"evaluation_score" integer,
	"merged_into" bigint,
	"external_ref" text,
	"reported_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cases_kind_check" CHECK ("cases"."kind" in ('event', 'asset', 'hotline', 'complaint')),
	CONSTRAINT "cases_source_check" CHECK ("cases"."source" in ('grid_patrol', 'public', 'hotline', 'enterprise', 'sensor', 'open311', 'assigned_from_above')),
	CONSTRAINT "cases_urgency_check" CHECK ("cases"."urgency" in ('normal', 'urgent', 'emergency')),
	CONSTRAINT "cases_escalation_check" CHECK ("cases"."escalation_level" between 0 and 2),
	CONSTRAINT "cases_lnglat_check" CHECK (("cases"."lng" is null) = ("cases"."lat" is null) and ("cases"."lng" is null or ("cases"."lng" between -180 and 180 and "cases"."lat" between -90 and 90)))
);
--> statement-breakpoint
CREATE TABLE "rating_matters" (
	"id" serial PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"matter_no" text NOT NULL,
	"item_name" text NOT NULL,
	"handling_org_id" integer NOT NULL,
	"handling_org_name" text NOT NULL,
	"handling_org_path" integer[] NOT NULL,
	"intake_org_id" integer,
	"intake_org_name" text,
	"intake_org_path" integer[],
	"channel" text NOT NULL,
	"applicant_account_id" integer,
	"region_code" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"rate_by" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_matters_subject_type_check" CHECK ("rating_matters"."subject_type" in ('application', 'case')),
	CONSTRAINT "rating_matters_channel_check" CHECK ("rating_matters"."channel" in ('online', 'window'))
);
--> statement-breakpoint
CREATE TABLE "rating_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"account_id" integer NOT NULL,
	"rating_id" integer NOT NULL,
	"rectification_id" integer,
	"kind" text NOT NULL,
	"zh" text NOT NULL,
	"en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rating_rectifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"rating_id" integer NOT NULL,
	"matter_id" integer NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"region_code" text NOT NULL,
	"handling_org_id" integer NOT NULL,
	"org_path" integer[] NOT NULL,
	"named" boolean NOT NULL,
	"callback_due_at" timestamp with time zone,
	"callback_warned" boolean DEFAULT false NOT NULL,
	"callback_overdue" boolean DEFAULT false NOT NULL,
	"called_back_at" timestamp with time zone,
	"callback_note" text,
	"outcome" text,
	"outcome_note" text,
	"fix_by" date,
	"fixed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"appeal_reason" text,
	"appealed_by" integer,
	"appeal_decision" text,
	"appeal_decided_by" integer,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rating_rectifications_outcome_check" CHECK ("rating_rectifications"."outcome" is null or "rating_rectifications"."outcome" in ('fix_now', 'log_fix', 'explain'))
);
--> statement-breakpoint
CREATE TABLE "rating_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"matter_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"opened_by" integer NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"region_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"matter_id" integer NOT NULL,
	"channel" text NOT NULL,
	"visit_id" integer,
	"rating_key" text NOT NULL,
	"level" smallint NOT NULL,
	"dimensions" jsonb NOT NULL,
	"comment" text,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"rater_account_id" integer,
	"named" boolean NOT NULL,
	"replaces_id" integer,
	"superseded_at" timestamp with time zone,
	"excluded" boolean DEFAULT false NOT NULL,
	"handling_org_id" integer NOT NULL,
	"intake_org_id" integer,
	"region_code" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_level_check" CHECK ("ratings"."level" between 1 and 5),
	CONSTRAINT "ratings_channel_check" CHECK ("ratings"."channel" in ('online', 'onsite'))
);
--> statement-breakpoint
CREATE TABLE "application_countersigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"org_id" integer NOT NULL,
	"org_name" text NOT NULL,
	"org_path" integer[] NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"question" text NOT NULL,
	"opinion" text,
	"requested_by" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"requirement" text NOT NULL,
	"deferrable" boolean DEFAULT false NOT NULL,
	"license_type" text,
	"item_ids" integer[] DEFAULT '{}'::int[] NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'missing' NOT NULL,
	"file_id" uuid,
	"file_name" text,
	"sha256" text,
	"reused_licence_id" text,
	"reused_licence_no" text,
	"reused_material_id" integer,
	"deferred_until" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_materials_status" CHECK ("application_materials"."status" in ('missing', 'provided', 'reused', 'deferred'))
);
--> statement-breakpoint
CREATE TABLE "application_notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_id" integer NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"content" jsonb NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" integer,
	CONSTRAINT "application_notices_kind" CHECK ("application_notices"."kind" in ('receipt', 'correction', 'refusal', 'decision', 'special_procedure', 'extension', 'deferred', 'commitment'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"application_no" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"item_id" integer,
	"impl_code" text,
	"base_code" text,
	"item_name" text NOT NULL,
	"bundle_code" text,
	"item_snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"applicant_account_id" integer,
	"applicant_kind" text NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_id_number" text NOT NULL,
	"agent_account_id" integer,
	"agent_name" text,
	"channel" text NOT NULL,
	"intake_org_id" integer,
	"handling_org_id" integer,
	"handling_org_name" text NOT NULL,
	"handling_org_path" integer[] DEFAULT '{}'::int[] NOT NULL,
	"region_code" text NOT NULL,
	"form_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"step_index" integer DEFAULT 0 NOT NULL,
	"promised_days" integer,
	"statutory_days" integer,
	"decision_days" integer NOT NULL,
	"received_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"acceptance" text,
	"correction_issued" boolean DEFAULT false NOT NULL,
	"decided_at" timestamp with time zone,
	"outcome" text,
	"decision_reason" text,
	"decision_basis" text,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"extension_requested_by" integer,
	"special" jsonb,
	"warned_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"overdue_explanation" text,
	"overdue_explained_at" timestamp with time zone,
	"overdue_explained_by" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "applications_kind" CHECK ("applications"."kind" in ('single', 'bundle', 'sub')),
	CONSTRAINT "applications_channel" CHECK ("applications"."channel" in ('online', 'window'))
);
--> statement-breakpoint
CREATE TABLE "proxy_authorisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"firm_uscc" text NOT NULL,
	"firm_name" text NOT NULL,
	"firm_account_id" integer,
	"agent_account_id" integer NOT NULL,
	"agent_name" text NOT NULL,
	"valid_until" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"region_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_photos" ADD CONSTRAINT "case_photos_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_notices" ADD CONSTRAINT "rating_notices_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_notices" ADD CONSTRAINT "rating_notices_rectification_id_rating_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."rating_rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD CONSTRAINT "rating_rectifications_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_rectifications" ADD CONSTRAINT "rating_rectifications_matter_id_rating_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."rating_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_visits" ADD CONSTRAINT "rating_visits_matter_id_rating_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."rating_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_matter_id_rating_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."rating_matters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_visit_id_rating_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."rating_visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_countersigns" ADD CONSTRAINT "application_countersigns_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notices" ADD CONSTRAINT "application_notices_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_categories_code" ON "case_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "case_categories_kind" ON "case_categories" USING btree ("kind","sort","id");--> statement-breakpoint
CREATE UNIQUE INDEX "case_photos_unique" ON "case_photos" USING btree ("case_id","stage","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_no" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_external_ref" ON "cases" USING btree ("source","external_ref") WHERE external_ref is not null;--> statement-breakpoint
CREATE INDEX "cases_region_reported" ON "cases" USING btree ("region_code" text_pattern_ops,"reported_at");--> statement-breakpoint
CREATE INDEX "cases_reported" ON "cases" USING btree ("reported_at");--> statement-breakpoint
CREATE INDEX "cases_state_region" ON "cases" USING btree ("state","region_code");--> statement-breakpoint
CREATE INDEX "cases_lead_state_due" ON "cases" USING btree ("lead_org_id","state","due_at");--> statement-breakpoint
CREATE INDEX "cases_lead_path" ON "cases" USING gin ("lead_org_path");--> statement-breakpoint
CREATE INDEX "cases_category_reported" ON "cases" USING btree ("category_code","reported_at");--> statement-breakpoint
CREATE INDEX "cases_phone_hash" ON "cases" USING btree ("requester_phone_hash") WHERE requester_phone_hash is not null;--> statement-breakpoint
CREATE INDEX "cases_requester" ON "cases" USING btree ("requester_account_id") WHERE requester_account_id is not null;--> statement-breakpoint
CREATE INDEX "cases_reporter" ON "cases" USING btree ("reporter_account_id") WHERE reporter_account_id is not null;--> statement-breakpoint
CREATE INDEX "cases_grid" ON "cases" USING btree ("grid_id","state");--> statement-breakpoint
CREATE INDEX "cases_due_open" ON "cases" USING btree ("due_at") WHERE closed_at is null and due_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_matters_subject" ON "rating_matters" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "rating_matters_applicant" ON "rating_matters" USING btree ("applicant_account_id","completed_at");--> statement-breakpoint
CREATE INDEX "rating_matters_region_completed" ON "rating_matters" USING btree ("region_code","completed_at");--> statement-breakpoint
CREATE INDEX "rating_matters_handling" ON "rating_matters" USING btree ("handling_org_id","completed_at");--> statement-breakpoint
CREATE INDEX "rating_notices_account" ON "rating_notices" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_rectifications_rating" ON "rating_rectifications" USING btree ("rating_id");--> statement-breakpoint
CREATE INDEX "rating_rectifications_org" ON "rating_rectifications" USING btree ("handling_org_id","state");--> statement-breakpoint
CREATE INDEX "rating_rectifications_region" ON "rating_rectifications" USING btree ("region_code","state");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_visits_code" ON "rating_visits" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "rating_visits_matter" ON "rating_visits" USING btree ("matter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_current" ON "ratings" USING btree ("matter_id","rating_key") WHERE superseded_at is null;--> statement-breakpoint
CREATE INDEX "ratings_matter" ON "ratings" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "ratings_rater" ON "ratings" USING btree ("rater_account_id","rated_at");--> statement-breakpoint
CREATE INDEX "application_countersigns_application" ON "application_countersigns" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_countersigns_org" ON "application_countersigns" USING gin ("org_path");--> statement-breakpoint
CREATE UNIQUE INDEX "application_materials_key" ON "application_materials" USING btree ("application_id","key");--> statement-breakpoint
CREATE INDEX "application_materials_file" ON "application_materials" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_notices_number" ON "application_notices" USING btree ("number");--> statement-breakpoint
CREATE INDEX "application_notices_application" ON "application_notices" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_notices_one_correction" ON "application_notices" USING btree ("application_id") WHERE kind = 'correction';--> statement-breakpoint
CREATE UNIQUE INDEX "applications_no" ON "applications" USING btree ("application_no");--> statement-breakpoint
CREATE INDEX "applications_applicant" ON "applications" USING btree ("applicant_account_id","id");--> statement-breakpoint
CREATE INDEX "applications_agent" ON "applications" USING btree ("agent_account_id","id");--> statement-breakpoint
CREATE INDEX "applications_parent" ON "applications" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "applications_region_state" ON "applications" USING btree ("region_code","state","id");--> statement-breakpoint
CREATE INDEX "applications_org_path" ON "applications" USING gin ("handling_org_path");--> statement-breakpoint
CREATE INDEX "applications_overdue" ON "applications" USING btree ("overdue_at") WHERE overdue_at is not null;--> statement-breakpoint
CREATE INDEX "proxy_authorisations_agent" ON "proxy_authorisations" USING btree ("agent_account_id","firm_uscc");--> statement-breakpoint
CREATE INDEX "proxy_authorisations_firm" ON "proxy_authorisations" USING btree ("firm_uscc");