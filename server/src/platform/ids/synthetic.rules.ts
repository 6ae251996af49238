/**
 * Deterministic generators of identifiers for synthetic demo data. Nothing
 * here uses Math.random: the same seed always gives the same identifiers.
 * Generated identifiers are structurally valid but fictitious.
 */
import { IdErrors } from './ids.errors.ts';
import { normalizeId, requireValid } from './issue.ts';
import { calendarDate, residentIdCheckChar, type Sex } from './resident-id.rules.ts';
import { validateRegionCode } from './region.rules.ts';
import { orgCodeCheckChar, USCC_AUTHORITIES, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.rules.ts';

/** A small seeded pseudo-random generator (mulberry32). Not for secrets. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/** FNV-1a over the UTF-16 code units: turns a string seed into 32 bits. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A mulberry32 generator; a string seed is hashed, a number seed is taken modulo 2^32. */
export function createRng(seed: number | string): Rng {
  let state = typeof seed === 'string' ? hashSeed(seed) : Math.trunc(seed) >>> 0;
  const uint32 = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => uint32() / 4294967296;
  return {
    next,
    uint32,
    int(min: number, max: number) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
      return min + Math.floor(next() * (max - min + 1));
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() from an empty list');
      return items[Math.floor(next() * items.length)];
    },
  };
}

/** Appends the check character to the first 17 characters of a USCC (upper-cased; throws RangeError on a bad character). */
export function makeUscc(first17: string): string {
  const head = normalizeId(first17);
  return `${head}${usccCheckChar(head)}`;
}

/** Appends the check character to the first 17 digits of a resident ID (throws RangeError otherwise). */
export function makeResidentId(first17: string): string {
  const head = normalizeId(first17);
  return `${head}${residentIdCheckChar(head)}`;
}

export interface SyntheticUsccOptions {
  /** Registration authority (default '9', market regulation). */
  authority?: string;
  /** Organisation kind under that authority (default '1'). */
  kind?: string;
}

const BODY_CHARS = Array.from(USCC_CHARSET);

/**
 * A fictitious but valid USCC registered in `regionCode` (6 digits): by
 * default an enterprise (91). The body id is `MA` + 6 random characters + its
 * GB 11714 check, the pattern used for codes assigned since 2015, so it also
 * passes the soft body check.
 */
export function syntheticUscc(rng: Rng, regionCode: string, opts: SyntheticUsccOptions = {}): string {
  const region = requireValid(validateRegionCode(regionCode), 'regionCode');
  if (region.length !== 6) throw IdErrors.REGION_LENGTH({ vars: { length: region.length } });
  const authority = opts.authority ?? '9';
  const kind = opts.kind ?? '1';
  if (!USCC_AUTHORITIES[authority]) throw IdErrors.USCC_AUTHORITY({ vars: { char: authority } });
  if (!USCC_AUTHORITIES[authority].kinds[kind]) {
    const a = USCC_AUTHORITIES[authority];
    throw IdErrors.USCC_KIND({ vars: { char: kind, authority, authorityName: a.zh, authorityNameEn: a.en } });
  }
  let body8 = 'MA';
  for (let i = 0; i < 6; i++) body8 += rng.pick(BODY_CHARS);
  const uscc = makeUscc(`${authority}${kind}${region}${body8}${orgCodeCheckChar(body8)}`);
  return requireValid(validateUscc(uscc, { strictBody: true }), 'uscc');
}

/**
 * A fictitious but valid resident ID: region (6 digits), birth date
 * (YYYY-MM-DD or YYYYMMDD, a real date from 1900 on), and a random sequence
 * 001–999 whose parity gives the sex. The birth date is not compared with
 * today, so the result does not depend on the clock.
 */
export function syntheticResidentId(rng: Rng, regionCode: string, birthDate: string, sex: Sex): string {
  const region = requireValid(validateRegionCode(regionCode), 'regionCode');
  if (region.length !== 6) throw IdErrors.REGION_LENGTH({ vars: { length: region.length } });
  const compact = birthDate.replace(/-/g, '');
  const iso = calendarDate(compact);
  if (!iso || !/^\d{4}-?\d{2}-?\d{2}$/.test(birthDate)) throw IdErrors.RESIDENT_ID_DATE({ vars: { date: birthDate } });
  if (iso < '1900-01-01') throw IdErrors.RESIDENT_ID_DATE_EARLY({ vars: { date: iso } });
  if (sex !== 'male' && sex !== 'female') throw new RangeError(`sex must be 'male' or 'female', got ${String(sex)}`);
  // male: odd 1..999; female: even 2..998
  const seq = sex === 'male' ? rng.int(0, 499) * 2 + 1 : rng.int(1, 499) * 2;
  return makeResidentId(`${region}${compact}${String(seq).padStart(3, '0')}`);
}
