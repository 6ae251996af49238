import { describe, expect, it } from 'vitest';
import cd from 'chinese-days';
import { Calendar, changedDays } from './calendar.rules.ts';
import { readBundledSchedules } from './calendar.service.ts';
import { dayOf, isoOf } from './dates.ts';
import { parseOfficeHours } from './office-hours.ts';

const bundled = readBundledSchedules();
const cal = Calendar.build(bundled);
const at = (s: string) => new Date(s);
const china = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('bundled schedules', () => {
  it('loads 2020–2026 and not 2027, whose file lists no days', () => {
    expect(cal.loadedYears()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(cal.isLoaded(2027)).toBe(false);
  });

  it('agrees with chinese-days on every day of 2020–2026', () => {
    const differ: string[] = [];
    for (let d = dayOf(2020, 1, 1); d <= dayOf(2026, 12, 31); d++) {
      const iso = isoOf(d);
      if (cal.isWorkingDay(iso) !== cd.isWorkday(iso)) differ.push(iso);
    }
    expect(differ).toEqual([]);
  });

  it('classifies days: holiday, make-up day, weekend, workday', () => {
    expect(cal.day('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节', working: false, provisional: false });
    expect(cal.day('2026-10-10')).toMatchObject({ kind: 'makeup', name: '国庆节', working: true, weekday: 6 });
    expect(cal.day('2026-10-17')).toMatchObject({ kind: 'weekend', name: null, working: false });
    expect(cal.day('2026-10-16')).toMatchObject({ kind: 'workday', name: null, working: true });
  });

  it('honours a day a file lists across New Year (2023.json lists 2022-12-31 as 元旦)', () => {
    expect(cal.day('2022-12-31')).toMatchObject({ kind: 'holiday', name: '元旦', provisional: false });
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-09-18', 20, '2026-10-22'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-02-13', 5, '2026-02-27'],
    ['2025-12-31', 20, '2026-01-29'],
    ['2026-04-30', 3, '2026-05-08'],
  ])('DOMAIN §4 vector: %s + %i working days = %s', (from, n, to) => {
    expect(cal.addWorkingDays(from, n)).toEqual({ date: to, provisional: false });
  });

  it('goes back with negative n and lands on a working day', () => {
    expect(cal.addWorkingDays('2026-10-22', -20).date).toBe('2026-09-18');
    expect(cal.addWorkingDays('2026-10-08', -1).date).toBe('2026-09-30');
    expect(cal.addWorkingDays('2026-10-03', -1).date).toBe('2026-09-30');
    expect(cal.addWorkingDays('2026-10-13', -5).date).toBe('2026-09-30');
    expect(cal.addWorkingDays('2026-01-05', -2)).toEqual({ date: '2025-12-31', provisional: false });
  });

  it('with n = 0 keeps a working day and moves a day off to the next working day', () => {
    expect(cal.addWorkingDays('2026-09-30', 0).date).toBe('2026-09-30');
    expect(cal.addWorkingDays('2026-10-03', 0).date).toBe('2026-10-08');
  });

  it('never ends on a day off and inverts exactly', () => {
    for (let i = 0; i < 2000; i++) {
      const start = isoOf(dayOf(2020, 1, 1) + ((i * 7919) % 2550));
      const n = ((i * 104729) % 121) - 60;
      const r = cal.addWorkingDays(start, n);
      expect(cal.isWorkingDay(r.date)).toBe(true);
      if (n !== 0) {
        expect(cal.workingDaysBetween(start, r.date).days).toBe(n > 0 ? n : n + 1 - (cal.isWorkingDay(start) ? 1 : 0));
        if (cal.isWorkingDay(start)) expect(cal.addWorkingDays(r.date, -n).date).toBe(start);
      }
    }
  });

  it('marks results through 2027 provisional and counts 春节 2027 as Feb 5–8', () => {
    expect(cal.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: true });
    expect(cal.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-09', provisional: true });
    expect(cal.addWorkingDays('2026-12-01', 5)).toEqual({ date: '2026-12-08', provisional: false });
    expect(cal.workingDaysInYear(2027)).toBe(254);
  });

  it('extends lazily to far years and refuses years outside the supported range', () => {
    const r = cal.addWorkingDays('2026-01-05', 3650);
    expect(r.provisional).toBe(true);
    expect(r.date > '2040-01-01' && r.date < '2041-06-01').toBe(true);
    expect(cal.addWorkingDays(r.date, -3650).date).toBe('2026-01-05');
    expect(() => cal.addWorkingDays('2099-12-01', 100)).toThrow(expect.objectContaining({ code: 'calendar.OUT_OF_RANGE' }));
    expect(() => cal.addWorkingDays('1850-01-01', 1)).toThrow(expect.objectContaining({ code: 'calendar.OUT_OF_RANGE' }));
  });

  it('refuses invalid dates', () => {
    expect(() => cal.addWorkingDays('2026-02-30', 1)).toThrow(expect.objectContaining({ code: 'calendar.INVALID_DATE' }));
    expect(() => cal.addWorkingDays('20260201', 1)).toThrow(expect.objectContaining({ code: 'calendar.INVALID_DATE' }));
    expect(() => cal.addWorkingDays('2026-02-01', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the days after the start up to and including the end', () => {
    expect(cal.workingDaysBetween('2026-09-18', '2026-10-22')).toEqual({ days: 20, provisional: false });
    expect(cal.workingDaysBetween('2026-10-22', '2026-09-18')).toEqual({ days: -20, provisional: false });
    expect(cal.workingDaysBetween('2026-10-01', '2026-10-07').days).toBe(0);
    expect(cal.workingDaysBetween('2026-09-30', '2026-09-30').days).toBe(0);
    expect(cal.workingDaysBetween('2026-12-31', '2027-01-04')).toEqual({ days: 1, provisional: true });
  });
});

describe('addCalendarDays', () => {
  it('moves a period ending on a day off to the next working day (Civil Code art. 203)', () => {
    expect(cal.addCalendarDays('2026-07-04', 90)).toEqual({ date: '2026-10-08', provisional: false });
    expect(cal.addCalendarDays('2026-06-01', 7)).toEqual({ date: '2026-06-08', provisional: false });
    expect(cal.addCalendarDays('2026-06-01', 5)).toEqual({ date: '2026-06-08', provisional: false });
  });

  it('is provisional only when the end falls in a year without a schedule', () => {
    expect(cal.addCalendarDays('2026-12-20', 5).provisional).toBe(false);
    expect(cal.addCalendarDays('2026-12-20', 13)).toEqual({ date: '2027-01-04', provisional: true });
  });
});

describe('working hours (09:00-12:00, 13:30-17:30, China time)', () => {
  const add = (from: string, h: number) => china(cal.addWorkingHours(at(from), h).at);

  it('runs within the morning and stops at the end of a window', () => {
    expect(add('2026-09-29T10:00:00+08:00', 1)).toBe('2026-09-29 11:00');
    expect(add('2026-09-29T10:00:00+08:00', 2)).toBe('2026-09-29 12:00');
  });

  it('skips lunch', () => {
    expect(add('2026-09-29T10:00:00+08:00', 2.5)).toBe('2026-09-29 14:00');
    expect(add('2026-09-29T11:00:00+08:00', 3)).toBe('2026-09-29 15:30');
    expect(add('2026-09-29T12:30:00+08:00', 1)).toBe('2026-09-29 14:30');
  });

  it('skips nights and the early morning', () => {
    expect(add('2026-09-29T20:00:00+08:00', 1)).toBe('2026-09-30 10:00');
    expect(add('2026-09-29T06:00:00+08:00', 1)).toBe('2026-09-29 10:00');
    expect(add('2026-09-29T17:00:00+08:00', 1)).toBe('2026-09-30 09:30');
  });

  it('skips weekends, holidays, and works on make-up days', () => {
    expect(add('2026-06-12T16:30:00+08:00', 2)).toBe('2026-06-15 10:00');
    expect(add('2026-09-30T16:00:00+08:00', 2)).toBe('2026-10-08 09:30');
    expect(add('2026-10-09T17:00:00+08:00', 1)).toBe('2026-10-10 09:30');
    expect(add('2026-10-03T10:00:00+08:00', 1)).toBe('2026-10-08 10:00');
  });

  it('spans several whole days', () => {
    expect(add('2026-09-29T09:00:00+08:00', 14)).toBe('2026-09-30 17:30');
    expect(add('2026-09-29T09:00:00+08:00', 15)).toBe('2026-10-08 10:00');
    expect(add('2026-09-28T09:00:00+08:00', 7 * 20)).toBe(`${cal.addWorkingDays('2026-09-28', 19).date} 17:30`);
  });

  it('returns the same instant for 0 hours and refuses negative hours', () => {
    expect(cal.addWorkingHours(at('2026-10-03T10:00:00+08:00'), 0).at.toISOString()).toBe('2026-10-03T02:00:00.000Z');
    expect(() => cal.addWorkingHours(at('2026-10-03T10:00:00+08:00'), -1)).toThrow(expect.objectContaining({ code: 'calendar.INVALID_HOURS' }));
    expect(() => cal.addWorkingHours(new Date(Number.NaN), 1)).toThrow(expect.objectContaining({ code: 'calendar.INVALID_DATE' }));
  });

  it('is provisional when it runs into 2027', () => {
    const r = cal.addWorkingHours(at('2026-12-31T16:00:00+08:00'), 3);
    expect(china(r.at)).toBe('2027-01-04 10:30');
    expect(r.provisional).toBe(true);
  });

  it('measures office time between instants, the inverse of adding', () => {
    expect(cal.workingHoursBetween(at('2026-09-30T16:00:00+08:00'), at('2026-10-08T09:30:00+08:00')).hours).toBe(2);
    expect(cal.workingHoursBetween(at('2026-10-08T09:30:00+08:00'), at('2026-09-30T16:00:00+08:00')).hours).toBe(-2);
    expect(cal.workingHoursBetween(at('2026-09-29T11:00:00+08:00'), at('2026-09-29T14:00:00+08:00')).hours).toBe(1.5);
    for (let i = 0; i < 500; i++) {
      const from = new Date(Date.UTC(2025, 0, 1) + ((i * 7_919_993) % (600 * 86_400)) * 1000);
      const h = ((i * 37) % 90) / 4;
      const r = cal.addWorkingHours(from, h);
      expect(cal.workingHoursBetween(from, r.at).hours).toBeCloseTo(h, 9);
    }
  });

  it('follows configured office hours', () => {
    const c = Calendar.build(bundled, { officeHours: '08:30-12:00,14:00-18:00' });
    expect(china(c.addWorkingHours(at('2026-09-29T11:00:00+08:00'), 2).at)).toBe('2026-09-29 15:00');
    expect(() => parseOfficeHours('13:00-12:00')).toThrow(RangeError);
    expect(() => parseOfficeHours('09:00-12:00,11:00-17:00')).toThrow(RangeError);
    expect(() => parseOfficeHours('9-12')).toThrow(RangeError);
    expect(parseOfficeHours().dayMs).toBe(7 * 3_600_000);
  });
});

describe('changedDays', () => {
  it('lists the days whose status differs once a year is loaded', () => {
    const with2027 = Calendar.build([
      ...bundled,
      { year: 2027, days: [{ date: '2027-02-09', name: '春节', isOffDay: true }, { date: '2027-02-20', name: '春节', isOffDay: false }] },
    ]);
    const changes = changedDays(cal, with2027, '2027-01-01', '2027-12-31');
    const dates = changes.map((c) => c.date);
    expect(dates).toContain('2027-02-09');
    expect(dates).toContain('2027-02-20');
    expect(dates).toContain('2027-06-09'); // statutory 端午 no longer assumed: the loaded file does not list it
    expect(changes.find((c) => c.date === '2027-02-20')).toMatchObject({ before: { kind: 'weekend' }, after: { kind: 'makeup', working: true } });
    expect(with2027.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-05', provisional: false });
    expect(with2027.addWorkingDays('2027-02-08', 1)).toEqual({ date: '2027-02-10', provisional: false });
  });
});
