import { performance } from 'node:perf_hooks';
import { isoOf, dayOf } from './dates.ts';
import { Calendar } from './calendar.rules.ts';
import { readBundledSchedules } from './calendar.service.ts';

export interface ClockBench {
  /** addWorkingDays calls per second (ISO in, ISO out). */
  additionsPerSecond: number;
  /** addWorkingHours calls per second. */
  hourAdditionsPerSecond: number;
  /** Milliseconds to build a calendar from the bundled schedules. */
  buildMs: number;
}

/** In-process throughput of the working-day clock over the bundled schedules, for the bench harness. */
export function benchClock(opts: { millis?: number } = {}): ClockBench {
  const millis = opts.millis ?? 300;
  const t0 = performance.now();
  const cal = Calendar.build(readBundledSchedules());
  const buildMs = performance.now() - t0;
  const starts = Array.from({ length: 1024 }, (_, i) => isoOf(dayOf(2020, 1, 1) + ((i * 37) % 2500)));
  const instants = starts.map((s, i) => new Date(`${s}T${String(8 + (i % 10)).padStart(2, '0')}:15:00+08:00`));

  const rate = (fn: (i: number) => unknown) => {
    let n = 0;
    let sink = 0;
    const begin = performance.now();
    let now = begin;
    while (now - begin < millis) {
      for (let k = 0; k < 1000; k++, n++) if (fn(n)) sink++;
      now = performance.now();
    }
    return sink >= 0 ? (n / (now - begin)) * 1000 : 0;
  };
  const additionsPerSecond = rate((i) => cal.addWorkingDays(starts[i & 1023], (i % 60) - 20).provisional);
  const hourAdditionsPerSecond = rate((i) => cal.addWorkingHours(instants[i & 1023], (i % 40) + 0.5).provisional);
  return { additionsPerSecond: Math.round(additionsPerSecond), hourAdditionsPerSecond: Math.round(hourAdditionsPerSecond), buildMs: Math.round(buildMs * 10) / 10 };
}
