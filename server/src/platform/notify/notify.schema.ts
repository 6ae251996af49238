import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The inbox of every account (applicants, staff): what happened to their
 * matters (accepted, correction notice, decided, licence issued, call-back
 * result, renewal due, case closed…). Modules write a row in the same
 * transaction as the change it tells of; delivery by SMS or e-mail, where a
 * deployment has it, reads from here.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: bigint('account_id', { mode: 'number' }).notNull(),
    /** What kind of notice, e.g. 'application.accepted', 'license.renewal_due'. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    body: text('body').notNull().default(''),
    bodyEn: text('body_en'),
    /** A path in the web UI to open (e.g. /my/applications/12). */
    link: text('link'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    regionCode: text('region_code'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('notifications_inbox').on(t.accountId, t.id),
    index('notifications_unread').on(t.accountId).where(sql`read_at is null`),
    index('notifications_subject').on(t.subjectType, t.subjectId),
  ],
);
