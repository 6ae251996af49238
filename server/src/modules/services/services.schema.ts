import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgSequence, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const APPLICATION_KINDS = ['single', 'bundle', 'sub'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const CHANNELS = ['online', 'window'] as const;
export type Channel = (typeof CHANNELS)[number];
export const MATERIAL_STATUSES = ['missing', 'provided', 'reused', 'deferred'] as const;
export type MaterialStatus = (typeof MATERIAL_STATUSES)[number];
export const NOTICE_KINDS = ['receipt', 'correction', 'refusal', 'decision', 'special_procedure', 'extension', 'deferred', 'commitment'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Applications (办件): one row per application. A bundle (一件事) is a parent
 * row with one `sub` row per applicable member item and department, each
 * with its own clock. Runs on platform/workflow (state, version); scope is
 * the handling organisation's path plus the region.
 */
export const applications = pgTable(
  'applications',
  {
    id: serial('id').primaryKey(),
    applicationNo: text('application_no').notNull(),
    kind: text('kind', { enum: APPLICATION_KINDS }).notNull(),
    parentId: integer('parent_id'),
    itemId: integer('item_id'),
    implCode: text('impl_code'),
    baseCode: text('base_code'),
    itemName: text('item_name').notNull(),
    bundleCode: text('bundle_code'),
    /** Snapshot of the item facts the application needs later (process steps, special procedures, result, materials). */
    itemSnapshot: jsonb('item_snapshot').notNull().default(sql`'{}'::jsonb`),
    applicantAccountId: integer('applicant_account_id'),
    applicantKind: text('applicant_kind', { enum: ['person', 'legal'] }).notNull(),
    applicantName: text('applicant_name').notNull(),
    /** Full, validated resident ID or USCC (shown masked). */
    applicantIdNumber: text('applicant_id_number').notNull(),
    agentAccountId: integer('agent_account_id'),
    agentName: text('agent_name'),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    intakeOrgId: integer('intake_org_id'),
    handlingOrgId: integer('handling_org_id'),
    handlingOrgName: text('handling_org_name').notNull(),
    handlingOrgPath: integer('handling_org_path').array().notNull().default(sql`'{}'::int[]`),
    regionCode: text('region_code').notNull(),
    formData: jsonb('form_data').notNull().default(sql`'{}'::jsonb`),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    stepIndex: integer('step_index').notNull().default(0),
    promisedDays: integer('promised_days'),
    statutoryDays: integer('statutory_days'),
    /** The decision clock's budget in working days (promised, capped by statutory, default 20). */
    decisionDays: integer('decision_days').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** normal | deferred (容缺) | commitment (告知承诺) | deemed (art. 32: no correction notice in time) */
    acceptance: text('acceptance'),
    correctionIssued: boolean('correction_issued').notNull().default(false),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** approved | denied | refused (not accepted) | joined (bundle) */
    outcome: text('outcome'),
    decisionReason: text('decision_reason'),
    decisionBasis: text('decision_basis'),
    extensionDays: integer('extension_days').notNull().default(0),
    extensionReason: text('extension_reason'),
    extensionRequestedBy: integer('extension_requested_by'),
    /** The special procedure in progress: { name, expectedDays, counted, startedAt }. */
    special: jsonb('special'),
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    overdueExplanation: text('overdue_explanation'),
    overdueExplainedAt: timestamp('overdue_explained_at', { withTimezone: true }),
    overdueExplainedBy: integer('overdue_explained_by'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('applications_no').on(t.applicationNo),
    index('applications_applicant').on(t.applicantAccountId, t.id),
    index('applications_agent').on(t.agentAccountId, t.id),
    index('applications_parent').on(t.parentId),
    index('applications_region_state').on(t.regionCode, t.state, t.id),
    index('applications_org_path').using('gin', t.handlingOrgPath),
    index('applications_overdue').on(t.overdueAt).where(sql`overdue_at is not null`),
    check('applications_kind', sql`${t.kind} in (${quoted(APPLICATION_KINDS)})`),
    check('applications_channel', sql`${t.channel} in (${quoted(CHANNELS)})`),
  ],
);

/** The materials of an application, one row per (merged) material of the guide. */
export const applicationMaterials = pgTable(
  'application_materials',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    regionCode: text('region_code').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    requirement: text('requirement').notNull(),
    deferrable: boolean('deferrable').notNull().default(false),
    licenseType: text('license_type'),
    /** The member items it serves (bundles). */
    itemIds: integer('item_ids').array().notNull().default(sql`'{}'::int[]`),
    sort: integer('sort').notNull().default(0),
    status: text('status', { enum: MATERIAL_STATUSES }).notNull().default('missing'),
    fileId: uuid('file_id'),
    fileName: text('file_name'),
    sha256: text('sha256'),
    reusedLicenceId: text('reused_licence_id'),
    reusedLicenceNo: text('reused_licence_no'),
    reusedMaterialId: integer('reused_material_id'),
    deferredUntil: date('deferred_until', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_materials_key').on(t.applicationId, t.key),
    index('application_materials_file').on(t.fileId),
    check('application_materials_status', sql`${t.status} in (${quoted(MATERIAL_STATUSES)})`),
  ],
);

/** Notices (文书): receipts, the one correction notice, refusals, decisions, special-procedure and extension notices. */
export const applicationNotices = pgTable(
  'application_notices',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    regionCode: text('region_code').notNull(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    number: text('number').notNull(),
    content: jsonb('content').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedBy: integer('issued_by'),
  },
  (t) => [
    uniqueIndex('application_notices_number').on(t.number),
    index('application_notices_application').on(t.applicationId, t.id),
    // Licensing Law art. 32: everything missing is listed at once — one correction notice per application
    uniqueIndex('application_notices_one_correction').on(t.applicationId).where(sql`kind = 'correction'`),
    check('application_notices_kind', sql`${t.kind} in (${quoted(NOTICE_KINDS)})`),
  ],
);

/** Countersign requests (会签): another department's opinion, needed before the decision. */
export const applicationCountersigns = pgTable(
  'application_countersigns',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    regionCode: text('region_code').notNull(),
    orgId: integer('org_id').notNull(),
    orgName: text('org_name').notNull(),
    orgPath: integer('org_path').array().notNull(),
    state: text('state', { enum: ['pending', 'agreed', 'disagreed'] }).notNull().default('pending'),
    question: text('question').notNull(),
    opinion: text('opinion'),
    requestedBy: integer('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    answeredBy: integer('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('application_countersigns_application').on(t.applicationId), index('application_countersigns_org').using('gin', t.orgPath)],
);

/** Proxy authorisations (代办): a firm authorises an agent account to apply on its behalf until a date. */
export const proxyAuthorisations = pgTable(
  'proxy_authorisations',
  {
    id: serial('id').primaryKey(),
    firmUscc: text('firm_uscc').notNull(),
    firmName: text('firm_name').notNull(),
    firmAccountId: integer('firm_account_id'),
    agentAccountId: integer('agent_account_id').notNull(),
    agentName: text('agent_name').notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proxy_authorisations_agent').on(t.agentAccountId, t.firmUscc), index('proxy_authorisations_firm').on(t.firmUscc)],
);

/** Serial numbers behind readable application numbers (JY20261203000123): one sequence, no hot counter row. */
export const applicationNoSeq = pgSequence('application_no_seq', { startWith: 1 });

/**
 * Verification tasks of approvals on commitment (告知承诺): the decision was
 * made on the applicant's written commitment; the supervising side checks
 * within a time limit whether the commitment holds (on its own clock,
 * subject `commitment_check`). Runs on platform/workflow: open → met | breached.
 */
export const commitmentChecks = pgTable(
  'commitment_checks',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    applicationNo: text('application_no').notNull(),
    itemName: text('item_name').notNull(),
    holderName: text('holder_name').notNull(),
    commitments: text('commitments').notNull(),
    handlingOrgId: integer('handling_org_id'),
    handlingOrgName: text('handling_org_name').notNull(),
    handlingOrgPath: integer('handling_org_path').array().notNull(),
    regionCode: text('region_code').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    state: text('state', { enum: ['open', 'met', 'breached'] }).notNull().default('open'),
    result: text('result'),
    checkedBy: integer('checked_by'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commitment_checks_application').on(t.applicationId), index('commitment_checks_open').on(t.regionCode, t.state, t.approvedAt)],
);
