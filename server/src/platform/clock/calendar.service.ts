/**
 * The working-day calendar of the running platform: official schedules
 * loaded from the database into an in-memory Calendar, loading a new year's
 * schedule (audited, recomputing the stored deadlines it affects), and the
 * SLA clocks that use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inTransaction, type Db, type Executor } from '../db/index.ts';
import { recordAudit, type AuditWho } from '../audit/index.ts';
import { dayNumber, isoOf } from './dates.ts';
import { Calendar, changedDays, type DayChange, type YearSchedule } from './calendar.rules.ts';
import { parseOfficeHours, type OfficeHours } from './office-hours.ts';
import { parseHolidayFile } from './holiday-file.ts';
import { SlaClocks, type RecomputeResult } from './sla.service.ts';
import * as repo from './clock.repository.ts';

export type { YearRow } from './clock.repository.ts';

/** The holiday-cn files shipped with the server (server/data/holidays). */
export const BUNDLED_HOLIDAYS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/holidays');

export interface CalendarServiceOptions {
  /** OFFICE_HOURS, e.g. '09:00-12:00,13:30-17:30'. */
  officeHours?: string;
  /** Load the bundled schedules not yet in the database (default true). */
  seed?: boolean;
  /** Directory of bundled holiday-cn files (default BUNDLED_HOLIDAYS_DIR). */
  bundledDir?: string;
  /** How often fresh() checks the database for years loaded by another process (default 10 s). */
  refreshSeconds?: number;
}

export interface LoadYearResult {
  year: number;
  /** True when the year had no schedule before (it was provisional). */
  created: boolean;
  dayCount: number;
  /** Days whose status changed in the effective calendar. */
  changes: DayChange[];
  recomputed: RecomputeResult;
}

export interface YearStatus {
  year: number;
  loaded: boolean;
  provisional: boolean;
  source: string | null;
  loadedAt: string | null;
  papers: string[];
  dayCount: number;
}

const SYSTEM_WHO: AuditWho = { actor: { id: 0, username: 'system' } };

/** Reads the bundled files that list days (a file without days, like 2027.json, is not a published schedule). */
export function readBundledSchedules(dir: string = BUNDLED_HOLIDAYS_DIR): (YearSchedule & { papers: string[] })[] {
  if (!fs.existsSync(dir)) return [];
  const out: (YearSchedule & { papers: string[] })[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => /^\d{4}\.json$/.test(n)).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { days?: unknown[] };
    if (!Array.isArray(json.days) || json.days.length === 0) continue;
    out.push(parseHolidayFile(json));
  }
  return out;
}

export class CalendarService {
  readonly clocks: SlaClocks;
  readonly officeHours: OfficeHours;
  private cal: Calendar;
  private years: repo.YearRow[] = [];
  private revision: string | null = null;
  private checkedAt = 0;

  private constructor(
    /** The database the calendar was loaded from (and reloads from). */
    readonly db: Db,
    private readonly opts: CalendarServiceOptions,
  ) {
    this.officeHours = parseOfficeHours(opts.officeHours);
    this.cal = Calendar.build([], { officeHours: this.officeHours });
    this.clocks = new SlaClocks((tx) => this.current(tx));
  }

  /** Seeds the bundled schedules (unless seed: false) and loads every schedule in the database. */
  static async load(db: Db, opts: CalendarServiceOptions = {}): Promise<CalendarService> {
    const s = new CalendarService(db, opts);
    if (opts.seed !== false) await s.seedBundled();
    await s.reload();
    return s;
  }

  /** The current calendar of this process. */
  get calendar(): Calendar {
    return this.cal;
  }

  /** The current calendar, first reloading it when another process loaded a year (checked at most every refreshSeconds). */
  async fresh(): Promise<Calendar> {
    const ttl = (this.opts.refreshSeconds ?? 10) * 1000;
    if (Date.now() - this.checkedAt < ttl) return this.cal;
    this.checkedAt = Date.now();
    if ((await repo.calendarRevision(this.db)) !== this.revision) await this.reload();
    return this.cal;
  }

  /**
   * The calendar to store deadlines with, inside a transaction: waits for a
   * load in progress (shared advisory lock) and reloads when the database has
   * a schedule this process has not seen.
   */
  async current(tx: Executor): Promise<Calendar> {
    await repo.lockCalendarShared(tx);
    if ((await repo.calendarRevision(tx)) !== this.revision) await this.reload(tx);
    return this.cal;
  }

  /** Rebuilds the in-memory calendar from the database. */
  async reload(ex: Executor = this.db): Promise<Calendar> {
    const revision = await repo.calendarRevision(ex);
    const [years, schedules] = await Promise.all([repo.listYears(ex), repo.listSchedules(ex)]);
    this.cal = Calendar.build(schedules, { officeHours: this.officeHours });
    this.years = years;
    this.revision = revision;
    this.checkedAt = Date.now();
    return this.cal;
  }

  /** Loaded years as known to this process. */
  loadedYears(): repo.YearRow[] {
    return [...this.years];
  }

  yearStatus(year: number): YearStatus {
    const row = this.years.find((y) => y.year === year);
    return {
      year,
      loaded: !!row,
      provisional: !row,
      source: row?.source ?? null,
      loadedAt: row?.loadedAt ?? null,
      papers: row?.papers ?? [],
      dayCount: row?.dayCount ?? 0,
    };
  }

  /**
   * Imports one holiday-cn JSON file: validates it, stores the year (replacing
   * an earlier load), recomputes the stored deadlines that run through it and
   * writes an audit entry, in one transaction; then swaps the in-memory calendar.
   */
  async loadYear(db: Db, json: unknown, who: AuditWho, source = 'api'): Promise<LoadYearResult> {
    const file = parseHolidayFile(json);
    const { result, calendar } = await inTransaction(db, (tx) => this.apply(tx, file, who, source));
    this.cal = calendar;
    this.revision = null;
    this.checkedAt = 0;
    const row = { year: file.year, source, papers: file.papers, dayCount: file.days.length, loadedBy: who.actor.username, loadedAt: new Date().toISOString() };
    this.years = [...this.years.filter((y) => y.year !== file.year), row].sort((a, b) => a.year - b.year);
    return result;
  }

  /**
   * Loads the bundled schedules whose year is not in the database yet
   * (idempotent; several processes starting at once seed once). Returns the years seeded.
   */
  async seedBundled(db: Db = this.db): Promise<number[]> {
    const bundled = readBundledSchedules(this.opts.bundledDir);
    if (bundled.length === 0) return [];
    const existing = new Set((await repo.listYears(db)).map((y) => y.year));
    if (bundled.every((b) => existing.has(b.year))) return [];
    return inTransaction(db, async (tx) => {
      await repo.lockCalendar(tx);
      const have = new Set((await repo.listYears(tx)).map((y) => y.year));
      const seeded: number[] = [];
      for (const file of bundled) {
        if (have.has(file.year)) continue;
        await this.apply(tx, file, SYSTEM_WHO, 'bundled:holiday-cn');
        seeded.push(file.year);
      }
      return seeded;
    });
  }

  private async apply(tx: Executor, file: YearSchedule & { papers: string[] }, who: AuditWho, source: string) {
    await repo.lockCalendar(tx);
    const schedules = await repo.listSchedules(tx);
    const previous = (await repo.listYears(tx)).find((y) => y.year === file.year);
    const before = Calendar.build(schedules, { officeHours: this.officeHours });
    const calendar = Calendar.build([...schedules.filter((s) => s.year !== file.year), file], { officeHours: this.officeHours });
    await repo.replaceYear(tx, file, source, who.actor.username);
    const dates = file.days.map((d) => dayNumber(d.date));
    const from = isoOf(Math.min(dayNumber(`${file.year}-01-01`), ...dates));
    const to = isoOf(Math.max(dayNumber(`${file.year}-12-31`), ...dates));
    const changes = changedDays(before, calendar, from, to);
    const recomputed = await this.clocks.recompute(tx, file.year, calendar);
    await recordAudit(tx, who, {
      action: previous ? 'calendar.year.replace' : 'calendar.year.load',
      entityType: 'calendar_year',
      entityId: file.year,
      before: previous ? { source: previous.source, dayCount: previous.dayCount, loadedAt: previous.loadedAt, papers: previous.papers } : null,
      after: { source, dayCount: file.days.length, papers: file.papers, changedDays: changes.length, deadlinesRecomputed: recomputed.changed },
    });
    const result: LoadYearResult = { year: file.year, created: !previous, dayCount: file.days.length, changes, recomputed };
    return { result, calendar };
  }
}
