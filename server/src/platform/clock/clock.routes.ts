import { z } from 'zod';
import type { Routes } from '../http/index.ts';
import { isIsoDate, toChinaIso } from './dates.ts';
import { MAX_YEAR, MIN_YEAR } from './calendar.rules.ts';
import { HolidayFileSchema } from './holiday-file.ts';
import type { CalendarService } from './calendar.service.ts';

const IsoDateParam = z
  .string({ error: '必填，格式 YYYY-MM-DD（required, YYYY-MM-DD）' })
  .refine(isIsoDate, { error: '应为有效日期 YYYY-MM-DD（must be a valid date YYYY-MM-DD）' })
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, { error: `年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间（year must be within ${MIN_YEAR}–${MAX_YEAR}）` });

/** An ISO date-time; without an offset it is read as China time (UTC+8). */
const InstantParam = z
  .string({ error: '必填，ISO 8601 时间（required, ISO 8601 date-time）' })
  .transform((s, ctx) => {
    const withZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}+08:00`;
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([zZ]|[+-]\d{2}:?\d{2})$/.test(withZone) ? new Date(withZone) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime()) || at.getUTCFullYear() < MIN_YEAR || at.getUTCFullYear() > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', message: '应为 ISO 8601 时间，如 2026-09-30T16:00:00+08:00（must be an ISO 8601 date-time）' });
      return z.NEVER;
    }
    return at;
  });

const DayKindSchema = z.enum(['workday', 'weekend', 'holiday', 'makeup']);
const YearStatusSchema = z.object({
  year: z.number(),
  loaded: z.boolean(),
  provisional: z.boolean(),
  source: z.string().nullable(),
  loadedAt: z.string().nullable(),
  papers: z.array(z.string()),
  dayCount: z.number(),
});

export function registerCalendarRoutes(routes: Routes, calendar: CalendarService) {
  routes.define({
    method: 'GET',
    url: '/api/calendar/working-days',
    tags: ['calendar'],
    summary: 'Add working days to a date (start day not counted)',
    description:
      'N working days after `from` (N < 0 goes back); the result is always a working day. `provisional` is true when the ' +
      'span runs through a year whose official holiday schedule is not loaded (statutory holidays assumed).',
    access: 'public',
    query: z.object({ from: IsoDateParam, add: z.coerce.number().int().min(-3650).max(3650) }),
    response: z.object({ date: z.string(), provisional: z.boolean() }),
    handler: async ({ query }) => {
      const r = (await calendar.fresh()).addWorkingDays(query.from, query.add);
      return { date: r.date, provisional: r.provisional };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/calendar/between',
    tags: ['calendar'],
    summary: 'Working days between two dates: those after `from` up to and including `to`',
    access: 'public',
    query: z.object({ from: IsoDateParam, to: IsoDateParam }),
    response: z.object({ from: z.string(), to: z.string(), workingDays: z.number(), provisional: z.boolean() }),
    handler: async ({ query }) => {
      const r = (await calendar.fresh()).workingDaysBetween(query.from, query.to);
      return { from: query.from, to: query.to, workingDays: r.days, provisional: r.provisional };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/calendar/add-hours',
    tags: ['calendar'],
    summary: 'Add working hours (office hours of working days, China time) to an instant',
    access: 'public',
    query: z.object({ from: InstantParam, hours: z.coerce.number().min(0).max(100_000) }),
    response: z.object({ from: z.string(), hours: z.number(), at: z.string(), provisional: z.boolean(), officeHours: z.string() }),
    handler: async ({ query }) => {
      const cal = await calendar.fresh();
      const r = cal.addWorkingHours(query.from, query.hours);
      return { from: toChinaIso(query.from), hours: query.hours, at: toChinaIso(r.at), provisional: r.provisional, officeHours: cal.officeHours.text };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/calendar/days',
    tags: ['calendar'],
    summary: "A year's days: workday, weekend, holiday or make-up working day, with holiday names",
    description: 'A year without a loaded schedule is `provisional`: weekends plus the statutory holidays.',
    access: 'public',
    query: z.object({ year: z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR) }),
    response: YearStatusSchema.extend({
      workingDays: z.number(),
      days: z.array(z.object({ date: z.string(), weekday: z.number(), kind: DayKindSchema, name: z.string().nullable(), working: z.boolean() })),
    }),
    handler: async ({ query }) => {
      const cal = await calendar.fresh();
      const days = cal.daysOfYear(query.year).map((d) => ({ date: d.date, weekday: d.weekday, kind: d.kind, name: d.name, working: d.working }));
      return { ...calendar.yearStatus(query.year), workingDays: cal.workingDaysInYear(query.year), days };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/calendar/years',
    tags: ['calendar'],
    summary: 'Years whose official holiday schedule is loaded',
    access: 'public',
    response: z.object({ items: z.array(YearStatusSchema) }),
    handler: async () => {
      await calendar.fresh();
      return { items: calendar.loadedYears().map((y) => calendar.yearStatus(y.year)) };
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/calendar/years',
    tags: ['calendar'],
    summary: "Load (or replace) a year's official holiday schedule",
    description:
      'Body: a holiday-cn JSON file (`year`, `papers`, `days[]` with `date`, `name`, `isOffDay`; isOffDay=false is a make-up ' +
      'working day). A file with no days is refused (not published). Stored deadlines that run through the year are recomputed.',
    access: 'calendar:manage',
    body: HolidayFileSchema,
    handler: async ({ body, caller }) => calendar.loadYear(calendar.db, body, caller, 'api'),
  });
}
