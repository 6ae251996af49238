import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { inTransaction, query, sql, type Tx } from '../db/index.ts';
import { emit, type OutboxEvent } from './outbox.ts';
import type { JobRunner } from './runner.ts';
import { fastRunner, sleep, waitFor } from './jobs.test-helpers.ts';

describeEachBackend('outbox', (backend) => {
  let database: TestDatabase;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db.execute(sql`create table test_effects (event_id bigint not null, handler text not null, at timestamptz not null default clock_timestamp())`);
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await database.db.execute(sql`truncate outbox_events, outbox_deliveries, test_effects`);
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop({ graceful: true });
  });

  /** A subscriber whose effect is a row in test_effects, written in the delivery transaction. */
  const effect = (name: string) => async (event: OutboxEvent, tx: Tx) => {
    await tx.execute(sql`insert into test_effects (event_id, handler) values (${event.id}, ${name})`);
  };

  function newRunner(extra: Parameters<typeof fastRunner>[1] = {}) {
    const r = fastRunner(database, extra);
    runners.push(r);
    r.subscribe('case.closed', 'insight.count', effect('insight.count'));
    r.subscribe('case.closed', 'notify.citizen', effect('notify.citizen'));
    return r;
  }

  async function effects() {
    return query<{ event_id: number; handler: string }>(
      database.db,
      sql`select event_id::float8 as event_id, handler from test_effects order by event_id, handler`,
    );
  }

  async function eventRow(id: number) {
    const [row] = await query<{ delivered: boolean; attempts: number; last_error: string | null }>(
      database.db,
      sql`select delivered_at is not null as delivered, attempts, last_error from outbox_events where id = ${id}`,
    );
    return row;
  }

  it('delivers an event of a committed transaction once to each subscriber, woken right after commit', async () => {
    // a relay poll far away: delivery within seconds shows the after-commit wake-up
    const runner = newRunner({ outbox: { pollSeconds: 60 } });
    await runner.start();
    await sleep(300);
    const id = await inTransaction(database.db, (tx) => emit(tx, 'case.closed', { caseId: 7 }, { regionCode: '320281' }));
    await waitFor(async () => (await eventRow(id)).delivered, 5_000, 'delivery');
    expect(await effects()).toEqual([
      { event_id: id, handler: 'insight.count' },
      { event_id: id, handler: 'notify.citizen' },
    ]);
    const deliveries = await query<{ handler: string }>(database.db, sql`select handler from outbox_deliveries where event_id = ${id} order by handler`);
    expect(deliveries.map((d) => d.handler)).toEqual(['insight.count', 'notify.citizen']);
    const [ev] = await query<{ payload: unknown; region_code: string }>(database.db, sql`select payload, region_code from outbox_events where id = ${id}`);
    expect(ev).toEqual({ payload: { caseId: 7 }, region_code: '320281' });
    // later passes deliver nothing more
    expect(await runner.relayNow()).toBe(0);
    expect(await effects()).toHaveLength(2);
  });

  it('never delivers an event of a rolled-back transaction', async () => {
    const runner = newRunner();
    await runner.start();
    await expect(
      inTransaction(database.db, async (tx) => {
        await emit(tx, 'case.closed', { caseId: 8 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    await sleep(1000);
    await runner.relayNow();
    expect(await effects()).toEqual([]);
    expect(await query(database.db, sql`select id from outbox_events`)).toEqual([]);
  });

  it('after a crash between commit and delivery, a new runner delivers the event exactly once', async () => {
    // committed, but no relay ran (the process died right after the commit)
    const id = await inTransaction(database.db, (tx) => emit(tx, 'case.closed', { caseId: 9 }));
    const restarted = newRunner();
    await restarted.start();
    await waitFor(async () => (await eventRow(id)).delivered, 10_000, 'delivery after restart');
    await restarted.stop();
    // and another restart does not deliver it again
    const again = newRunner();
    await again.start();
    await sleep(1000);
    expect(await effects()).toEqual([
      { event_id: id, handler: 'insight.count' },
      { event_id: id, handler: 'notify.citizen' },
    ]);
  });

  it('after a crash between a committed delivery and marking the event, redelivery does not repeat the effect', async () => {
    const id = await inTransaction(database.db, (tx) => emit(tx, 'case.closed', { caseId: 10 }));
    const first = newRunner();
    expect(await first.relayNow()).toBe(1);
    expect(await effects()).toHaveLength(2);
    // the state a crash right before the "delivered" update leaves: deliveries committed, event claimable again
    await database.db.execute(sql`update outbox_events set delivered_at = null, available_at = now() where id = ${id}`);
    const restarted = newRunner();
    await restarted.start();
    await waitFor(async () => (await eventRow(id)).delivered, 10_000, 'redelivery');
    expect(await effects()).toEqual([
      { event_id: id, handler: 'insight.count' },
      { event_id: id, handler: 'notify.citizen' },
    ]);
    expect((await eventRow(id)).attempts).toBe(2);
  });

  it('redelivery after a crash in the middle of an event repeats only the handlers that had not committed', async () => {
    const id = await inTransaction(database.db, (tx) => emit(tx, 'case.closed', { caseId: 11 }));
    // only one subscriber had committed when the process died
    await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`insert into outbox_deliveries (event_id, handler) values (${id}, 'insight.count')`);
      await tx.execute(sql`insert into test_effects (event_id, handler) values (${id}, 'insight.count')`);
    });
    await database.db.execute(sql`update outbox_events set attempts = 1 where id = ${id}`);
    const restarted = newRunner();
    await restarted.start();
    await waitFor(async () => (await eventRow(id)).delivered, 10_000, 'redelivery');
    expect(await effects()).toEqual([
      { event_id: id, handler: 'insight.count' },
      { event_id: id, handler: 'notify.citizen' },
    ]);
  });

  it('retries a failing handler with backoff, records the error, and then delivers', async () => {
    const runner = newRunner();
    let calls = 0;
    runner.subscribe('case.closed', 'flaky.sync', async (event, tx) => {
      calls += 1;
      if (calls === 1) throw new Error('upstream unavailable');
      await effect('flaky.sync')(event, tx);
    });
    const id = await inTransaction(database.db, (tx) => emit(tx, 'case.closed', { caseId: 12 }));
    expect(await runner.relayNow()).toBe(1);
    let row = await eventRow(id);
    expect(row.delivered).toBe(false);
    expect(row.last_error).toContain('flaky.sync: upstream unavailable');
    // the handlers that succeeded are not repeated; the retry waits for its backoff
    expect((await effects()).map((e) => e.handler)).toEqual(['insight.count', 'notify.citizen']);
    expect(await runner.relayNow()).toBe(0);
    await runner.start();
    await waitFor(async () => (await eventRow(id)).delivered, 10_000, 'the retry');
    row = await eventRow(id);
    expect(row.attempts).toBe(2);
    expect(calls).toBe(2);
    expect((await effects()).map((e) => e.handler)).toEqual(['flaky.sync', 'insight.count', 'notify.citizen']);
  });

  it('two relays (two worker processes) deliver each of many events exactly once', async () => {
    const a = newRunner();
    const b = newRunner();
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(await emit(database.db, 'case.closed', { caseId: 100 + i }));
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.relayNow(), b.relayNow()]);
    await waitFor(async () => {
      const [r] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from outbox_events where delivered_at is null`);
      return r.n === 0;
    }, 20_000, 'all deliveries');
    const [dupes] = await query<{ n: number; total: number }>(
      database.db,
      sql`select count(*)::int as total, (count(*) - count(distinct (event_id, handler)))::int as n from test_effects`,
    );
    expect(dupes).toEqual({ n: 0, total: 120 });
  });
});
