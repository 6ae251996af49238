/**
 * The case loop of 一网统管 (DOMAIN §5): categories (GB/T 30428 asset and
 * event classes, 12345 request kinds, business-environment complaints),
 * cases from every source, and the photos of each stage. The trace of a
 * case is the platform workflow history (workflow 'case').
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const CATEGORY_KINDS = ['asset', 'event', 'hotline', 'complaint'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];
export const CASE_KINDS = ['event', 'asset', 'hotline', 'complaint'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_SOURCES = ['grid_patrol', 'public', 'hotline', 'enterprise', 'sensor', 'open311', 'assigned_from_above'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
/** 12345 request kinds: 咨询, 求助, 投诉, 举报, 建议. */
export const HOTLINE_KINDS = ['consult', 'help', 'complaint', 'report', 'suggest'] as const;
export type HotlineKind = (typeof HOTLINE_KINDS)[number];
export const LIMIT_UNITS = ['working_days', 'working_hours'] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const REQUESTER_KINDS = ['anonymous', 'account', 'caller', 'enterprise', 'staff', 'machine'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];
export const PHOTO_STAGES = ['report', 'feedback', 'verify'] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/**
 * Case categories (案件分类): a class and sub-class with filing conditions
 * (立案条件), the handling limit in working days or working hours, closing
 * conditions (结案条件), the default urgency, the territorial-duty matter
 * code that routes it (catalog duty list) and, for the hotline, a call
 * script. Edited by staff with optimistic locking; each case keeps the
 * version it was filed under.
 */
export const caseCategories = pgTable(
  'case_categories',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    kind: text('kind', { enum: CATEGORY_KINDS }).notNull(),
    className: text('class_name').notNull(),
    name: text('name').notNull(),
    filingConditions: text('filing_conditions').notNull(),
    closingConditions: text('closing_conditions').notNull(),
    limitAmount: doublePrecision('limit_amount').notNull(),
    limitUnit: text('limit_unit', { enum: LIMIT_UNITS }).notNull(),
    defaultUrgency: text('default_urgency', { enum: URGENCIES }).notNull().default('normal'),
    /** Territorial-duty matter code (catalog_duty_matters.matter_code) deciding lead and supporting units. */
    dutyMatterCode: text('duty_matter_code'),
    /** For hotline categories: the 12345 request kind whose default limit this is. */
    hotlineKind: text('hotline_kind', { enum: HOTLINE_KINDS }),
    callScript: text('call_script'),
    sort: integer('sort').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_categories_code').on(t.code),
    index('case_categories_kind').on(t.kind, t.sort, t.id),
    check('case_categories_kind_check', sql`${t.kind} in (${quoted(CATEGORY_KINDS)})`),
    check('case_categories_unit_check', sql`${t.limitUnit} in (${quoted(LIMIT_UNITS)})`),
    check('case_categories_urgency_check', sql`${t.defaultUrgency} in (${quoted(URGENCIES)})`),
    check('case_categories_limit_check', sql`${t.limitAmount} > 0`),
  ],
);

/**
 * Cases (案件, 工单): one table for grid events, assets, hotline requests and
 * complaints. `region_code` is the town where the case is (or the county
 * when the town is not known yet); the lead organisation's path is copied
 * for scope checks. The requester's full phone number is never listed: it
 * is read through an audited endpoint; lookups go by its SHA-256.
 */
export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseNo: text('case_no').notNull(),
    kind: text('kind', { enum: CASE_KINDS }).notNull(),
    source: text('source', { enum: CASE_SOURCES }).notNull(),
    categoryId: integer('category_id').notNull(),
    categoryCode: text('category_code').notNull(),
    categoryVersion: integer('category_version').notNull(),
    /** The handling limit applied (category's, or the hotline kind's / emergency's). */
    limitAmount: doublePrecision('limit_amount').notNull(),
    limitUnit: text('limit_unit').notNull(),
    title: text('title'),
    description: text('description').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    address: text('address'),
    gridId: text('grid_id'),
    gridCode: text('grid_code'),
    gridName: text('grid_name'),
    townRegionCode: text('town_region_code'),
    regionCode: text('region_code').notNull(),
    requesterKind: text('requester_kind', { enum: REQUESTER_KINDS }).notNull(),
    requesterAccountId: integer('requester_account_id'),
    requesterName: text('requester_name'),
    requesterPhone: text('requester_phone'),
    requesterPhoneMasked: text('requester_phone_masked'),
    requesterPhoneHash: text('requester_phone_hash'),
    requesterUscc: text('requester_uscc'),
    /** The grid worker or inspector who reported it (verifies on site). */
    reporterAccountId: integer('reporter_account_id'),
    hotlineKind: text('hotline_kind', { enum: HOTLINE_KINDS }),
    urgency: text('urgency', { enum: URGENCIES }).notNull().default('normal'),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    /** Routing suggestion from the duty list (lead, supporting, reason) or why it could not be routed. */
    route: jsonb('route'),
    routable: boolean('routable').notNull().default(false),
    leadOrgId: integer('lead_org_id'),
    leadOrgPath: integer('lead_org_path').array().notNull().default(sql`'{}'::int[]`),
    supportingOrgIds: integer('supporting_org_ids').array().notNull().default(sql`'{}'::int[]`),
    returnedOrgIds: integer('returned_org_ids').array().notNull().default(sql`'{}'::int[]`),
    /** 0 town centre, 1 county centre, 2 city centre. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    reworkCount: integer('rework_count').notNull().default(0),
    extensionCount: integer('extension_count').notNull().default(0),
    urgeCount: integer('urge_count').notNull().default(0),
    pendingExtension: jsonb('pending_extension'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    firstDispatchedAt: timestamp('first_dispatched_at', { withTimezone: true }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedOnTime: boolean('closed_on_time'),
    /** Hotline call-back / complainant confirmation: satisfied, unsatisfied. */
    satisfaction: text('satisfaction'),
    evaluationScore: integer('evaluation_score'),
    mergedInto: bigint('merged_into', { mode: 'number' }),
    /** Open311 service_request_id or a sensor's event id: a repeated machine submission returns the first case. */
    externalRef: text('external_ref'),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_case_no').on(t.caseNo),
    uniqueIndex('cases_external_ref').on(t.source, t.externalRef).where(sql`external_ref is not null`),
    index('cases_region_reported').on(t.regionCode.op('text_pattern_ops'), t.reportedAt),
    index('cases_reported').on(t.reportedAt),
    index('cases_state_region').on(t.state, t.regionCode),
    index('cases_lead_state_due').on(t.leadOrgId, t.state, t.dueAt),
    index('cases_lead_path').using('gin', t.leadOrgPath),
    index('cases_category_reported').on(t.categoryCode, t.reportedAt),
    index('cases_phone_hash').on(t.requesterPhoneHash).where(sql`requester_phone_hash is not null`),
    index('cases_requester').on(t.requesterAccountId).where(sql`requester_account_id is not null`),
    index('cases_reporter').on(t.reporterAccountId).where(sql`reporter_account_id is not null`),
    index('cases_grid').on(t.gridId, t.state),
    index('cases_due_open').on(t.dueAt).where(sql`closed_at is null and due_at is not null`),
    check('cases_kind_check', sql`${t.kind} in (${quoted(CASE_KINDS)})`),
    check('cases_source_check', sql`${t.source} in (${quoted(CASE_SOURCES)})`),
    check('cases_urgency_check', sql`${t.urgency} in (${quoted(URGENCIES)})`),
    check('cases_escalation_check', sql`${t.escalationLevel} between 0 and 2`),
    check('cases_lnglat_check', sql`(${t.lng} is null) = (${t.lat} is null) and (${t.lng} is null or (${t.lng} between -180 and 180 and ${t.lat} between -90 and 90))`),
  ],
);

/** Photos of a case by stage (report, handler's feedback, on-site verification): files of the platform files service. */
export const casePhotos = pgTable(
  'case_photos',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    fileId: text('file_id').notNull(),
    stage: text('stage', { enum: PHOTO_STAGES }).notNull(),
    regionCode: text('region_code').notNull(),
    addedBy: integer('added_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_photos_unique').on(t.caseId, t.stage, t.fileId),
    check('case_photos_stage_check', sql`${t.stage} in (${quoted(PHOTO_STAGES)})`),
  ],
);
