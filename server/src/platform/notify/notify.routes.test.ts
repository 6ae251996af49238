import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction, query, sql } from '../db/index.ts';
import { notify } from './notify.service.ts';

describeEachBackend('platform notices', (backend) => {
  let t: TestApp;
  let aliceId: number;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    t = await testApp(backend);
    aliceId = await createTestAccount(t, { username: 'alice' });
    await createTestAccount(t, { username: 'bob' });
    alice = await signIn(t.app, 'alice');
    bob = await signIn(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('writes notices only when the transaction commits', async () => {
    await expect(
      inTransaction(t.db(), async (tx) => {
        await notify(tx, { accountId: aliceId, kind: 'test.rolled_back', title: '不应出现' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await inTransaction(t.db(), (tx) =>
      notify(tx, [
        { accountId: aliceId, kind: 'application.accepted', title: '您的申请已受理', titleEn: 'Your application was accepted', link: '/my/applications/1', subjectType: 'application', subjectId: 1 },
        { accountId: aliceId, kind: 'application.decided', title: '您的申请已办结', body: '准予许可' },
        { accountId: 0, kind: 'x', title: 'system has no inbox' },
      ]),
    );
    const res = await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: alice });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.unread).toBe(2);
    expect(body.items.map((n: { kind: string }) => n.kind)).toEqual(['application.decided', 'application.accepted']);
    expect(body.items[1]).toMatchObject({ title: '您的申请已受理', link: '/my/applications/1', subjectType: 'application', subjectId: '1', readAt: null });
  });

  it('pages newest first and marks read, one or all; another account sees none of it', async () => {
    const page1 = (await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=1', headers: alice })).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await t.app.inject({ method: 'GET', url: `/api/me/notifications?limit=1&cursor=${page1.nextCursor}`, headers: alice })).json();
    expect(page2.items[0].kind).toBe('application.accepted');

    const id = page2.items[0].id;
    expect((await t.app.inject({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers: bob })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: bob })).json().items).toEqual([]);

    expect((await t.app.inject({ method: 'POST', url: `/api/me/notifications/${id}/read`, headers: alice })).json()).toEqual({ changed: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications?unread=true', headers: alice })).json().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/notifications/read-all', headers: alice })).json()).toEqual({ changed: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications', headers: alice })).json().unread).toBe(0);
    const audits = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action like 'notification.%'`);
    expect(audits[0].n).toBe(2);
  });

  it('rejects bad input with the field named, and anonymous callers', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/me/notifications?limit=500', headers: alice });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('limit');
    const cursor = await t.app.inject({ method: 'GET', url: '/api/me/notifications?cursor=garbage', headers: alice });
    expect(cursor.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401);
  });
});
