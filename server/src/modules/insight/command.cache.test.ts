import { describe, expect, it } from 'vitest';
import { StampedCache } from './command.cache.ts';

describe('stamped cache of the figures', () => {
  it('computes once per stamp, shares one computation between concurrent requests, recomputes when the stamp moves', async () => {
    const cache = new StampedCache<number>(60_000);
    let n = 0;
    const compute = async () => {
      n += 1;
      await new Promise((r) => setTimeout(r, 10));
      return n;
    };
    const [a, b] = await Promise.all([cache.get('v', 's1', compute), cache.get('v', 's1', compute)]);
    expect([a, b, n]).toEqual([1, 1, 1]);
    expect(await cache.get('v', 's1', compute)).toBe(1);
    expect(await cache.get('v', 's2', compute)).toBe(2);
    expect(await cache.get('w', 's2', compute)).toBe(3); // another view
  });

  it('expires by age (overdue counts move with the clock) and keeps a bounded number of views', async () => {
    const cache = new StampedCache<number>(20, 2);
    let n = 0;
    const compute = async () => ++n;
    await cache.get('v', 's', compute);
    await new Promise((r) => setTimeout(r, 30));
    expect(await cache.get('v', 's', compute)).toBe(2);
    await cache.get('w', 's', compute);
    await cache.get('x', 's', compute);
    expect(cache.size).toBe(2);
  });

  it('a failed computation is not cached', async () => {
    const cache = new StampedCache<number>(60_000);
    await expect(cache.get('v', 's', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('v', 's', async () => 7)).toBe(7);
  });
});
