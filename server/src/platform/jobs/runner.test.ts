import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { inTransaction, query, sql } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { insertAccount } from '../auth/index.ts';
import { BossConnection } from './boss-connection.ts';
import { AUDIT_CHAIN_QUEUE, CLEANUP_QUEUE } from './platform-jobs.ts';
import type { JobRunner } from './runner.ts';
import { fastRunner, sleep, waitFor } from './jobs.test-helpers.ts';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describeEachBackend('jobs runner', (backend) => {
  let database: TestDatabase;
  let runner: JobRunner | null = null;

  // one database for the file: each test uses its own queues
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.destroy());
  afterEach(async () => {
    await runner?.stop({ graceful: false });
    runner = null;
  });

  it('installs pg-boss in the database (no own connection on PGlite) and runs a sent job', async () => {
    runner = fastRunner(database);
    const seen: unknown[] = [];
    await runner.register<{ n: number }>('test.echo', async (data) => {
      seen.push(data);
    });
    await runner.start();
    const [v] = await query<{ version: number }>(database.db, sql`select version from pgboss.version`);
    expect(Number(v.version)).toBe(24);
    expect(await runner.send('test.echo', { n: 1 })).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(async () => seen.length === 1, 10_000, 'the job');
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('runs a delayed job after its delay and not before', async () => {
    runner = fastRunner(database);
    let ranAt = 0;
    await runner.register('test.delayed', async () => {
      ranAt = Date.now();
    });
    await runner.start();
    const sentAt = Date.now();
    await runner.send('test.delayed', {}, { startAfter: 2 });
    await sleep(1200);
    expect(ranAt).toBe(0);
    await waitFor(async () => ranAt > 0, 10_000, 'the delayed job');
    expect(ranAt - sentAt).toBeGreaterThanOrEqual(1900);
  });

  it('retries a failing job, then it succeeds', async () => {
    runner = fastRunner(database);
    const attempts: number[] = [];
    let done = false;
    await runner.register(
      'test.flaky',
      async (_data, job) => {
        attempts.push(job.retryCount);
        if (attempts.length === 1) throw new Error('transient failure');
        done = true;
      },
      { retryLimit: 2, retryDelay: 0, retryBackoff: false },
    );
    await runner.start();
    const id = await runner.send('test.flaky', {});
    await waitFor(async () => done, 15_000, 'the retried job');
    expect(attempts).toEqual([0, 1]);
    await waitFor(async () => {
      const [row] = await query<{ state: string }>(database.db, sql`select state::text as state from pgboss.job where id = ${id}::uuid`);
      return row?.state === 'completed';
    });
  });

  it('sends before start (an api-only process); a worker started later runs the job', async () => {
    const api = fastRunner(database);
    let ran = 0;
    await api.register('test.later', async () => {
      ran += 1;
    });
    expect(await api.send('test.later', { from: 'api' })).toBeTruthy();
    await sleep(700);
    expect(ran).toBe(0);
    await api.stop();
    runner = api;
    await runner.start();
    await waitFor(async () => ran === 1, 10_000, 'the job sent before start');
  });

  it.runIf(backend === 'postgres')('can give pg-boss its own pool (bossUrl) on PostgreSQL', async () => {
    runner = fastRunner(database, { bossUrl: database.url });
    let ran = false;
    await runner.register('test.ownpool', async () => {
      ran = true;
    });
    await runner.start();
    await runner.send('test.ownpool', {});
    await waitFor(async () => ran, 10_000, 'the job');
  });

  it('refuses send() inside a transaction: jobs go through the outbox there', async () => {
    runner = fastRunner(database);
    await runner.register('test.tx', async () => undefined);
    await runner.start();
    const r = runner;
    await expect(inTransaction(database.db, async () => r.send('test.tx', {}))).rejects.toThrow(/inside a transaction/);
  });

  it('deduplicates by singletonKey on a short queue', async () => {
    runner = fastRunner(database);
    await runner.register('test.short', async () => undefined, { policy: 'short' });
    await runner.start();
    const a = await runner.send('test.short', {}, { singletonKey: 'k', startAfter: 60 });
    const b = await runner.send('test.short', {}, { singletonKey: 'k', startAfter: 60 });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
  });

  it('runs a cron schedule', async () => {
    runner = fastRunner(database, { cronMonitorSeconds: 1 });
    let runs = 0;
    await runner.register('test.cron', async () => {
      runs += 1;
    });
    await runner.schedule('test.cron', '* * * * *');
    await runner.start();
    await waitFor(async () => runs > 0, 20_000, 'the cron job');
  });

  it('stops gracefully: the running job finishes and is recorded as completed', async () => {
    runner = fastRunner(database);
    await database.db.execute(sql`create table test_marks (id text primary key)`);
    let started = false;
    await runner.register('test.slow', async (_d, job) => {
      started = true;
      await sleep(1000);
      await database.db.execute(sql`insert into test_marks (id) values (${job.id})`);
    });
    await runner.start();
    const id = await runner.send('test.slow', {});
    await waitFor(async () => started, 10_000, 'the slow job to start');
    await runner.stop({ graceful: true });
    expect(runner.started).toBe(false);
    const marks = await query<{ id: string }>(database.db, sql`select id from test_marks`);
    expect(marks.map((m) => m.id)).toEqual([id]);
    const [job] = await query<{ state: string }>(database.db, sql`select state::text as state from pgboss.job where id = ${id}::uuid`);
    expect(job.state).toBe('completed');
    // restartable
    await runner.start();
    expect(runner.started).toBe(true);
  });

  it('chains audit entries and cleans up expired sessions and old idempotency keys', async () => {
    runner = fastRunner(database, { platformJobs: true, auditChainSeconds: 0.5 });
    await inTransaction(database.db, (tx) => recordAudit(tx, { actor: { id: 0, username: 'system' } }, { action: 'test', entityType: 'thing', entityId: 1 }));
    const accountId = await insertAccount(database.db, { username: 'u1', kind: 'staff', displayName: 'U1' });
    await database.db.execute(sql`insert into sessions (id, account_id, csrf_token, expires_at) values
      ('expired', ${accountId}, 'c', now() - interval '1 minute'), ('live', ${accountId}, 'c', now() + interval '1 hour')`);
    await database.db.execute(sql`insert into idempotency_keys (owner, key, request_hash, created_at) values
      ('a:1', 'old', 'h', now() - interval '25 hours'), ('a:1', 'new', 'h', now() - interval '1 hour')`);
    await runner.start();
    await waitFor(async () => {
      const [r] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from audit_entries where seq is null`);
      return r.n === 0;
    }, 10_000, 'the audit chainer');
    await runner.send(CLEANUP_QUEUE, {});
    await waitFor(async () => {
      const s = await query<{ id: string }>(database.db, sql`select id from sessions order by id`);
      const k = await query<{ key: string }>(database.db, sql`select key from idempotency_keys order by key`);
      return s.map((x) => x.id).join() === 'live' && k.map((x) => x.key).join() === 'new';
    }, 10_000, 'the cleanup job');
    const queues = await query<{ name: string }>(database.db, sql`select name from pgboss.schedule`);
    expect(queues.map((q) => q.name)).toContain(CLEANUP_QUEUE);
    expect(AUDIT_CHAIN_QUEUE).toBe('platform.audit-chain');
  });

  it('keeps the session usable when a pg-boss script fails (no aborted transaction left behind)', async () => {
    const conn = new BossConnection((t, v) => database.executeSql(t, v), silent);
    await expect(conn.executeSql('BEGIN;\n create table test_x (a int);\n select 1/0;\n COMMIT;')).rejects.toThrow(/division by zero/);
    // atomic: the table of the failed script does not exist, and the session takes new work
    const [r] = await query<{ t: string | null }>(database.db, sql`select to_regclass('test_x')::text as t`);
    expect(r.t).toBeNull();
    await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`select 1`);
    });
  });
});
