import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ITEM_TYPES } from './catalog.types.rules.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Base items (基本目录): one per base code, the same name, type and legal
 * basis at every level (四级四同). Local implementations key to one.
 */
export const baseItems = pgTable(
  'catalog_base_items',
  {
    baseCode: text('base_code').primaryKey(),
    name: text('name').notNull(),
    itemType: text('item_type', { enum: ITEM_TYPES }).notNull(),
    legalBasis: jsonb('legal_basis').notNull().default(sql`'[]'::jsonb`),
    parentBaseCode: text('parent_base_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('catalog_base_items_type', sql`${t.itemType} in (${quoted(ITEM_TYPES)})`)],
);

/**
 * Local implementations (实施清单): the rows of the power list and the
 * public-service list. `content` is the current published version's content
 * (catalog.content.ts), denormalised for reads; the columns beside it are the
 * filterable facts of that content.
 */
export const items = pgTable(
  'catalog_items',
  {
    id: serial('id').primaryKey(),
    implCode: text('impl_code').notNull(),
    baseCode: text('base_code').references(() => baseItems.baseCode),
    itemType: text('item_type', { enum: ITEM_TYPES }).notNull(),
    name: text('name').notNull(),
    subItemName: text('sub_item_name'),
    variant: text('variant', { enum: ['new', 'change', 'renew', 'cancel'] }),
    regionCode: text('region_code').notNull(),
    /** Implementing body (organisations.id). */
    orgId: integer('org_id'),
    orgName: text('org_name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'town'] }).notNull(),
    /** draft: never published; published: in force; retired: withdrawn (history kept). */
    status: text('status', { enum: ['draft', 'published', 'retired'] }).notNull().default('draft'),
    /** Number of the version in force (catalog_item_versions.version_no); 0 before the first publication. */
    currentVersion: integer('current_version').notNull().default(0),
    visits: integer('visits'),
    online: boolean('online').notNull().default(false),
    statutoryDays: integer('statutory_days'),
    promisedDays: integer('promised_days'),
    applicantKinds: text('applicant_kinds').array().notNull().default(sql`'{}'::text[]`),
    lifeEvents: text('life_events').array().notNull().default(sql`'{}'::text[]`),
    commitmentAllowed: boolean('commitment_allowed').notNull().default(false),
    /** How often it is applied for (ranking "most used"). */
    popularity: integer('popularity').notNull().default(0),
    content: jsonb('content').notNull(),
    /** Optimistic lock for edits of the draft / status changes. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_items_impl_code').on(t.implCode),
    index('catalog_items_base').on(t.baseCode),
    index('catalog_items_org').on(t.orgId, t.status),
    index('catalog_items_region').on(t.regionCode, t.status),
    index('catalog_items_type').on(t.itemType, t.status),
    index('catalog_items_life_events').using('gin', t.lifeEvents),
    check('catalog_items_type', sql`${t.itemType} in (${quoted(ITEM_TYPES)})`),
  ],
);

/**
 * Published versions: immutable (a trigger refuses updates and deletes).
 * Each carries the approval that published it.
 */
export const itemVersions = pgTable(
  'catalog_item_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    versionNo: integer('version_no').notNull(),
    content: jsonb('content').notNull(),
    /** create | update | retire */
    change: text('change', { enum: ['create', 'update', 'retire'] }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    approvalDocNo: text('approval_doc_no').notNull(),
    adjustmentId: integer('adjustment_id'),
    reason: text('reason'),
    publishedBy: integer('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('catalog_item_versions_no').on(t.itemId, t.versionNo)],
);

/**
 * Adjustment requests (动态调整): a department or town proposes a change
 * (create, update, retire) with its basis and reason; the staffing office
 * reviews; the government approves with a document number and effective
 * date; publication creates the immutable version. Runs on platform/workflow.
 */
export const adjustments = pgTable(
  'catalog_adjustments',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id').references(() => items.id),
    change: text('change', { enum: ['create', 'update', 'retire'] }).notNull(),
    /** The full proposed content (for retire: the content being retired). */
    proposed: jsonb('proposed').notNull(),
    /** The version the proposal was based on (stale-base detection at publication). */
    baseVersion: integer('base_version').notNull().default(0),
    reason: text('reason').notNull(),
    basis: text('basis').notNull(),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    regionCode: text('region_code').notNull(),
    /** Requesting organisation (department or town). */
    orgId: integer('org_id'),
    requestedBy: integer('requested_by').notNull(),
    reviewNote: text('review_note'),
    approvalDocNo: text('approval_doc_no'),
    effectiveDate: date('effective_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_adjustments_state').on(t.state, t.regionCode), index('catalog_adjustments_item').on(t.itemId)],
);

/** Local labels of the item types (numeric and letter codes are local practice). */
export const typeLabels = pgTable('catalog_type_labels', {
  itemType: text('item_type', { enum: ITEM_TYPES }).primaryKey(),
  zh: text('zh').notNull(),
  en: text('en').notNull(),
  num: integer('num').notNull(),
  letters: text('letters').notNull(),
});
