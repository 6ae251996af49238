import { describe, expect, it } from 'vitest';
import { COST_FACTOR, CommandFeed } from './command.feed.ts';

/** A feed over an in-memory figure per key, with a stamp the test moves. */
function harness() {
  const figures = new Map<string, number>([
    ['a', 1],
    ['b', 10],
  ]);
  let stamp = 's0';
  let stampCalls = 0;
  const computed: string[] = [];
  const feed = new CommandFeed<string, { v: number; generatedAt: string }>({
    stamp: async () => {
      stampCalls += 1;
      return stamp;
    },
    compute: async (k) => {
      computed.push(k);
      return { v: figures.get(k) ?? 0, generatedAt: String(Date.now()) };
    },
    keyOf: (k) => k,
    pollMs: 60_000,
    refreshMs: 60_000,
  });
  return {
    feed,
    figures,
    computed,
    setStamp: (s: string) => (stamp = s),
    stampCalls: () => stampCalls,
  };
}

describe('command feed: one poller, fan-out per view', () => {
  it('pushes a view to all of its listeners once when the stamp moves and its figures changed', async () => {
    const h = harness();
    const a1: number[] = [];
    const a2: number[] = [];
    const b: number[] = [];
    h.feed.subscribe('a', (o) => a1.push(o.v), { v: 1, generatedAt: 'x' });
    h.feed.subscribe('a', (o) => a2.push(o.v), { v: 1, generatedAt: 'x' });
    h.feed.subscribe('b', (o) => b.push(o.v), { v: 10, generatedAt: 'x' });
    expect(h.feed.polling).toBe(true);
    await h.feed.tick(); // first poll recomputes: unchanged figures are not pushed
    expect([a1, a2, b]).toEqual([[], [], []]);
    h.computed.length = 0;

    await h.feed.tick(); // stamp unchanged: nothing computed
    expect(h.computed).toEqual([]);

    h.figures.set('a', 2);
    h.setStamp('s1');
    await h.feed.tick();
    expect(h.computed.sort()).toEqual(['a', 'b']); // each view computed once, not once per listener
    expect([a1, a2, b]).toEqual([[2], [2], []]);
  });

  it('the first poll catches a change made between the initial figures and the first stamp', async () => {
    const h = harness();
    const got: number[] = [];
    h.feed.subscribe('a', (o) => got.push(o.v), { v: 0, generatedAt: 'x' });
    await h.feed.tick();
    expect(got).toEqual([1]);
  });

  it('stops polling when the last listener leaves and starts again on the next subscribe', async () => {
    const h = harness();
    const off1 = h.feed.subscribe('a', () => {});
    const off2 = h.feed.subscribe('b', () => {});
    expect(h.feed.listeners).toBe(2);
    off1();
    off1(); // idempotent
    expect(h.feed.polling).toBe(true);
    off2();
    expect(h.feed.polling).toBe(false);
    expect(h.feed.listeners).toBe(0);
    const calls = h.stampCalls();
    await h.feed.tick(); // no views: no database work
    expect(h.stampCalls()).toBe(calls);
    h.feed.subscribe('a', () => {});
    expect(h.feed.polling).toBe(true);
    h.feed.stop();
  });

  it('holds back a costly view under constant changes and catches up once its cost has passed', async () => {
    let stamp = 0;
    let computed = 0;
    let value = 0;
    let took = 0;
    const feed = new CommandFeed<string, number>({
      stamp: async () => String(stamp),
      compute: async () => {
        computed += 1;
        const t0 = Date.now();
        await new Promise((r) => setTimeout(r, 40));
        took = Date.now() - t0;
        return value;
      },
      keyOf: (k) => k,
      pollMs: 60_000,
      refreshMs: 60_000,
    });
    const got: number[] = [];
    feed.subscribe('a', (v) => got.push(v), 0);
    await feed.tick(); // first poll: computed (40 ms)
    expect(computed).toBe(1);
    value = 1;
    stamp = 1;
    await feed.tick(); // changed, but within 4 × 40 ms of the last computation: held back
    expect(computed).toBe(1);
    expect(got).toEqual([]);
    await new Promise((r) => setTimeout(r, COST_FACTOR * took + 30));
    await feed.tick(); // no new change, but the held-back one is still owed
    expect(computed).toBe(2);
    expect(got).toEqual([1]);
    await feed.tick(); // nothing owed now
    expect(computed).toBe(2);
    feed.stop();
  });

  it('a failing stamp or listener is reported and does not stop the others', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const feed = new CommandFeed<string, number>({
      stamp: async () => {
        if (fail) throw new Error('db down');
        return String(Math.random());
      },
      compute: async () => Math.random(),
      keyOf: (k) => k,
      pollMs: 60_000,
      onError: (e) => errors.push(e),
    });
    const got: number[] = [];
    feed.subscribe('a', () => {
      throw new Error('listener');
    });
    feed.subscribe('a', (v) => got.push(v));
    await feed.tick();
    expect(errors.map((e) => (e as Error).message)).toEqual(['db down']);
    fail = false;
    await feed.tick();
    expect(got.length).toBe(1);
    expect(errors.map((e) => (e as Error).message)).toEqual(['db down', 'listener']);
    feed.stop();
  });
});
