DROP INDEX "catalog_bundle_search_docs_document";--> statement-breakpoint
DROP INDEX "catalog_bundle_search_docs_short_trgm";--> statement-breakpoint
DROP INDEX "catalog_search_docs_document";--> statement-breakpoint
DROP INDEX "catalog_search_docs_name_trgm";--> statement-breakpoint
DROP INDEX "catalog_search_docs_short_trgm";--> statement-breakpoint
CREATE INDEX "catalog_bundle_search_docs_document" ON "catalog_bundle_search_docs" USING gin ("document") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalog_bundle_search_docs_short_trgm" ON "catalog_bundle_search_docs" USING gin ("short_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_document" ON "catalog_search_docs" USING gin ("document") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_name_trgm" ON "catalog_search_docs" USING gin ("name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "catalog_search_docs_short_trgm" ON "catalog_search_docs" USING gin ("short_text" gin_trgm_ops) WITH (fastupdate=false);