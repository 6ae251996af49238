import { sql } from 'drizzle-orm';
import { query, type Executor } from '../db/index.ts';
import type { YearSchedule } from './calendar.rules.ts';
import type { SlaUnit } from './sla.rules.ts';

const CALENDAR_LOCK = 7318556;

/** Serialises calendar loads (and seeding) across processes, inside the caller's transaction. */
export async function lockCalendar(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK})`);
}

/** Taken by deadline computations: waits for a calendar load in progress to commit, and holds off the next one. */
export async function lockCalendarShared(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock_shared(${CALENDAR_LOCK})`);
}

/** A timestamptz column as an ISO string in UTC (the same text on both drivers). */
const utc = (col: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ${col}`;

export interface YearRow {
  year: number;
  source: string;
  papers: string[];
  dayCount: number;
  loadedBy: string;
  loadedAt: string;
}

export async function listYears(ex: Executor): Promise<YearRow[]> {
  const rows = await query<{ year: number; source: string; papers: string[]; day_count: number; loaded_by: string; loaded_at: string }>(
    ex,
    sql`select year, source, papers, day_count, loaded_by, ${sql.raw(utc('loaded_at'))} from calendar_years order by year`,
  );
  return rows.map((r) => ({ year: r.year, source: r.source, papers: r.papers ?? [], dayCount: r.day_count, loadedBy: r.loaded_by, loadedAt: r.loaded_at }));
}

export async function listSchedules(ex: Executor): Promise<YearSchedule[]> {
  const rows = await query<{ year: number; date: string; is_off_day: boolean; name: string }>(
    ex,
    sql`select d.year, d.date::text as date, d.is_off_day, d.name from calendar_days d order by d.year, d.date`,
  );
  const byYear = new Map<number, YearSchedule>();
  for (const r of rows) {
    let s = byYear.get(r.year);
    if (!s) byYear.set(r.year, (s = { year: r.year, days: [] }));
    s.days.push({ date: r.date, name: r.name, isOffDay: r.is_off_day });
  }
  return [...byYear.values()];
}

/** Changes whenever a year is loaded or replaced (used to notice loads made by other processes). */
export async function calendarRevision(ex: Executor): Promise<string> {
  const [r] = await query<{ rev: string }>(
    ex,
    sql`select count(*)::text || '|' || coalesce(max(loaded_at)::text, '') || '|' || coalesce(sum(day_count), 0)::text as rev from calendar_years`,
  );
  return r?.rev ?? '';
}

/** Inserts or replaces one year's schedule. */
export async function replaceYear(ex: Executor, s: YearSchedule & { papers: string[] }, source: string, loadedBy: string): Promise<void> {
  await ex.execute(sql`insert into calendar_years (year, source, papers, day_count, loaded_by, loaded_at)
    values (${s.year}, ${source}, ${JSON.stringify(s.papers)}::jsonb, ${s.days.length}, ${loadedBy}, now())
    on conflict (year) do update set source = excluded.source, papers = excluded.papers, day_count = excluded.day_count,
      loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at`);
  await ex.execute(sql`delete from calendar_days where year = ${s.year}`);
  const days = s.days.map((d) => ({ date: d.date, is_off_day: d.isOffDay, name: d.name }));
  await ex.execute(sql`insert into calendar_days (year, date, is_off_day, name)
    select ${s.year}, v.date, v.is_off_day, v.name
    from jsonb_to_recordset(${JSON.stringify(days)}::jsonb) as v(date date, is_off_day boolean, name text)`);
}

// ---- SLA clocks ------------------------------------------------------------------------------

export type SlaState = 'running' | 'paused' | 'stopped';

export interface SlaClock {
  id: number;
  subjectType: string;
  subjectId: string;
  purpose: string;
  regionCode: string;
  unit: SlaUnit;
  budget: number;
  startedAt: string;
  startDate: string;
  state: SlaState;
  pausedTotal: number;
  pauseStartedAt: string | null;
  warnBefore: number;
  dueAt: string;
  dueDate: string;
  warnAt: string | null;
  provisional: boolean;
  stoppedAt: string | null;
  overdue: boolean | null;
  version: number;
}

const CLOCK_COLS = sql.raw(
  [
    'id::float8 as id, subject_type, subject_id, purpose, region_code, unit, budget',
    utc('started_at'),
    'start_date::text as start_date, state, paused_total',
    utc('pause_started_at'),
    'warn_before',
    utc('due_at'),
    'due_date::text as due_date',
    utc('warn_at'),
    'provisional',
    utc('stopped_at'),
    'overdue, version',
  ].join(', '),
);

interface ClockRow {
  id: number;
  subject_type: string;
  subject_id: string;
  purpose: string;
  region_code: string;
  unit: SlaUnit;
  budget: number;
  started_at: string;
  start_date: string;
  state: SlaState;
  paused_total: number;
  pause_started_at: string | null;
  warn_before: number;
  due_at: string;
  due_date: string;
  warn_at: string | null;
  provisional: boolean;
  stopped_at: string | null;
  overdue: boolean | null;
  version: number;
}

function toClock(r: ClockRow): SlaClock {
  return {
    id: Number(r.id),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    purpose: r.purpose,
    regionCode: r.region_code,
    unit: r.unit,
    budget: Number(r.budget),
    startedAt: r.started_at,
    startDate: r.start_date,
    state: r.state,
    pausedTotal: Number(r.paused_total),
    pauseStartedAt: r.pause_started_at,
    warnBefore: Number(r.warn_before),
    dueAt: r.due_at,
    dueDate: r.due_date,
    warnAt: r.warn_at,
    provisional: r.provisional,
    stoppedAt: r.stopped_at,
    overdue: r.overdue,
    version: r.version,
  };
}

export interface NewClock {
  subjectType: string;
  subjectId: string;
  purpose: string;
  regionCode: string;
  unit: SlaUnit;
  budget: number;
  startedAt: string;
  startDate: string;
  warnBefore: number;
  dueAt: string;
  dueDate: string;
  warnAt: string | null;
  provisional: boolean;
}

export async function insertClock(ex: Executor, c: NewClock): Promise<SlaClock> {
  const [row] = await query<ClockRow>(
    ex,
    sql`insert into sla_clocks (subject_type, subject_id, purpose, region_code, unit, budget, started_at, start_date, warn_before,
          due_at, due_date, warn_at, provisional)
        values (${c.subjectType}, ${c.subjectId}, ${c.purpose}, ${c.regionCode}, ${c.unit}, ${c.budget}, ${c.startedAt}::timestamptz,
          ${c.startDate}::date, ${c.warnBefore}, ${c.dueAt}::timestamptz, ${c.dueDate}::date, ${c.warnAt}::timestamptz, ${c.provisional})
        returning ${CLOCK_COLS}`,
  );
  return toClock(row);
}

export async function findClock(ex: Executor, id: number, forUpdate = false): Promise<SlaClock | undefined> {
  const [row] = await query<ClockRow>(ex, sql`select ${CLOCK_COLS} from sla_clocks where id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return row ? toClock(row) : undefined;
}

export async function clocksOfSubject(ex: Executor, subjectType: string, subjectId: string): Promise<SlaClock[]> {
  const rows = await query<ClockRow>(
    ex,
    sql`select ${CLOCK_COLS} from sla_clocks where subject_type = ${subjectType} and subject_id = ${subjectId} order by id`,
  );
  return rows.map(toClock);
}

export interface ClockChange {
  state: SlaState;
  budget: number;
  pausedTotal: number;
  pauseStartedAt: string | null;
  dueAt: string;
  dueDate: string;
  warnAt: string | null;
  provisional: boolean;
  stoppedAt: string | null;
  overdue: boolean | null;
}

/** Writes a clock's new state; the version check makes a concurrent change a conflict (0 rows). */
export async function updateClock(ex: Executor, id: number, version: number, c: ClockChange): Promise<SlaClock | undefined> {
  const [row] = await query<ClockRow>(
    ex,
    sql`update sla_clocks set state = ${c.state}, budget = ${c.budget}, paused_total = ${c.pausedTotal}, pause_started_at = ${c.pauseStartedAt}::timestamptz,
          due_at = ${c.dueAt}::timestamptz, due_date = ${c.dueDate}::date, warn_at = ${c.warnAt}::timestamptz,
          provisional = ${c.provisional}, stopped_at = ${c.stoppedAt}::timestamptz, overdue = ${c.overdue},
          version = version + 1, updated_at = now()
        where id = ${id} and version = ${version}
        returning ${CLOCK_COLS}`,
  );
  return row ? toClock(row) : undefined;
}

/** Open (running or paused) clocks whose span from start to due touches [from, to], a page at a time, locked. */
export async function openClocksInSpan(ex: Executor, from: string, to: string, afterId: number, limit: number): Promise<SlaClock[]> {
  const rows = await query<ClockRow>(
    ex,
    sql`select ${CLOCK_COLS} from sla_clocks
        where state <> 'stopped' and start_date <= ${to}::date and due_date >= ${from}::date and id > ${afterId}
        order by id limit ${limit} for update`,
  );
  return rows.map(toClock);
}

export interface DeadlineUpdate {
  id: number;
  dueAt: string;
  dueDate: string;
  warnAt: string | null;
  provisional: boolean;
}

/** Stores recomputed deadlines in one statement. */
export async function updateDeadlines(ex: Executor, rows: DeadlineUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r) => ({ id: r.id, due_at: r.dueAt, due_date: r.dueDate, warn_at: r.warnAt, provisional: r.provisional }));
  await ex.execute(sql`update sla_clocks c set due_at = v.due_at, due_date = v.due_date, warn_at = v.warn_at, provisional = v.provisional,
      version = c.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id bigint, due_at timestamptz, due_date date, warn_at timestamptz, provisional boolean)
    where c.id = v.id`);
}
