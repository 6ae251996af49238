export {
  Calendar,
  changedDays,
  MIN_YEAR,
  MAX_YEAR,
  type DayKind,
  type DayInfo,
  type DayChange,
  type DateResult,
  type InstantResult,
  type ScheduleDay,
  type YearSchedule,
} from './calendar.rules.ts';
export { statutoryHolidays, lunarNewYear, dragonBoatDay, midAutumnDay, qingmingDay, type StatutoryHoliday } from './statutory.rules.ts';
export { parseOfficeHours, DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeWindow } from './office-hours.ts';
export {
  parseIsoDate,
  isIsoDate,
  isoOf,
  dayNumber,
  localDayOf,
  localMidnight,
  endOfLocalDay,
  toChinaIso,
  CHINA_OFFSET_MS,
  type IsoDate,
} from './dates.ts';
export { HolidayFileSchema, parseHolidayFile, type HolidayFile } from './holiday-file.ts';
export {
  CalendarService,
  readBundledSchedules,
  BUNDLED_HOLIDAYS_DIR,
  type CalendarServiceOptions,
  type LoadYearResult,
  type YearStatus,
  type YearRow,
} from './calendar.service.ts';
export { SlaClocks, type SlaClock, type SlaState, type SlaSubject, type RecomputeResult } from './sla.service.ts';
export { computeDeadline, pausedAmount, SLA_UNITS, UNIT_LABELS, type SlaUnit, type Deadline, type DeadlineInput } from './sla.rules.ts';
export { registerCalendarRoutes } from './clock.routes.ts';
export { CalendarErrors, SlaErrors } from './clock.errors.ts';
export { benchClock, type ClockBench } from './bench.ts';
export { calendarCommand, renderYear, renderLoad } from './clock.cli.ts';
export { watchSla, SLA_WARNING, SLA_OVERDUE, SLA_WATCH_QUEUE, type SlaEventPayload } from './sla.watch.ts';
