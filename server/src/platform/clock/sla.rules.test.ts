import { describe, expect, it } from 'vitest';
import { Calendar } from './calendar.rules.ts';
import { readBundledSchedules } from './calendar.service.ts';
import { assertAmount, computeDeadline, pausedAmount } from './sla.rules.ts';

const cal = Calendar.build(readBundledSchedules());
const t = (s: string) => new Date(s);

describe('computeDeadline', () => {
  it('working days: due at the end (24:00 China time) of the N-th working day, warning when `warnBefore` remain', () => {
    const d = computeDeadline(cal, { unit: 'working_days', budget: 20, pausedTotal: 0, startedAt: t('2026-09-18T10:00:00+08:00'), warnBefore: 3 });
    expect(d.dueDate).toBe('2026-10-22');
    expect(d.dueAt.toISOString()).toBe('2026-10-22T16:00:00.000Z');
    expect(d.warnAt?.toISOString()).toBe('2026-10-19T16:00:00.000Z'); // end of Mon 10-19: Oct 20, 21, 22 remain
    expect(d.provisional).toBe(false);
  });

  it('adds the time paused to the budget', () => {
    const d = computeDeadline(cal, { unit: 'working_days', budget: 20, pausedTotal: 3, startedAt: t('2026-09-18T10:00:00+08:00'), warnBefore: 0 });
    expect(d.dueDate).toBe(cal.addWorkingDays('2026-10-22', 3).date);
    expect(d.warnAt).toBeNull();
  });

  it('calendar days: moves an end on a day off to the next working day', () => {
    const d = computeDeadline(cal, { unit: 'calendar_days', budget: 90, pausedTotal: 0, startedAt: t('2026-07-04T09:00:00+08:00'), warnBefore: 10 });
    expect(d.dueDate).toBe('2026-10-08');
    expect(d.warnAt?.toISOString()).toBe('2026-09-22T16:00:00.000Z'); // end of 2026-09-22, 80 days after the start
  });

  it('working hours: due at the instant the office hours run out', () => {
    const d = computeDeadline(cal, { unit: 'working_hours', budget: 5, pausedTotal: 0, startedAt: t('2026-09-30T16:00:00+08:00'), warnBefore: 1 });
    expect(d.dueAt.toISOString()).toBe('2026-10-08T06:00:00.000Z'); // 14:00 China time
    expect(d.dueDate).toBe('2026-10-08');
    expect(d.warnAt?.toISOString()).toBe('2026-10-08T03:30:00.000Z'); // 11:30 China time: 12:00 and 13:30–14:00 left
  });

  it('warns at the start when the warning lead is the whole budget, and marks 2027 deadlines provisional', () => {
    const d = computeDeadline(cal, { unit: 'working_days', budget: 2, pausedTotal: 0, startedAt: t('2026-12-30T10:00:00+08:00'), warnBefore: 5 });
    expect(d.warnAt?.toISOString()).toBe('2026-12-30T02:00:00.000Z');
    expect(d).toMatchObject({ dueDate: '2027-01-04', provisional: true });
  });
});

describe('pausedAmount', () => {
  it('counts working days in (pause, resume], office hours, or calendar days', () => {
    expect(pausedAmount(cal, 'working_days', t('2026-09-28T15:00:00+08:00'), t('2026-10-09T10:00:00+08:00'))).toBe(4); // 9-29, 9-30, 10-08, 10-09
    expect(pausedAmount(cal, 'working_hours', t('2026-09-30T16:00:00+08:00'), t('2026-10-08T09:30:00+08:00'))).toBe(2);
    expect(pausedAmount(cal, 'calendar_days', t('2026-09-28T15:00:00+08:00'), t('2026-10-09T10:00:00+08:00'))).toBe(11);
    expect(pausedAmount(cal, 'working_days', t('2026-10-09T10:00:00+08:00'), t('2026-09-28T15:00:00+08:00'))).toBe(0);
  });
});

describe('assertAmount', () => {
  it('takes whole days and fractional hours, never negative', () => {
    expect(() => assertAmount('working_days', 20)).not.toThrow();
    expect(() => assertAmount('working_hours', 2.5)).not.toThrow();
    expect(() => assertAmount('working_days', 1.5)).toThrow(expect.objectContaining({ code: 'sla.INVALID_BUDGET' }));
    expect(() => assertAmount('calendar_days', -1)).toThrow(expect.objectContaining({ code: 'sla.INVALID_BUDGET' }));
    expect(() => assertAmount('working_hours', Number.NaN)).toThrow(expect.objectContaining({ code: 'sla.INVALID_BUDGET' }));
  });
});
