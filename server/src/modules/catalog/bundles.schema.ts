import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { items } from './catalog.schema.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const BUNDLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];
/** Who applies for the bundle: a natural person, a legal person, or either. */
export const BUNDLE_APPLICANT_KINDS = ['person', 'legal', 'any'] as const;
export type BundleApplicantKind = (typeof BUNDLE_APPLICANT_KINDS)[number];
export const QUESTION_KINDS = ['single', 'multi'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * Bundles (一件事): the items of several departments that one life event
 * needs (开办企业, 新生儿出生 …), offered as one application with one
 * merged material list and one form. `region_code` is the publishing region.
 */
export const bundles = pgTable(
  'catalog_bundles',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    lifeEvent: text('life_event').notNull(),
    description: text('description').notNull().default(''),
    applicantKind: text('applicant_kind', { enum: BUNDLE_APPLICANT_KINDS }).notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status', { enum: BUNDLE_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_bundles_code').on(t.code),
    index('catalog_bundles_status').on(t.status, t.regionCode),
    index('catalog_bundles_life_event').on(t.lifeEvent),
    check('catalog_bundles_status_check', sql`${t.status} in (${quoted(BUNDLE_STATUSES)})`),
    check('catalog_bundles_applicant_check', sql`${t.applicantKind} in (${quoted(BUNDLE_APPLICANT_KINDS)})`),
  ],
);

/**
 * The items of a bundle. `condition` (null = always) decides from the
 * situation answers whether the item applies (bundles.rules.ts Condition);
 * `form_fields` are the form fields the item needs (FormFieldDef[]);
 * `produces` lists what the item itself issues (the business licence of
 * company registration), so the other items of the bundle do not ask for it.
 */
export const bundleMembers = pgTable(
  'catalog_bundle_members',
  {
    bundleId: integer('bundle_id')
      .notNull()
      .references(() => bundles.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    sort: integer('sort').notNull().default(0),
    condition: jsonb('condition'),
    formFields: jsonb('form_fields').notNull().default(sql`'[]'::jsonb`),
    /** What the item issues inside the bundle (material names or e-licence types): later items do not ask for it. */
    produces: text('produces').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.bundleId, t.itemId] }), index('catalog_bundle_members_item').on(t.itemId)],
);

/**
 * Situation questions (情形引导). `options` is OptionDef[]: an id, a label,
 * and the conditional materials the option requires or the materials it waives.
 */
export const bundleQuestions = pgTable(
  'catalog_bundle_questions',
  {
    bundleId: integer('bundle_id')
      .notNull()
      .references(() => bundles.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    text: text('text').notNull(),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    required: boolean('required').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    /** Asked only when this condition holds (over earlier questions); null = always. */
    showIf: jsonb('show_if'),
    options: jsonb('options').notNull(),
    defaultOptionIds: text('default_option_ids').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.bundleId, t.key] }),
    check('catalog_bundle_questions_kind_check', sql`${t.kind} in (${quoted(QUESTION_KINDS)})`),
  ],
);
