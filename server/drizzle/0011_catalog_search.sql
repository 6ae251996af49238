CREATE TABLE "catalog_bundle_search_docs" (
	"bundle_id" integer PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"short_text" text NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_search_docs" (
	"item_id" integer PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"document" "tsvector" NOT NULL,
	"name" text NOT NULL,
	"short_text" text NOT NULL,
	"guide_text" text DEFAULT '' NOT NULL,
	"indexed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_synonyms" (
	"id" serial PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"expansions" text[] NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_synonyms_expansions_check" CHECK (cardinality("catalog_synonyms"."expansions") between 1 and 20)
);
--> statement-breakpoint
ALTER TABLE "catalog_bundle_search_docs" ADD CONSTRAINT "catalog_bundle_search_docs_bundle_id_catalog_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."catalog_bundles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_search_docs" ADD CONSTRAINT "catalog_search_docs_item_id_catalog_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."catalog_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_bundle_search_docs_document" ON "catalog_bundle_search_docs" USING gin ("document");--> statement-breakpoint
CREATE INDEX "catalog_bundle_search_docs_short_trgm" ON "catalog_bundle_search_docs" USING gin ("short_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_document" ON "catalog_search_docs" USING gin ("document");--> statement-breakpoint
CREATE INDEX "catalog_search_docs_name_trgm" ON "catalog_search_docs" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_short_trgm" ON "catalog_search_docs" USING gin ("short_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_region" ON "catalog_search_docs" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_synonyms_term" ON "catalog_synonyms" USING btree ("term");