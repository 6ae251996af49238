import type { CalendarDay } from './clock.api.ts';

export interface HolidaySpan {
  name: string;
  from: string;
  to: string;
  days: number;
  /** Make-up working days around this holiday (same name in the schedule). */
  makeup: string[];
}

/** Groups consecutive holidays with the same name and attaches the make-up days that carry the name. */
export function holidaySpans(days: CalendarDay[]): HolidaySpan[] {
  const spans: HolidaySpan[] = [];
  let prev: CalendarDay | null = null;
  for (const d of days) {
    if (d.kind === 'holiday') {
      const last = spans[spans.length - 1];
      if (prev && prev.kind === 'holiday' && last && last.name === (d.name ?? '')) {
        last.to = d.date;
        last.days += 1;
      } else spans.push({ name: d.name ?? '', from: d.date, to: d.date, days: 1, makeup: [] });
    }
    prev = d;
  }
  for (const d of days) {
    if (d.kind !== 'makeup') continue;
    const span = spans.find((s) => s.name && s.name === d.name) ?? nearest(spans, d.date);
    span?.makeup.push(d.date);
  }
  return spans;
}

function nearest(spans: HolidaySpan[], date: string): HolidaySpan | undefined {
  const t = Date.parse(date);
  return spans.reduce<HolidaySpan | undefined>((best, s) => {
    const dist = Math.min(Math.abs(Date.parse(s.from) - t), Math.abs(Date.parse(s.to) - t));
    const bestDist = best ? Math.min(Math.abs(Date.parse(best.from) - t), Math.abs(Date.parse(best.to) - t)) : Infinity;
    return dist < bestDist ? s : best;
  }, undefined);
}
