import { api } from '../../app/api.ts';

/** GET /api/calendar/working-days?from&add */
export interface WorkingDaysResult {
  date: string;
  provisional: boolean;
}

export const addWorkingDays = (from: string, add: number, signal?: AbortSignal) =>
  api.get<WorkingDaysResult>('/api/calendar/working-days', { from, add }, signal);

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export interface CalendarDay {
  date: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  kind: DayKind;
  name: string | null;
  working: boolean;
}

/** GET /api/calendar/days?year */
export interface CalendarYear {
  year: number;
  loaded: boolean;
  provisional: boolean;
  source: string | null;
  loadedAt: string | null;
  /** Official notices the schedule comes from. */
  papers: string[];
  dayCount: number;
  workingDays: number;
  days: CalendarDay[];
}

export const getCalendarYear = (year: number, signal?: AbortSignal) => api.get<CalendarYear>('/api/calendar/days', { year }, signal);
