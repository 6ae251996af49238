import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { items } from './catalog.schema.ts';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** active: exercised by the town or zone; suspended: temporarily back with the county; withdrawn: taken back (收回). */
export const DEVOLUTION_STATUSES = ['active', 'suspended', 'withdrawn'] as const;
export type DevolutionStatus = (typeof DEVOLUTION_STATUSES)[number];
/** Periodic evaluation outcome: 承接良好 / 基本承接 / 承接困难. */
export const EVALUATION_RESULTS = ['good', 'fair', 'poor'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const DUTY_UNIT_KINDS = ['department', 'town'] as const;
export type DutyUnitKind = (typeof DUTY_UNIT_KINDS)[number];
export const DUTY_ROLES = ['lead', 'support'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];
export const DUTY_STATUSES = ['active', 'inactive'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];
/** How a listed proof may be satisfied without the applicant fetching it: 数据共享核验 / 告知承诺. */
export const PROOF_REPLACEMENTS = ['none', 'data_sharing', 'commitment', 'data_sharing_or_commitment'] as const;
export type ProofReplacement = (typeof PROOF_REPLACEMENTS)[number];
/** listed: may be asked for; cancelled: taken off the list (asking for it is not allowed). */
export const PROOF_STATUSES = ['listed', 'cancelled'] as const;
export type ProofStatus = (typeof PROOF_STATUSES)[number];

/**
 * Devolution (赋权): a county power exercised by a town or development zone
 * in its own name (Administrative Penalty Law art. 24), with its decision.
 * `region_code` is the receiving town or zone (9 digits).
 */
export const devolutions = pgTable(
  'catalog_devolutions',
  {
    id: serial('id').primaryKey(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    regionCode: text('region_code').notNull(),
    /** Receiving organisation (organisations.id): the town government, street office or zone committee. */
    orgId: integer('org_id'),
    field: text('field').notNull(),
    legalBasis: text('legal_basis').notNull(),
    decisionNo: text('decision_no').notNull(),
    decidedBy: text('decided_by'),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: DEVOLUTION_STATUSES }).notNull().default('active'),
    note: text('note'),
    lastEvaluatedOn: date('last_evaluated_on', { mode: 'string' }),
    lastResult: text('last_result', { enum: EVALUATION_RESULTS }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_devolutions_current').on(t.itemId, t.regionCode).where(sql`status <> 'withdrawn'`),
    index('catalog_devolutions_region').on(t.regionCode, t.status),
    index('catalog_devolutions_field').on(t.field),
    check('catalog_devolutions_status_check', sql`${t.status} in (${quoted(DEVOLUTION_STATUSES)})`),
    check('catalog_devolutions_result_check', sql`${t.lastResult} is null or ${t.lastResult} in (${quoted(EVALUATION_RESULTS)})`),
  ],
);

/** Periodic evaluations of a devolution (评估): append-only. */
export const devolutionEvaluations = pgTable(
  'catalog_devolution_evaluations',
  {
    id: serial('id').primaryKey(),
    devolutionId: integer('devolution_id')
      .notNull()
      .references(() => devolutions.id),
    regionCode: text('region_code').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    result: text('result', { enum: EVALUATION_RESULTS }).notNull(),
    note: text('note'),
    evaluatedBy: integer('evaluated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_devolution_evaluations_dev').on(t.devolutionId, t.evaluatedOn),
    check('catalog_devolution_evaluations_result_check', sql`${t.result} in (${quoted(EVALUATION_RESULTS)})`),
  ],
);

/**
 * Territorial-management list entries (属地管理事项): one matter (a case
 * category code such as `event.garbage`) in one region. A county-wide entry
 * (6-digit region) applies in every town; a town entry (9 digits) overrides it
 * for that town. `lead_kind` is who leads; a town entry may only make the town
 * lead a matter the county list gives to a department when the power was
 * devolved to that town (`devolution_id`).
 */
export const dutyMatters = pgTable(
  'catalog_duty_matters',
  {
    id: serial('id').primaryKey(),
    matterCode: text('matter_code').notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    regionCode: text('region_code').notNull(),
    leadKind: text('lead_kind', { enum: DUTY_UNIT_KINDS }).notNull(),
    devolutionId: integer('devolution_id').references(() => devolutions.id),
    description: text('description'),
    status: text('status', { enum: DUTY_STATUSES }).notNull().default('active'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('catalog_duty_matters_current').on(t.matterCode, t.regionCode).where(sql`status = 'active'`),
    index('catalog_duty_matters_region').on(t.regionCode, t.matterCode),
    index('catalog_duty_matters_field').on(t.field),
    check('catalog_duty_matters_lead_check', sql`${t.leadKind} in (${quoted(DUTY_UNIT_KINDS)})`),
    check('catalog_duty_matters_status_check', sql`${t.status} in (${quoted(DUTY_STATUSES)})`),
  ],
);

/**
 * The duties of one entry: each names its unit (a county department, or the
 * town; `org_id` null for "the town where the matter is"), its text and its
 * legal basis ("every duty has a basis").
 */
export const duties = pgTable(
  'catalog_duties',
  {
    id: serial('id').primaryKey(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => dutyMatters.id, { onDelete: 'cascade' }),
    regionCode: text('region_code').notNull(),
    role: text('role', { enum: DUTY_ROLES }).notNull(),
    unitKind: text('unit_kind', { enum: DUTY_UNIT_KINDS }).notNull(),
    orgId: integer('org_id'),
    unitName: text('unit_name').notNull(),
    duty: text('duty').notNull(),
    basis: text('basis').notNull(),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [
    index('catalog_duties_matter').on(t.matterId, t.sort),
    index('catalog_duties_org').on(t.orgId),
    check('catalog_duties_role_check', sql`${t.role} in (${quoted(DUTY_ROLES)})`),
    check('catalog_duties_unit_check', sql`${t.unitKind} in (${quoted(DUTY_UNIT_KINDS)})`),
    check('catalog_duties_basis_check', sql`length(trim(${t.basis})) > 0`),
  ],
);

/**
 * The proof-requirement list (证明事项清单, Optimising Business Environment
 * Regulation art. 44): only proofs listed here may be asked for.
 */
export const proofs = pgTable(
  'catalog_proofs',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    /** Publishing region: the list applies in this region and below. */
    regionCode: text('region_code').notNull(),
    basis: text('basis').notNull(),
    requestingUnit: text('requesting_unit').notNull(),
    issuingUnit: text('issuing_unit').notNull(),
    guide: text('guide').notNull(),
    replacement: text('replacement', { enum: PROOF_REPLACEMENTS }).notNull().default('none'),
    status: text('status', { enum: PROOF_STATUSES }).notNull().default('listed'),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('catalog_proofs_region').on(t.regionCode, t.status),
    index('catalog_proofs_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    check('catalog_proofs_replacement_check', sql`${t.replacement} in (${quoted(PROOF_REPLACEMENTS)})`),
    check('catalog_proofs_status_check', sql`${t.status} in (${quoted(PROOF_STATUSES)})`),
  ],
);
