/**
 * The holiday-cn file format (NateScarlet/holiday-cn): one year's official
 * schedule. Validated with zod; errors name the field in Chinese and English.
 */
import { z } from 'zod';
import type { FieldError } from '../errors/index.ts';
import { dayOf, parseIsoDate, yearOf } from './dates.ts';
import { MAX_YEAR, MIN_YEAR, type YearSchedule } from './calendar.rules.ts';
import { CalendarErrors } from './clock.errors.ts';

/** How far across New Year a file may list a day (holiday-cn lists e.g. 2022-12-31 in 2023.json). */
export const SPILLOVER_DAYS = 7;

const DaySchema = z.object({
  name: z.string().trim().min(1).max(50),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD（date must be YYYY-MM-DD）' })
    .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || parseIsoDate(v) !== null, { error: '不存在的日期（no such date）' }),
  isOffDay: z.boolean(),
});

export const HolidayFileSchema = z
  .object({
    year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
    papers: z.array(z.string().max(500)).max(50).optional(),
    days: z.array(DaySchema).max(400),
  })
  // Runs once the file is well-formed: dates inside the year, no date twice.
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const from = dayOf(file.year, 1, 1) - SPILLOVER_DAYS;
    const to = dayOf(file.year, 12, 31) + SPILLOVER_DAYS;
    file.days.forEach((d, i) => {
      const path = ['days', i, 'date'];
      const day = parseIsoDate(d.date);
      if (day === null) return;
      if (yearOf(day) !== file.year && (day < from || day > to)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `日期 ${d.date} 不在 ${file.year} 年内（date is not in ${file.year}; only the ${SPILLOVER_DAYS} days around New Year may spill over）`,
        });
      }
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path, message: `日期 ${d.date} 重复（duplicate date）` });
      seen.add(d.date);
    });
  });

export type HolidayFile = z.output<typeof HolidayFileSchema>;

const zhError = z.locales.zhCN().localeError;
const enError = z.locales.en().localeError;

/**
 * Validates a holiday-cn JSON document. Throws INVALID_FILE naming each bad
 * field, or NOT_PUBLISHED when it lists no days (such a year is not loaded).
 */
export function parseHolidayFile(json: unknown): YearSchedule & { papers: string[] } {
  const zh = HolidayFileSchema.safeParse(json, { error: zhError as never });
  if (!zh.success) {
    const en = HolidayFileSchema.safeParse(json, { error: enError as never });
    const enMsgs = en.success ? [] : en.error.issues.map((i) => i.message);
    const fields: FieldError[] = zh.error.issues.map((issue, i) => ({
      field: issue.path.length ? issue.path.join('.') : 'body',
      message: issue.message,
      messageEn: enMsgs[i] ?? issue.message,
      in: 'body',
    }));
    throw CalendarErrors.INVALID_FILE({ fields });
  }
  const file = zh.data;
  if (file.days.length === 0) {
    throw CalendarErrors.NOT_PUBLISHED({
      vars: { year: file.year },
      fields: [{ field: 'days', message: '没有任何日期', messageEn: 'no days listed', in: 'body' }],
    });
  }
  const days = [...file.days].sort((a, b) => a.date.localeCompare(b.date));
  return { year: file.year, days, papers: file.papers ?? [] };
}
