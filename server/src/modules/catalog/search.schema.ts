import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bundles } from './bundles.schema.ts';
import { items } from './catalog.schema.ts';

/**
 * A PostgreSQL tsvector. Values are written as tsvector literals built in
 * TypeScript from jieba tokens (search.rules.ts), never through a text-search
 * parser, so PGlite and a PostgreSQL server store exactly the same lexemes.
 */
const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });

/**
 * GIN indexes without the pending list: PGlite has no autovacuum to merge
 * it, and a long pending list makes every search scan it (and the planner
 * prefer a sequential scan). Inserts go straight into the index instead.
 */
const GIN_OPTIONS = { fastupdate: false };

/**
 * The search document of each published catalog item (a row per item; drafts
 * and retired items have none). `document`: jieba tokens weighted A (name),
 * B (sub-item, implementing body, type label), C (materials, acceptance
 * conditions, life events, laws of the legal basis), D (FAQ). `name` and
 * `short_text` (name, sub-item and body) carry pg_trgm indexes for
 * substrings and typos; `guide_text` is the source of result snippets.
 */
export const searchDocs = pgTable(
  'catalog_search_docs',
  {
    itemId: integer('item_id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    document: tsvector('document').notNull(),
    name: text('name').notNull(),
    shortText: text('short_text').notNull(),
    guideText: text('guide_text').notNull().default(''),
    /** The item's popularity when indexed: orders equally relevant candidates before the final ranking (which reads the live value). */
    popularity: integer('popularity').notNull().default(0),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_search_docs_document').using('gin', t.document).with(GIN_OPTIONS),
    index('catalog_search_docs_name_trgm').using('gin', t.name.op('gin_trgm_ops')).with(GIN_OPTIONS),
    index('catalog_search_docs_short_trgm').using('gin', t.shortText.op('gin_trgm_ops')).with(GIN_OPTIONS),
    index('catalog_search_docs_region').on(t.regionCode),
  ],
);

/** The search document of each published bundle (一件事): name A, life event B, description and member item names C. */
export const bundleSearchDocs = pgTable(
  'catalog_bundle_search_docs',
  {
    bundleId: integer('bundle_id')
      .primaryKey()
      .references(() => bundles.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    document: tsvector('document').notNull(),
    shortText: text('short_text').notNull(),
    indexedAt: timestamp('indexed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_bundle_search_docs_document').using('gin', t.document).with(GIN_OPTIONS),
    index('catalog_bundle_search_docs_short_trgm').using('gin', t.shortText.op('gin_trgm_ops')).with(GIN_OPTIONS),
  ],
);

/**
 * Synonyms (同义词): an everyday word (开饭店) → the formal terms of the
 * catalog (餐饮, 食品经营). `term` is stored normalised (NFKC, lower case,
 * no spaces). Staff edit them under optimistic locking.
 */
export const synonyms = pgTable(
  'catalog_synonyms',
  {
    id: serial('id').primaryKey(),
    term: text('term').notNull(),
    expansions: text('expansions').array().notNull(),
    note: text('note'),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_synonyms_term').on(t.term),
    check('catalog_synonyms_expansions_check', sql`cardinality(${t.expansions}) between 1 and 20`),
  ],
);
