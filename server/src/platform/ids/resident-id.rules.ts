/**
 * Citizen identity number (公民身份号码, GB 11643-1999), 18 characters:
 *
 *   1–6    region code of the first registration (GB/T 2260 at the time)
 *   7–14   birth date YYYYMMDD
 *   15–17  sequence; odd = male, even = female
 *   18     check: Σ digit·weight mod 11 → "10X98765432"
 *
 * Region: only the province (first two digits) is checked, because numbers
 * keep the county code they were issued under even after that county is
 * renamed or abolished. Accepted provinces are those of GB/T 2260, plus 83,
 * the prefix of residence permits for Taiwan residents (830000), which share
 * this format (81 and 82 are used by permits for Hong Kong and Macao residents).
 *
 * Birth date: a real calendar date, not before 1900-01-01 and not after
 * today in China (UTC+8); `today` can be passed in for determinism.
 *
 * Errors, first one wins: empty, length, charset (positions 1–17: digits),
 * region, date, check (any wrong 18th character, naming the expected one).
 */
import { fail, firstBadChar, showChar, normalizeId, type IdResult } from './issue.ts';
import { PROVINCES } from './region.rules.ts';

export const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
export const RESIDENT_ID_CHECK_CHARS = '10X98765432';

/** Prefixes accepted besides GB/T 2260 provinces. */
const EXTRA_PREFIXES: Readonly<Record<string, { zh: string; en: string }>> = {
  '83': { zh: '台湾居民居住证', en: 'residence permit for Taiwan residents' },
};

export type Sex = 'male' | 'female';

export interface ResidentIdDetails {
  /** Positions 1–6. */
  regionCode: string;
  province: { code: string; zh: string; en: string };
  /** ISO date, YYYY-MM-DD. */
  birthDate: string;
  sex: Sex;
  /** Positions 15–17. */
  sequence: string;
  checkChar: string;
}

/** The check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK_CHARS[sum % 11];
}

/** Today's date (YYYY-MM-DD) in China Standard Time, which has no daylight saving. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** YYYYMMDD → YYYY-MM-DD when it is a real Gregorian date, else null. */
export function calendarDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  if (d > days) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export interface ResidentIdOptions {
  /** "Now", for the not-in-the-future rule (default: the current time). */
  today?: Date;
}

export function provinceOfResidentId(two: string): { code: string; zh: string; en: string } | null {
  const p = PROVINCES[two] ?? EXTRA_PREFIXES[two];
  return p ? { code: two, ...p } : null;
}

/** Validates an 18-character resident ID number; see the module comment. */
export function validateResidentId(raw: string, opts: ResidentIdOptions = {}): IdResult<ResidentIdDetails> {
  const value = normalizeId(raw);
  const chars = Array.from(value);
  if (chars.length === 0) return fail(value, 'RESIDENT_ID_EMPTY');
  if (chars.length !== 18) return fail(value, 'RESIDENT_ID_LENGTH', { length: chars.length });
  // Position 18 is left to the check rule, which says what it should be.
  const bad = firstBadChar(chars.slice(0, 17), (ch) => ch >= '0' && ch <= '9');
  if (bad) return fail(value, 'RESIDENT_ID_CHARSET', { char: bad.char, position: bad.position }, { position: bad.position });

  const province = provinceOfResidentId(value.slice(0, 2));
  if (!province) return fail(value, 'RESIDENT_ID_REGION', { province: value.slice(0, 2) }, { position: 1 });

  const rawDate = value.slice(6, 14);
  const birthDate = calendarDate(rawDate);
  if (!birthDate) return fail(value, 'RESIDENT_ID_DATE', { date: rawDate }, { position: 7 });
  if (birthDate < '1900-01-01') return fail(value, 'RESIDENT_ID_DATE_EARLY', { date: birthDate }, { position: 7 });
  if (birthDate > chinaDate(opts.today ?? new Date())) return fail(value, 'RESIDENT_ID_DATE_FUTURE', { date: birthDate }, { position: 7 });

  const expected = residentIdCheckChar(value.slice(0, 17));
  if (chars[17] !== expected) return fail(value, 'RESIDENT_ID_CHECK', { expected, char: showChar(chars[17]) }, { position: 18, expected });

  const sequence = value.slice(14, 17);
  return {
    valid: true,
    value,
    warnings: [],
    details: {
      regionCode: value.slice(0, 6),
      province,
      birthDate,
      sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
      sequence,
      checkChar: value[17],
    },
  };
}

/** True when `raw` is a valid resident ID number. */
export function isResidentId(raw: string, opts: ResidentIdOptions = {}): boolean {
  return validateResidentId(raw, opts).valid;
}
