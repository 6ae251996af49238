import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle.ts';

describe('sign-in throttle', () => {
  it('allows max attempts per window per key, then tells how long to wait', () => {
    const t = new Throttle(3, 60_000);
    expect([t.hit('a', 0), t.hit('a', 1000), t.hit('a', 2000)]).toEqual([0, 0, 0]);
    expect(t.hit('a', 3000)).toBe(57);
    expect(t.hit('b', 3000)).toBe(0);
    expect(t.hit('a', 60_001)).toBe(0);
  });
});
