import { regionPrefix } from '../../platform/access/index.ts';
/**
 * Pure rules of the organisation module: region code forms, subtree
 * prefixes, masking of personal data, staffing consistency.
 */
import type { FieldError } from '../../platform/errors/index.ts';
import type { TownKind } from './org.schema.ts';

/** Town-level kind from the 3-digit town part of a 9-digit code (statistical code ranges). */
export function townKindOfCode(code9: string): TownKind | null {
  if (!/^\d{9}$/.test(code9)) return null;
  const n = Number(code9.slice(6));
  if (n >= 1 && n <= 99) return 'street';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  if (n >= 400 && n <= 599) return 'zone';
  return null;
}

/**
 * The stored (shortest GB/T 2260) form of a region code given in any common
 * form: 2/4-digit province/city codes as the source data has them, 6 digits,
 * 9 digits, or 12 digits padded with zeros. Null when it is not such a code.
 */
export function canonicalRegionCode(raw: string): string | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  switch (s.length) {
    case 2:
      return `${s}0000`;
    case 4:
      return `${s}00`;
    case 6:
      return s;
    case 9:
      return s.endsWith('000') ? s.slice(0, 6) : s;
    case 12: {
      if (s.slice(9) !== '000') return null; // village level is not held
      return s.slice(6, 9) === '000' ? s.slice(0, 6) : s.slice(0, 9);
    }
    default:
      return null;
  }
}

/**
 * The prefix every code inside a region's subtree starts with, cutting only
 * whole zero segments: 320000 → 32, 320200 → 3202, 320281 → 320281,
 * 320281100 → 320281100 (the town part 100 is not padding).
 */
export function subtreePrefix(code: string): string {
  return regionPrefix(code);
}

/** Masks a resident ID for display: 320281********123X. */
export function maskResidentId(id: string | null): string | null {
  if (id === null) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  const keepHead = id.length >= 15 ? 6 : 2;
  return id.slice(0, keepHead) + '*'.repeat(id.length - keepHead - 4) + id.slice(-4);
}

/** Masks a phone number for display: 139****5678. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

export interface StaffingFigures {
  quota: number;
  actual: number;
  leaderQuota: number;
  leaderActual: number;
  internalUnits: number;
}

/**
 * Consistency of staffing figures. Over-staffing (actual above quota) is a
 * fact the office must be able to record, so it is a flag, not an error;
 * leadership posts, however, are counted within the quota.
 */
export function staffingProblems(s: StaffingFigures): FieldError[] {
  const out: FieldError[] = [];
  if (s.leaderQuota > s.quota) {
    out.push({ field: 'leaderQuota', message: '领导职数不能超过编制数', messageEn: 'Leadership posts cannot exceed the staffing quota' });
  }
  if (s.leaderActual > s.actual) {
    out.push({ field: 'leaderActual', message: '实配领导人数不能超过实有人数', messageEn: 'Leaders in post cannot exceed the actual headcount' });
  }
  return out;
}

/** What the staffing office watches: vacancies, over-staffing, leaders above their posts. */
export function staffingFlags(s: StaffingFigures) {
  return {
    vacancies: Math.max(0, s.quota - s.actual),
    overQuota: s.actual > s.quota,
    overLeadership: s.leaderActual > s.leaderQuota,
  };
}
