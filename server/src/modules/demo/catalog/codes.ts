/**
 * Item codes of the demo catalog (DOMAIN §1, provincial style):
 * - base code (基本编码): two-letter type code + 5-digit main item + 3-digit
 *   sub-item, e.g. `CF01234005`; the same base code means the same item name
 *   and type at every level (四级四同);
 * - implementation code (实施编码): base code - 12-digit region - 000 -
 *   implementing body's USCC - 1 - 00, e.g.
 *   `XK00001000-320281000000-000-11320281MB1234567X-1-00`.
 */
import type { ItemType } from '../../catalog/index.ts';
import { DEFAULT_TYPE_LABELS } from '../../catalog/index.ts';

export function baseCode(type: ItemType, main: number, sub = 0): string {
  if (main < 1 || main > 99_999 || sub < 0 || sub > 999) throw new Error(`demo catalog: base code out of range (${type} ${main}/${sub})`);
  return `${DEFAULT_TYPE_LABELS[type].letters}${String(main).padStart(5, '0')}${String(sub).padStart(3, '0')}`;
}

/** The region as the implementation code writes it: 12 digits (320281 → 320281000000, 320281107 → 320281107000). */
export const region12 = (code: string) => code.padEnd(12, '0');

export function implCode(base: string, regionCode: string, uscc: string): string {
  return `${base}-${region12(regionCode)}-000-${uscc}-1-00`;
}

/**
 * Hands out main item numbers per type in a fixed order, so the same data
 * always yields the same codes (the seed is re-runnable and the tests can
 * recompute them).
 */
export class CodeBook {
  private next = new Map<ItemType, number>();

  main(type: ItemType): number {
    const n = (this.next.get(type) ?? 0) + 1;
    this.next.set(type, n);
    return n;
  }
}
