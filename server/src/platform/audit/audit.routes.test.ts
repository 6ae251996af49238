import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction } from '../db/index.ts';
import { recordAudit } from './index.ts';

describeEachBackend('audit API', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
    await createTestAccount(t, { username: 'admin1', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'leader1', grants: [{ role: 'leader', regionCode: '320281', orgId: null }] });
    await createTestAccount(t, { username: 'clerk1', grants: [{ role: 'window_clerk', regionCode: '320281', orgId: null }] });
    const who = { actor: { id: 1, username: 'admin1' } };
    await inTransaction(t.db(), async (tx) => {
      await recordAudit(tx, who, { action: 'update', entityType: 'org', entityId: 1, regionCode: '320281001000' });
      await recordAudit(tx, who, { action: 'update', entityType: 'org', entityId: 2, regionCode: '320282000000' });
    });
  });
  afterAll(() => t.close());

  it('shows a leader only the entries of its region subtree', async () => {
    const h = await signIn(t.app, 'leader1');
    const res = await t.app.inject({ method: 'GET', url: '/api/audit?entityType=org', headers: h });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { entity_id: string }) => e.entity_id)).toEqual(['1']);
  });

  it('pages with a cursor', async () => {
    const h = await signIn(t.app, 'admin1');
    const first = await t.app.inject({ method: 'GET', url: '/api/audit?entityType=org&limit=1', headers: h });
    expect(first.json().items).toHaveLength(1);
    const second = await t.app.inject({ method: 'GET', url: `/api/audit?entityType=org&limit=1&cursor=${first.json().nextCursor}`, headers: h });
    expect(second.json().items[0].entity_id).toBe('1');
    expect(second.json().nextCursor).toBeNull();
    const bad = await t.app.inject({ method: 'GET', url: '/api/audit?cursor=%%%', headers: h });
    expect(bad.statusCode).toBe(400);
  });

  it('verifies the chain for an admin and refuses a clerk', async () => {
    const admin = await signIn(t.app, 'admin1');
    const res = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: admin });
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().entries).toBeGreaterThanOrEqual(2);
    const clerk = await signIn(t.app, 'clerk1');
    expect((await t.app.inject({ method: 'GET', url: '/api/audit', headers: clerk })).statusCode).toBe(403);
  });
});
