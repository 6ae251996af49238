import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** What a ratable matter is: a completed application (一网通办) or, later, a closed hotline case (一网统管). */
export const SUBJECT_TYPES = ['application', 'case'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
/** How the matter was handled: online, or at a window. */
export const MATTER_CHANNELS = ['online', 'window'] as const;
export type MatterChannel = (typeof MATTER_CHANNELS)[number];
/** How a rating was given: online (one per matter) or on site at the window (one per visit). */
export const RATING_CHANNELS = ['online', 'onsite'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/**
 * A matter that may be rated: one row per completed subject (idempotent on
 * redelivery of the completion event). Names of the units are denormalised
 * from the event so that the published statistics need no other module.
 */
export const ratingMatters = pgTable(
  'rating_matters',
  {
    id: serial('id').primaryKey(),
    subjectType: text('subject_type', { enum: SUBJECT_TYPES }).notNull(),
    subjectId: text('subject_id').notNull(),
    matterNo: text('matter_no').notNull(),
    itemName: text('item_name').notNull(),
    /** The unit that handled the matter (the rated unit). */
    handlingOrgId: integer('handling_org_id').notNull(),
    handlingOrgName: text('handling_org_name').notNull(),
    /** Organisation ids from the root down to the handling unit (scope checks). */
    handlingOrgPath: integer('handling_org_path').array().notNull(),
    /** The window (intake organisation), if the matter came through one. */
    intakeOrgId: integer('intake_org_id'),
    intakeOrgName: text('intake_org_name'),
    intakeOrgPath: integer('intake_org_path').array(),
    channel: text('channel', { enum: MATTER_CHANNELS }).notNull(),
    applicantAccountId: integer('applicant_account_id'),
    regionCode: text('region_code').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
    outcome: text('outcome').notNull(),
    /** Ratings are accepted until this instant. */
    rateBy: timestamp('rate_by', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_matters_subject').on(t.subjectType, t.subjectId),
    index('rating_matters_applicant').on(t.applicantAccountId, t.completedAt),
    index('rating_matters_region_completed').on(t.regionCode, t.completedAt),
    index('rating_matters_handling').on(t.handlingOrgId, t.completedAt),
    check('rating_matters_subject_type_check', sql`${t.subjectType} in (${quoted(SUBJECT_TYPES)})`),
    check('rating_matters_channel_check', sql`${t.channel} in (${quoted(MATTER_CHANNELS)})`),
  ],
);

/**
 * An on-site rating opened by a window clerk for one visit: the applicant
 * rates on the window tablet with the one-time code. One rating per visit.
 */
export const ratingVisits = pgTable(
  'rating_visits',
  {
    id: serial('id').primaryKey(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => ratingMatters.id),
    /** SHA-256 of the one-time code shown on the tablet. */
    codeHash: text('code_hash').notNull(),
    openedBy: integer('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    regionCode: text('region_code').notNull(),
  },
  (t) => [uniqueIndex('rating_visits_code').on(t.codeHash), index('rating_visits_matter').on(t.matterId)],
);

/**
 * One rating. A re-rating inserts a new row and marks the old one
 * superseded (history kept; statistics count the current row only). An
 * upheld appeal marks the rating excluded from statistics.
 */
export const ratings = pgTable(
  'ratings',
  {
    id: serial('id').primaryKey(),
    matterId: integer('matter_id')
      .notNull()
      .references(() => ratingMatters.id),
    channel: text('channel', { enum: RATING_CHANNELS }).notNull(),
    /** The on-site visit rated (null online). */
    visitId: integer('visit_id').references(() => ratingVisits.id),
    /** 'online' or 'visit:<id>': at most one current rating per matter and key. */
    ratingKey: text('rating_key').notNull(),
    level: smallint('level').notNull(),
    /** Dimension scores 1–5, the channel's set (overall = level). */
    dimensions: jsonb('dimensions').notNull(),
    comment: text('comment'),
    reasons: text('reasons').array().notNull().default(sql`'{}'::text[]`),
    raterAccountId: integer('rater_account_id'),
    /** Signed in (real-name): named bad ratings get a 100% call-back. */
    named: boolean('named').notNull(),
    /** The rating this one re-rates (after a call-back). */
    replacesId: integer('replaces_id'),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    excluded: boolean('excluded').notNull().default(false),
    /** Denormalised from the matter for statistics. */
    handlingOrgId: integer('handling_org_id').notNull(),
    intakeOrgId: integer('intake_org_id'),
    regionCode: text('region_code').notNull(),
    ratedAt: timestamp('rated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_current').on(t.matterId, t.ratingKey).where(sql`superseded_at is null`),
    index('ratings_matter').on(t.matterId),
    index('ratings_rater').on(t.raterAccountId, t.ratedAt),
    check('ratings_level_check', sql`${t.level} between 1 and 5`),
    check('ratings_channel_check', sql`${t.channel} in (${quoted(RATING_CHANNELS)})`),
  ],
);

export const RECTIFICATION_OUTCOMES = ['fix_now', 'log_fix', 'explain'] as const;
export type RectificationOutcome = (typeof RECTIFICATION_OUTCOMES)[number];

/**
 * The bad-rating loop of one bad rating (差评整改), a platform workflow item
 * (rectification.workflow.ts): assigned to the rated unit → call-back within
 * N working days → fix now / log and fix by a date / explain → rater told →
 * re-rate or acknowledge; or appeal → upheld (excluded) / rejected.
 */
export const ratingRectifications = pgTable(
  'rating_rectifications',
  {
    id: serial('id').primaryKey(),
    ratingId: integer('rating_id')
      .notNull()
      .references(() => ratings.id),
    matterId: integer('matter_id')
      .notNull()
      .references(() => ratingMatters.id),
    state: text('state').notNull(),
    version: integer('version').notNull().default(1),
    regionCode: text('region_code').notNull(),
    handlingOrgId: integer('handling_org_id').notNull(),
    orgPath: integer('org_path').array().notNull(),
    named: boolean('named').notNull(),
    callbackWarned: boolean('callback_warned').notNull().default(false),
    callbackOverdue: boolean('callback_overdue').notNull().default(false),
    calledBackAt: timestamp('called_back_at', { withTimezone: true }),
    callbackNote: text('callback_note'),
    outcome: text('outcome', { enum: RECTIFICATION_OUTCOMES }),
    outcomeNote: text('outcome_note'),
    fixBy: date('fix_by', { mode: 'string' }),
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    appealReason: text('appeal_reason'),
    appealedBy: integer('appealed_by'),
    appealDecision: text('appeal_decision'),
    appealDecidedBy: integer('appeal_decided_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_rectifications_rating').on(t.ratingId),
    index('rating_rectifications_org').on(t.handlingOrgId, t.state),
    index('rating_rectifications_region').on(t.regionCode, t.state),
    check('rating_rectifications_outcome_check', sql`${t.outcome} is null or ${t.outcome} in (${quoted(RECTIFICATION_OUTCOMES)})`),
  ],
);

/** Notices to the rater (call-back outcome, fix done), shown in the applicant centre. */
export const ratingNotices = pgTable(
  'rating_notices',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull(),
    ratingId: integer('rating_id')
      .notNull()
      .references(() => ratings.id),
    rectificationId: integer('rectification_id').references(() => ratingRectifications.id),
    kind: text('kind').notNull(),
    zh: text('zh').notNull(),
    en: text('en').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('rating_notices_account').on(t.accountId, t.createdAt)],
);
