/**
 * Civil dates as day numbers (days since 1970-01-01) and instants in China
 * Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991).
 */
export type IsoDate = string;

export const DAY_MS = 86_400_000;
/** Asia/Shanghai offset from UTC. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; no Date objects). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number (civil_from_days). */
export function civilOf(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day number of a YYYY-MM-DD string, or null when it is not a real date. */
export function parseIsoDate(s: string): number | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > (mo === 2 && isLeap(y) ? 29 : MONTH_DAYS[mo - 1])) return null;
  return dayOf(y, mo, d);
}

export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== null;
}

/** Day number of a YYYY-MM-DD string; throws RangeError on an invalid date. */
export function dayNumber(s: IsoDate): number {
  const n = parseIsoDate(s);
  if (n === null) throw new RangeError(`Invalid date "${s}" (expected YYYY-MM-DD)`);
  return n;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isoOf(day: number): IsoDate {
  const [y, m, d] = civilOf(day);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOf(day: number): number {
  return civilOf(day)[0];
}

/** The China-local civil date of an instant. */
export function localDayOf(at: Date): number {
  return Math.floor((at.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since China-local midnight of an instant. */
export function localMsOfDay(at: Date): number {
  const local = at.getTime() + CHINA_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant of China-local 00:00 on a day. */
export function localMidnight(day: number): Date {
  return new Date(day * DAY_MS - CHINA_OFFSET_MS);
}

/** The instant a day ends in China (24:00, i.e. the next day's 00:00): Civil Code art. 203. */
export function endOfLocalDay(day: number): Date {
  return localMidnight(day + 1);
}

/** ISO 8601 with the +08:00 offset, e.g. 2026-09-21T10:00:00+08:00. */
export function toChinaIso(at: Date): string {
  const local = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  const ms = local.slice(19, 23) === '.000' ? '' : local.slice(19, 23);
  return `${local.slice(0, 19)}${ms}+08:00`;
}
