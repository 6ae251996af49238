-- Extensions used by search (pg_trgm, btree_gin) and case-insensitive names (citext).
-- PGlite loads the same extensions in openDatabase().
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
