import { benchClock } from '../server/src/platform/clock/index.ts';
import { fmt } from './lib/load.ts';
import type { Section } from './sections.ts';

/** The working-day clock, in process: additions per second over the bundled 2020–2026 schedules. */
export const clockSection: Section = async (out) => {
  const r = benchClock({ millis: 1000 });
  out('## Working-day clock');
  out();
  out('| figure | value |');
  out('|---|---:|');
  out(`| calendar build from bundled schedules | ${fmt(r.buildMs, 1)} ms |`);
  out(`| working-day additions (addWorkingDays) | ${fmt(r.additionsPerSecond, 0)} /s |`);
  out(`| working-hour additions (addWorkingHours) | ${fmt(r.hourAdditionsPerSecond, 0)} /s |`);
  out();
};
