import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Official holiday schedules loaded into the platform, one row per year (a year is loaded only when its file has days). */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    /** Where the schedule came from: 'bundled:holiday-cn', 'api', 'cli', … */
    source: text('source').notNull(),
    /** The State Council notices it was taken from. */
    papers: jsonb('papers').notNull().default(sql`'[]'::jsonb`),
    dayCount: integer('day_count').notNull(),
    loadedBy: text('loaded_by').notNull(),
    loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_years_days', sql`${t.dayCount} > 0`)],
);

/** The days a schedule lists: days off and make-up working days (调休). Unlisted days follow the normal week. */
export const calendarDays = pgTable(
  'calendar_days',
  {
    year: integer('year')
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    isOffDay: boolean('is_off_day').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.date] }), index('calendar_days_date').on(t.date)],
);

/**
 * Stored deadlines (DESIGN §4 SLA clock): a budget in working days, working
 * hours or calendar days from a start, with pauses. due_at and warn_at are
 * stored and recomputed only when a pause ends or the calendar changes.
 * For day units due_at is the end (24:00 China time) of due_date.
 */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** Which limit of the subject this clock measures (e.g. 'decision', 'correction'). */
    purpose: text('purpose').notNull().default('main'),
    regionCode: text('region_code').notNull(),
    unit: text('unit', { enum: ['working_days', 'working_hours', 'calendar_days'] }).notNull(),
    budget: doublePrecision('budget').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** The China-local date of started_at (the day not counted). */
    startDate: date('start_date', { mode: 'string' }).notNull(),
    state: text('state', { enum: ['running', 'paused', 'stopped'] }).notNull().default('running'),
    /** Time paused so far, in the clock's unit. */
    pausedTotal: doublePrecision('paused_total').notNull().default(0),
    pauseStartedAt: timestamp('pause_started_at', { withTimezone: true, mode: 'string' }),
    /** Warn this much (in the unit) before the due time; 0 = no warning. */
    warnBefore: doublePrecision('warn_before').notNull().default(0),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    warnAt: timestamp('warn_at', { withTimezone: true, mode: 'string' }),
    /** The deadline runs through a year whose official schedule is not loaded. */
    provisional: boolean('provisional').notNull().default(false),
    stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'string' }),
    /** Set when stopped: whether it stopped after the due time. */
    overdue: boolean('overdue'),
    /** When the SLA watcher announced the warning (sla.warning) for the current warn_at; null = not yet. */
    warnedAt: timestamp('warned_at', { withTimezone: true, mode: 'string' }),
    /** When the SLA watcher announced the overdue (sla.overdue) for the current due_at; null = not yet. */
    overdueAt: timestamp('overdue_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('sla_clocks_subject').on(t.subjectType, t.subjectId),
    index('sla_clocks_due').on(t.dueAt).where(sql`state = 'running'`),
    index('sla_clocks_warn').on(t.warnAt).where(sql`state = 'running'`),
    index('sla_clocks_open_span').on(t.startDate, t.dueDate).where(sql`state <> 'stopped'`),
    index('sla_clocks_region').on(t.regionCode, t.dueAt),
    check('sla_clocks_budget', sql`${t.budget} >= 0 and ${t.pausedTotal} >= 0 and ${t.warnBefore} >= 0`),
  ],
);
