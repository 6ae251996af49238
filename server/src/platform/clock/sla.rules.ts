/**
 * Deadline arithmetic of an SLA clock, pure. A clock's deadline is always
 * computed from its start and (budget + time paused so far), so recomputing
 * after a calendar change or a pause gives the same answer as computing it
 * fresh: adding the paused working days to the old due date and adding
 * (budget + paused) to the start are the same thing on working days.
 *
 * Day units: the start day is not counted and the period ends at 24:00
 * China time of the due date (Civil Code arts. 201, 203); a calendar-day
 * period ending on a day off moves to the next working day.
 */
import { dayNumber, endOfLocalDay, isoOf, localDayOf, type IsoDate } from './dates.ts';
import type { Calendar } from './calendar.rules.ts';
import { SlaErrors } from './clock.errors.ts';

export const SLA_UNITS = ['working_days', 'working_hours', 'calendar_days'] as const;
export type SlaUnit = (typeof SLA_UNITS)[number];

export const UNIT_LABELS: Record<SlaUnit, { zh: string; en: string }> = {
  working_days: { zh: '个工作日', en: 'working days' },
  working_hours: { zh: '个工作小时', en: 'working hours' },
  calendar_days: { zh: '日', en: 'calendar days' },
};

export interface DeadlineInput {
  unit: SlaUnit;
  budget: number;
  pausedTotal: number;
  startedAt: Date;
  warnBefore: number;
}

export interface Deadline {
  dueAt: Date;
  /** The China-local due date (for hours, the date of dueAt). */
  dueDate: IsoDate;
  warnAt: Date | null;
  provisional: boolean;
}

/** Throws INVALID_BUDGET unless the amount suits the unit: whole days, or hours as any finite number ≥ 0. */
export function assertAmount(unit: SlaUnit, amount: number): void {
  const ok = Number.isFinite(amount) && amount >= 0 && (unit === 'working_hours' || Number.isInteger(amount));
  if (!ok) throw SlaErrors.INVALID_BUDGET();
}

/**
 * Where a clock stands after `amount` of its unit from the start: the instant
 * and its China date. `roll` moves a calendar-day end off a day off.
 */
function pointAfter(cal: Calendar, unit: SlaUnit, startedAt: Date, amount: number, roll: boolean): { at: Date; date: IsoDate; provisional: boolean } {
  const startDate = isoOf(localDayOf(startedAt));
  if (unit === 'working_hours') {
    const r = cal.addWorkingHours(startedAt, amount);
    return { at: r.at, date: isoOf(localDayOf(r.at)), provisional: r.provisional };
  }
  if (unit === 'working_days') {
    const r = cal.addWorkingDays(startDate, amount);
    return { at: endOfLocalDay(dayNumber(r.date)), date: r.date, provisional: r.provisional };
  }
  if (roll) {
    const r = cal.addCalendarDays(startDate, amount);
    return { at: endOfLocalDay(dayNumber(r.date)), date: r.date, provisional: r.provisional };
  }
  const day = localDayOf(startedAt) + amount;
  return { at: endOfLocalDay(day), date: isoOf(day), provisional: false };
}

/** The due and warning instants of a clock. The warning comes when `warnBefore` of the unit remains. */
export function computeDeadline(cal: Calendar, c: DeadlineInput): Deadline {
  const total = c.budget + c.pausedTotal;
  const due = pointAfter(cal, c.unit, c.startedAt, total, true);
  let warnAt: Date | null = null;
  if (c.warnBefore > 0) {
    const lead = total - c.warnBefore;
    warnAt = lead <= 0 ? new Date(c.startedAt.getTime()) : pointAfter(cal, c.unit, c.startedAt, lead, false).at;
    if (warnAt.getTime() > due.at.getTime()) warnAt = due.at;
  }
  return { dueAt: due.at, dueDate: due.date, warnAt, provisional: due.provisional };
}

/**
 * How much of the unit a pause from `from` to `to` took: working days in
 * (from, to] by China date, office hours between the instants, or calendar
 * days between the dates.
 */
export function pausedAmount(cal: Calendar, unit: SlaUnit, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  if (unit === 'working_hours') return cal.workingHoursBetween(from, to).hours;
  const a = localDayOf(from);
  const b = localDayOf(to);
  if (unit === 'calendar_days') return b - a;
  return cal.workingDaysBetween(isoOf(a), isoOf(b)).days;
}
