/**
 * The working-day calendar (DOMAIN.md §4). Pure: built from the official
 * schedules that are loaded; a year without one falls back to weekends plus
 * the statutory holidays, and every result that passes through such a year
 * is marked provisional.
 *
 * Lookups run over a precomputed day index (a working-day flag per day, the
 * prefix count of working days, and the list of working days), so adding N
 * working days is O(1) and counting the working days between two dates is
 * O(1). The index covers whole years and grows lazily when a date outside it
 * is asked for.
 *
 * Conventions: the start day is not counted (Civil Code art. 201); a result
 * of working-day arithmetic is always a working day, so a period never ends
 * on a holiday (art. 203). Instants are read in China time (UTC+8).
 */
import {
  DAY_MS,
  dayOf,
  isWeekend,
  isoOf,
  localDayOf,
  localMidnight,
  localMsOfDay,
  parseIsoDate,
  weekdayOf,
  yearOf,
  type IsoDate,
} from './dates.ts';
import { statutoryHolidays, STATUTORY_MAX_YEAR, STATUTORY_MIN_YEAR } from './statutory.rules.ts';
import { parseOfficeHours, type OfficeHours } from './office-hours.ts';
import { CalendarErrors } from './clock.errors.ts';

/** One listed day of an official schedule (holiday-cn format). */
export interface ScheduleDay {
  date: IsoDate;
  name: string;
  /** true: a day off; false: a make-up working day (调休上班). */
  isOffDay: boolean;
}

/** The official schedule of one year, as published by the State Council. */
export interface YearSchedule {
  year: number;
  days: ScheduleDay[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface DayInfo {
  date: IsoDate;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  /** The holiday a listed or statutory day belongs to. */
  name: string | null;
  working: boolean;
  /** The day's year has no loaded schedule: its status follows the statutory rules. */
  provisional: boolean;
}

export interface DateResult {
  date: IsoDate;
  provisional: boolean;
}

export interface InstantResult {
  at: Date;
  provisional: boolean;
}

export const MIN_YEAR = STATUTORY_MIN_YEAR;
export const MAX_YEAR = STATUTORY_MAX_YEAR;
/** A lower bound of working days per year, used to size lazy extensions. */
const MIN_WORKING_DAYS_PER_YEAR = 240;

interface Listed {
  off: boolean;
  name: string;
}

export class Calendar {
  readonly officeHours: OfficeHours;
  private readonly loaded: ReadonlySet<number>;
  private readonly listed = new Map<number, Listed>();
  private readonly statutory = new Map<number, Map<number, string>>();

  private firstYear = 0;
  private lastYear = -1;
  /** Day number of index position 0 (Jan 1 of firstYear). */
  private base = 0;
  private working = new Uint8Array(0);
  /** prefix[i] = working days among positions 0 … i−1. */
  private prefix = new Int32Array(1);
  /** Positions of the working days, ascending. */
  private list = new Int32Array(0);

  private constructor(schedules: YearSchedule[], officeHours: OfficeHours) {
    this.officeHours = officeHours;
    this.loaded = new Set(schedules.filter((s) => s.days.length > 0).map((s) => s.year));
    // A file may list a day just across New Year (holiday-cn does): the day's own year wins.
    const own: [number, Listed][] = [];
    for (const s of schedules) {
      for (const d of s.days) {
        const day = parseIsoDate(d.date);
        if (day === null) throw CalendarErrors.INVALID_DATE({ vars: { value: d.date } });
        const entry: [number, Listed] = [day, { off: d.isOffDay, name: d.name }];
        if (yearOf(day) === s.year) own.push(entry);
        else if (!this.listed.has(day)) this.listed.set(day, entry[1]);
      }
    }
    for (const [day, l] of own) this.listed.set(day, l);
    const years = [...this.loaded];
    const lo = years.length ? Math.min(...years) : 2020;
    const hi = years.length ? Math.max(...years) : 2026;
    this.ensureYears(Math.max(MIN_YEAR, lo - 1), Math.min(MAX_YEAR, hi + 3));
  }

  /** Builds a calendar from the loaded schedules (a schedule with no days does not count as loaded). */
  static build(schedules: YearSchedule[], opts: { officeHours?: string | OfficeHours } = {}): Calendar {
    const oh = typeof opts.officeHours === 'object' ? opts.officeHours : parseOfficeHours(opts.officeHours);
    return new Calendar(schedules, oh);
  }

  /** Years with a loaded official schedule, ascending. */
  loadedYears(): number[] {
    return [...this.loaded].sort((a, b) => a - b);
  }

  isLoaded(year: number): boolean {
    return this.loaded.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    const d = this.parse(date);
    this.ensureDay(d);
    return this.working[d - this.base] === 1;
  }

  day(date: IsoDate): DayInfo {
    return this.info(this.parse(date));
  }

  /** Every day of a year with its kind and holiday name. */
  daysOfYear(year: number): DayInfo[] {
    this.ensureYears(year, year);
    const out: DayInfo[] = [];
    for (let d = dayOf(year, 1, 1), end = dayOf(year + 1, 1, 1); d < end; d++) out.push(this.info(d));
    return out;
  }

  /**
   * The date n working days after `date` (the start day not counted); n < 0
   * goes back. n = 0 gives `date` when it is a working day, else the next
   * working day. The result is always a working day.
   */
  addWorkingDays(date: IsoDate, n: number): DateResult {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    const d = this.parse(date);
    const r = this.addWorkingDaysTo(d, n);
    return { date: isoOf(r), provisional: this.spansUnloaded(Math.min(d, r), Math.max(d, r)) };
  }

  /**
   * Working days in (a, b]: the start day not counted, the end day counted,
   * so addWorkingDays(a, workingDaysBetween(a, b)) = b for a working day b
   * after a. Negative when b is before a.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): { days: number; provisional: boolean } {
    const da = this.parse(a);
    const db = this.parse(b);
    const lo = Math.min(da, db);
    const hi = Math.max(da, db);
    this.ensureDay(lo);
    this.ensureDay(hi);
    const count = this.prefix[hi - this.base + 1] - this.prefix[lo - this.base + 1];
    return { days: db >= da || count === 0 ? count : -count, provisional: this.spansUnloaded(lo, hi) };
  }

  /**
   * The date n calendar days after `date`, moved forward to the next working
   * day when it is a day off (Civil Code art. 203; Administrative Penalty Law
   * periods in days). Provisional when the end date or the roll-forward lies
   * in a year without a loaded schedule.
   */
  addCalendarDays(date: IsoDate, n: number): DateResult {
    if (!Number.isInteger(n)) throw new RangeError(`n must be an integer, got ${n}`);
    const t = this.parse(date) + n;
    this.checkYear(yearOf(t));
    const r = this.addWorkingDaysTo(t, 0);
    return { date: isoOf(r), provisional: this.spansUnloaded(t, r) };
  }

  /**
   * The instant `hours` working hours after `from`, counting only office
   * hours of working days. A result at the end of a window stays there (a
   * 3-hour job from 09:00 is due at 12:00, not 13:30).
   */
  addWorkingHours(from: Date, hours: number): InstantResult {
    if (!Number.isFinite(hours) || hours < 0) throw CalendarErrors.INVALID_HOURS();
    this.checkInstant(from);
    let remaining = Math.round(hours * 3_600_000);
    const startDay = localDayOf(from);
    if (remaining === 0) return { at: new Date(from.getTime()), provisional: this.spansUnloaded(startDay, startDay) };
    this.ensureDay(startDay);
    if (this.working[startDay - this.base] === 1) {
      const r = this.consume(startDay, localMsOfDay(from), remaining);
      if (r.at) return { at: r.at, provisional: this.spansUnloaded(startDay, startDay) };
      remaining = r.remaining;
    }
    let day = this.addWorkingDaysTo(startDay, 1);
    const perDay = this.officeHours.dayMs;
    if (remaining > perDay) {
      const k = Math.ceil(remaining / perDay) - 1;
      remaining -= k * perDay;
      day = this.addWorkingDaysTo(day, k);
    }
    const r = this.consume(day, 0, remaining);
    if (!r.at) throw new Error('working-hour arithmetic did not finish within a day');
    return { at: r.at, provisional: this.spansUnloaded(startDay, day) };
  }

  /** Office time between two instants, in hours (negative when b is before a). */
  workingHoursBetween(a: Date, b: Date): { hours: number; provisional: boolean } {
    this.checkInstant(a);
    this.checkInstant(b);
    if (b.getTime() < a.getTime()) {
      const r = this.workingHoursBetween(b, a);
      return { hours: -r.hours, provisional: r.provisional };
    }
    const da = localDayOf(a);
    const db = localDayOf(b);
    this.ensureDay(da);
    this.ensureDay(db);
    const ma = localMsOfDay(a);
    const mb = localMsOfDay(b);
    const w = (d: number) => this.working[d - this.base] === 1;
    let ms: number;
    if (da === db) ms = w(da) ? this.overlap(ma, mb) : 0;
    else {
      ms = (w(da) ? this.overlap(ma, DAY_MS) : 0) + (w(db) ? this.overlap(0, mb) : 0);
      ms += this.officeHours.dayMs * (this.prefix[db - this.base] - this.prefix[da - this.base + 1]);
    }
    return { hours: ms / 3_600_000, provisional: this.spansUnloaded(da, db) };
  }

  /** True when any year from the one of `fromDate` to the one of `toDate` has no loaded schedule. */
  isProvisionalBetween(fromDate: IsoDate, toDate: IsoDate): boolean {
    const a = this.parse(fromDate);
    const b = this.parse(toDate);
    return this.spansUnloaded(Math.min(a, b), Math.max(a, b));
  }

  /** The number of working days in a year (for reports and the bench). */
  workingDaysInYear(year: number): number {
    this.ensureYears(year, year);
    return this.prefix[dayOf(year + 1, 1, 1) - this.base] - this.prefix[dayOf(year, 1, 1) - this.base];
  }

  // ---- day-number core -------------------------------------------------------------------

  /** Day number of the n-th working day after day d (see addWorkingDays). */
  addWorkingDaysTo(d: number, n: number): number {
    this.ensureDay(d);
    for (;;) {
      const i = d - this.base;
      const k = n > 0 ? this.prefix[i + 1] + n - 1 : n === 0 ? this.prefix[i + 1] - this.working[i] : this.prefix[i] + n;
      if (k >= 0 && k < this.list.length) return this.base + this.list[k];
      const years = Math.max(1, Math.ceil((k < 0 ? -k : k - this.list.length + 1) / MIN_WORKING_DAYS_PER_YEAR));
      if (k < 0) {
        if (this.firstYear <= MIN_YEAR) this.outOfRange();
        this.ensureYears(Math.max(MIN_YEAR, this.firstYear - years), this.lastYear);
      } else {
        if (this.lastYear >= MAX_YEAR) this.outOfRange();
        this.ensureYears(this.firstYear, Math.min(MAX_YEAR, this.lastYear + years));
      }
    }
  }

  private info(d: number): DayInfo {
    this.ensureDay(d);
    const c = this.classify(d);
    return { date: isoOf(d), weekday: weekdayOf(d), kind: c.kind, name: c.name, working: c.working, provisional: !this.loaded.has(yearOf(d)) };
  }

  private classify(d: number): { kind: DayKind; name: string | null; working: boolean } {
    const l = this.listed.get(d);
    if (l) {
      if (l.off) return { kind: 'holiday', name: l.name, working: false };
      return { kind: isWeekend(d) ? 'makeup' : 'workday', name: l.name, working: true };
    }
    const y = yearOf(d);
    if (!this.loaded.has(y)) {
      const name = this.statutoryOf(y).get(d);
      if (name) return { kind: 'holiday', name, working: false };
    }
    return isWeekend(d) ? { kind: 'weekend', name: null, working: false } : { kind: 'workday', name: null, working: true };
  }

  private statutoryOf(year: number): Map<number, string> {
    let m = this.statutory.get(year);
    if (!m) {
      m = new Map(statutoryHolidays(year).map((h) => [h.day, h.name]));
      this.statutory.set(year, m);
    }
    return m;
  }

  private consume(day: number, fromMs: number, remaining: number): { at: Date | null; remaining: number } {
    for (const w of this.officeHours.windows) {
      const ws = w.start * 60_000;
      const we = w.end * 60_000;
      if (fromMs >= we) continue;
      const s = Math.max(fromMs, ws);
      const avail = we - s;
      if (remaining <= avail) return { at: new Date(localMidnight(day).getTime() + s + remaining), remaining: 0 };
      remaining -= avail;
    }
    return { at: null, remaining };
  }

  private overlap(fromMs: number, toMs: number): number {
    let ms = 0;
    for (const w of this.officeHours.windows) ms += Math.max(0, Math.min(toMs, w.end * 60_000) - Math.max(fromMs, w.start * 60_000));
    return ms;
  }

  private spansUnloaded(lo: number, hi: number): boolean {
    for (let y = yearOf(lo), end = yearOf(hi); y <= end; y++) if (!this.loaded.has(y)) return true;
    return false;
  }

  private parse(date: IsoDate): number {
    const d = typeof date === 'string' ? parseIsoDate(date) : null;
    if (d === null) throw CalendarErrors.INVALID_DATE({ vars: { value: String(date) } });
    this.checkYear(yearOf(d));
    return d;
  }

  private checkInstant(at: Date): void {
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw CalendarErrors.INVALID_DATE({ vars: { value: String(at) } });
    this.checkYear(yearOf(localDayOf(at)));
  }

  private checkYear(y: number): void {
    if (y < MIN_YEAR || y > MAX_YEAR) this.outOfRange();
  }

  private outOfRange(): never {
    throw CalendarErrors.OUT_OF_RANGE({ vars: { min: MIN_YEAR, max: MAX_YEAR } });
  }

  private ensureDay(d: number): void {
    const y = yearOf(d);
    if (y < this.firstYear || y > this.lastYear) this.ensureYears(y, y);
  }

  /** Grows the index to cover years y0 … y1 (rebuilding it once per growth). */
  private ensureYears(y0: number, y1: number): void {
    this.checkYear(y0);
    this.checkYear(y1);
    if (this.lastYear >= this.firstYear && y0 >= this.firstYear && y1 <= this.lastYear) return;
    const first = this.lastYear >= this.firstYear ? Math.min(this.firstYear, y0) : y0;
    const last = this.lastYear >= this.firstYear ? Math.max(this.lastYear, y1) : y1;
    const base = dayOf(first, 1, 1);
    const len = dayOf(last + 1, 1, 1) - base;
    const working = new Uint8Array(len);
    const prefix = new Int32Array(len + 1);
    let count = 0;
    for (let i = 0; i < len; i++) {
      const oldI = base + i - this.base;
      const w = oldI >= 0 && oldI < this.working.length ? this.working[oldI] === 1 : this.classify(base + i).working;
      working[i] = w ? 1 : 0;
      prefix[i] = count;
      if (w) count++;
    }
    prefix[len] = count;
    const list = new Int32Array(count);
    for (let i = 0, k = 0; i < len; i++) if (working[i]) list[k++] = i;
    this.firstYear = first;
    this.lastYear = last;
    this.base = base;
    this.working = working;
    this.prefix = prefix;
    this.list = list;
  }
}

export interface DayChange {
  date: IsoDate;
  before: { kind: DayKind; name: string | null; working: boolean };
  after: { kind: DayKind; name: string | null; working: boolean };
}

/** The days in [from, to] whose kind, holiday name or working status differ between two calendars. */
export function changedDays(before: Calendar, after: Calendar, from: IsoDate, to: IsoDate): DayChange[] {
  const out: DayChange[] = [];
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === null || b === null) throw CalendarErrors.INVALID_DATE({ vars: { value: a === null ? from : to } });
  for (let d = a; d <= b; d++) {
    const x = before.day(isoOf(d));
    const y = after.day(isoOf(d));
    if (x.kind !== y.kind || x.name !== y.name || x.working !== y.working) {
      out.push({ date: x.date, before: { kind: x.kind, name: x.name, working: x.working }, after: { kind: y.kind, name: y.name, working: y.working } });
    }
  }
  return out;
}
