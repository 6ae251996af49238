import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHolidayFile } from './holiday-file.ts';
import { BUNDLED_HOLIDAYS_DIR } from './calendar.service.ts';
import type { DomainError } from '../errors/index.ts';

const caught = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('no error thrown');
};

describe('parseHolidayFile', () => {
  it('accepts every bundled file with days, sorted by date', () => {
    for (const y of [2020, 2021, 2022, 2023, 2024, 2025, 2026]) {
      const f = parseHolidayFile(JSON.parse(fs.readFileSync(path.join(BUNDLED_HOLIDAYS_DIR, `${y}.json`), 'utf8')));
      expect(f.year).toBe(y);
      expect(f.days.length).toBeGreaterThan(30);
      expect([...f.days].sort((a, b) => a.date.localeCompare(b.date))).toEqual(f.days);
    }
  });

  it('refuses the unpublished 2027 file (no days) as not loaded', () => {
    const e = caught(() => parseHolidayFile(JSON.parse(fs.readFileSync(path.join(BUNDLED_HOLIDAYS_DIR, '2027.json'), 'utf8'))));
    expect(e.code).toBe('calendar.NOT_PUBLISHED');
    expect(e.kind).toBe('invalid');
    expect(e.zh).toContain('2027');
  });

  it('names each malformed field in Chinese and English', () => {
    const e = caught(() =>
      parseHolidayFile({
        year: 2027,
        days: [
          { name: '春节', date: '2027-02-30', isOffDay: true },
          { name: '元旦', date: '2027-01-01', isOffDay: 'yes' },
          { name: '', date: '1/1/2027', isOffDay: true },
        ],
      }),
    );
    expect(e.code).toBe('calendar.INVALID_FILE');
    expect(e.fields.map((f) => f.field)).toEqual(['days.0.date', 'days.1.isOffDay', 'days.2.name', 'days.2.date']);
    expect(e.fields[0].message).toContain('不存在的日期');
    expect(e.fields[1].messageEn).not.toBe(e.fields[1].message);
  });

  it('refuses dates outside the year and dates listed twice', () => {
    const e = caught(() =>
      parseHolidayFile({
        year: 2027,
        days: [
          { name: '国庆节', date: '2028-10-01', isOffDay: true },
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '元旦', date: '2027-01-01', isOffDay: true },
        ],
      }),
    );
    expect(e.fields.map((f) => f.field)).toEqual(['days.0.date', 'days.2.date']);
    expect(e.fields[0].message).toContain('不在 2027 年内');
    expect(e.fields[1].message).toContain('重复');
  });

  it('allows a day just across New Year, as holiday-cn lists them, and refuses a bad year', () => {
    expect(parseHolidayFile({ year: 2027, days: [{ name: '元旦', date: '2026-12-31', isOffDay: true }] }).days).toHaveLength(1);
    expect(caught(() => parseHolidayFile({ year: 2027, days: [{ name: '元旦', date: '2026-12-20', isOffDay: true }] })).code).toBe('calendar.INVALID_FILE');
    expect(caught(() => parseHolidayFile({ year: 1800, days: [] })).fields[0].field).toBe('year');
    expect(caught(() => parseHolidayFile('not json')).fields[0].field).toBe('body');
  });
});
