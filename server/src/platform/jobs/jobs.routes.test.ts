import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction, sql } from '../db/index.ts';
import { emit } from './index.ts';

describeEachBackend('jobs API', (backend) => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await testApp(backend);
    await createTestAccount(t, { username: 'admin1', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'clerk1', grants: [{ role: 'window_clerk', regionCode: '320281', orgId: null }] });
    t.ctx.jobs.subscribe('test.delivered', 'test.ok', async () => undefined);
    t.ctx.jobs.subscribe('test.failed', 'test.broken', async () => {
      throw new Error('no route to host');
    });
    await inTransaction(t.db(), async (tx) => {
      ids.delivered = await emit(tx, 'test.delivered', { n: 1 }, { regionCode: '320281' });
      ids.failed = await emit(tx, 'test.failed', { n: 2 });
    });
    await t.ctx.jobs.relayNow();
    ids.pending = await emit(t.db(), 'test.pending', { n: 3 });
    // keep the pending one from being claimed by anything
    await t.db().execute(sql`update outbox_events set available_at = now() + interval '1 hour' where id = ${ids.pending}`);
  });
  afterAll(() => t.close());

  it('lists outbox events by status, with deliveries and the last error', async () => {
    const h = await signIn(t.app, 'admin1');
    const get = async (status: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/jobs/outbox?status=${status}`, headers: h });
      expect(res.statusCode).toBe(200);
      return res.json().items as { id: number; status: string; lastError: string | null; deliveries: { handler: string }[]; regionCode: string | null; payload: unknown }[];
    };
    const delivered = await get('delivered');
    expect(delivered.map((e) => e.id)).toEqual([ids.delivered]);
    expect(delivered[0]).toMatchObject({ status: 'delivered', regionCode: '320281', payload: { n: 1 } });
    expect(delivered[0].deliveries.map((d) => d.handler)).toEqual(['test.ok']);
    const failed = await get('failed');
    expect(failed.map((e) => e.id)).toEqual([ids.failed]);
    expect(failed[0].lastError).toContain('test.broken: no route to host');
    expect((await get('pending')).map((e) => e.id)).toEqual([ids.pending]);
  });

  it('pages with a cursor, newest first', async () => {
    const h = await signIn(t.app, 'admin1');
    const first = await t.app.inject({ method: 'GET', url: '/api/jobs/outbox?limit=2', headers: h });
    expect(first.json().items.map((e: { id: number }) => e.id)).toEqual([ids.pending, ids.failed]);
    const second = await t.app.inject({ method: 'GET', url: `/api/jobs/outbox?limit=2&cursor=${first.json().nextCursor}`, headers: h });
    expect(second.json().items.map((e: { id: number }) => e.id)).toEqual([ids.delivered]);
    expect(second.json().nextCursor).toBeNull();
  });

  it('refuses callers without jobs:read and rejects an unknown status', async () => {
    const clerk = await signIn(t.app, 'clerk1');
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs/outbox', headers: clerk })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs/outbox' })).statusCode).toBe(401);
    const admin = await signIn(t.app, 'admin1');
    const bad = await t.app.inject({ method: 'GET', url: '/api/jobs/outbox?status=lost', headers: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('status');
  });
});
