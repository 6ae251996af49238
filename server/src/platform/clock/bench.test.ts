import { expect, it } from 'vitest';
import { benchClock } from './index.ts';

it('benchClock measures additions per second over the bundled schedules', () => {
  const r = benchClock({ millis: 50 });
  expect(r.additionsPerSecond).toBeGreaterThan(10_000);
  expect(r.hourAdditionsPerSecond).toBeGreaterThan(1_000);
  expect(r.buildMs).toBeGreaterThanOrEqual(0);
});
