import { describe, expect, it } from 'vitest';
import { dayOf, endOfLocalDay, isoOf, localDayOf, parseIsoDate, toChinaIso, weekdayOf, yearOf } from './dates.ts';

describe('day numbers', () => {
  it('agree with Date for every day of 1900–2100', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      const n = ms / 86_400_000;
      if (isoOf(n) !== iso || parseIsoDate(iso) !== n || yearOf(n) !== new Date(ms).getUTCFullYear()) throw new Error(`mismatch at ${iso}`);
    }
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(weekdayOf(dayOf(2026, 10, 10))).toBe(6);
  });

  it('reject dates that do not exist', () => {
    for (const s of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-4-1', '']) expect(parseIsoDate(s)).toBeNull();
    expect(parseIsoDate('2024-02-29')).toBe(dayOf(2024, 2, 29));
  });

  it('read instants in China time', () => {
    expect(isoOf(localDayOf(new Date('2026-09-30T16:30:00Z')))).toBe('2026-10-01');
    expect(endOfLocalDay(dayOf(2026, 10, 22)).toISOString()).toBe('2026-10-22T16:00:00.000Z');
    expect(toChinaIso(new Date('2026-09-30T08:00:00Z'))).toBe('2026-09-30T16:00:00+08:00');
  });
});
