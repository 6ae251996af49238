import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../db/index.ts';

describeEachBackend('auth API', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { LOGIN_MAX_FAILURES: '3' });
    await createTestAccount(t, { username: 'admin1', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'clerk1', grants: [{ role: 'window_clerk', regionCode: '320281', orgId: null }] });
    await createTestAccount(t, { username: 'victim' });
    await createTestAccount(t, { username: 'firm', kind: 'legal', uscc: '91350100M000100Y43', grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  });
  afterAll(() => t.close());

  it('signs in, sets an HTTP-only cookie and reports roles, scope and permissions', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk1', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tb_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `tb_session=${cookie?.value}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'clerk1', roles: [{ role: 'window_clerk', label: '窗口人员', regionCode: '320281' }] });
    expect(me.json().permissions).toContain('application:intake');
    expect(me.json().permissions).not.toContain('audit:verify');
  });

  it('lets a legal person sign in with the USCC', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '91350100m000100y43', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'firm', kind: 'legal' });
  });

  it('answers /api/me without a session with 401 problem+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(problem(res).code).toBe('common.UNAUTHENTICATED');
  });

  it('names the missing field on bad input, in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(zh.statusCode).toBe(400);
    expect(problem(zh).errors[0]).toMatchObject({ field: 'password', in: 'body' });
    expect(problem(zh).title).toBe('请求参数有误');
    const en = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' }, headers: { 'accept-language': 'en-GB' } });
    expect(problem(en).title).toBe('The request is invalid');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(badJson.statusCode).toBe(400);
    expect(problem(badJson).errors[0].field).toBe('body');
  });

  it('locks an account after repeated failures, and unknown users look the same as wrong passwords', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'x' } });
    expect(unknown.statusCode).toBe(401);
    expect(problem(unknown).code).toBe(problem(wrong).code);
    await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'y' } });
    const third = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: 'z' } });
    expect(third.statusCode).toBe(423);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'victim', password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(problem(right).code).toBe('auth.LOCKED');
    const audit = await query<{ action: string }>(t.db(), sql`select action from audit_entries where entity_type = 'account' and action like 'auth.lock%'`);
    expect(audit.length).toBe(1);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const h = await signIn(t.app, 'admin1');
    const without = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie: h.cookie }, payload: { name: 'x' } });
    expect(without.statusCode).toBe(403);
    expect(problem(without).code).toBe('common.CSRF');
    const withIt = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: h, payload: { name: 'sensor' } });
    expect(withIt.statusCode).toBe(201);
  });

  it('issues API tokens that authenticate without cookies and stop working when revoked', async () => {
    const h = await signIn(t.app, 'admin1');
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: h, payload: { name: 'open311 bridge', expiresInDays: 30 } });
    const { token, id } = created.json();
    expect(token).toMatch(/^tbk_/);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().username).toBe('admin1');
    // last use is recorded, refreshed at most once a minute (no write per request)
    const lastUsed = async () => (await query<{ at: string | null }>(t.db(), sql`select last_used_at::text as at from api_tokens where id = ${id}`))[0].at;
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(await lastUsed()).toBe(first);
    await t.db().execute(sql`update api_tokens set last_used_at = now() - interval '2 minutes' where id = ${id}`);
    const stale = await lastUsed();
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(await lastUsed()).not.toBe(stale);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: h });
    expect(del.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('forbids a route without its permission (403) and hides others\' tokens as not found (404)', async () => {
    const admin = await signIn(t.app, 'admin1');
    const created = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: admin, payload: { name: 'mine' } });
    const clerk = await signIn(t.app, 'clerk1');
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/auth/tokens', headers: clerk });
    expect(forbidden.statusCode).toBe(403);
    await t.db().execute(sql`insert into role_grants (account_id, role) select id, 'admin' from accounts where username = 'clerk1'`);
    const clerk2 = await signIn(t.app, 'clerk1');
    const other = await t.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${created.json().id}`, headers: clerk2 });
    expect(other.statusCode).toBe(404);
  });

  it('replays a retried write with the same Idempotency-Key and refuses a different body under it', async () => {
    const h = await signIn(t.app, 'admin1');
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { ...h, 'idempotency-key': 'k-1' }, payload: { name: 'once' } });
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { ...h, 'idempotency-key': 'k-1' }, payload: { name: 'once' } });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from api_tokens where name = 'once'`);
    expect(rows[0].n).toBe(1);
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { ...h, 'idempotency-key': 'k-1' }, payload: { name: 'different' } });
    expect(other.statusCode).toBe(400);
    expect(problem(other).code).toBe('common.IDEMPOTENCY_MISMATCH');
  });

  it('signs out and the cookie stops working', async () => {
    const h = await signIn(t.app, 'admin1');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: h })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: h })).statusCode).toBe(401);
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(problem(res).code).toBe('common.NOT_FOUND');
  });
});

describeEachBackend('applicant registration', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t.close());

  it('registers a natural person by resident ID, who can then sign in with it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { kind: 'person', name: '张三', residentId: '11010519491231002x', phone: '13912345678', password: 'Zhang@2026san' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: '11010519491231002X', kind: 'person' });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '11010519491231002X', password: 'Zhang@2026san' } });
    expect(login.json()).toMatchObject({ kind: 'person', displayName: '张三', roles: [{ role: 'applicant' }] });
    const cookie = login.cookies.find((c) => c.name === 'tb_session')?.value;
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `tb_session=${cookie}` } });
    expect(me.json()).toMatchObject({ residentIdMasked: '110105********002X', phoneMasked: '139****5678', usccMasked: null });
    // the audit log names applicants by account number, never by their ID number
    const names = await query<{ actor_name: string }>(t.db(), sql`select actor_name from audit_entries where action in ('auth.registered', 'auth.login')`);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n.actor_name).not.toContain('11010519491231002X');
    expect(names.map((n) => n.actor_name)).toContain(`自然人#${me.json().id}`);
  });

  it('names the field and the exact defect of a bad identifier, and writes nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { kind: 'legal', name: '江阴某某有限公司', uscc: '91350100M000100Y4Z', legalRepresentative: '李四', phone: '13912345678', password: 'Li@2026four' },
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res).errors[0].field).toBe('uscc');
    expect(problem(res).errors[0].message).toContain('第 18 位应为');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'accept-language': 'en' },
      payload: { kind: 'legal', name: '江阴某某有限公司', uscc: '91350100M000100Y4Z', legalRepresentative: '李四', phone: '13912345678', password: 'Li@2026four' },
    });
    expect(problem(en).errors[0].message).toMatch(/[A-Za-z]/);
    expect(problem(en).errors[0].message).not.toMatch(/[\u4e00-\u9fff]{3}/);
    const rows = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from accounts where kind = 'legal'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a weak password and a duplicate registration with the field named', async () => {
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { kind: 'legal', name: '江阴某某有限公司', uscc: '91350100M000100Y43', legalRepresentative: '李四', phone: '13912345678', password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(problem(weak).errors[0].field).toBe('password');
    const payload = { kind: 'legal', name: '江阴某某有限公司', uscc: '91350100M000100Y43', legalRepresentative: '李四', phone: '13912345678', password: 'Li@2026four' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload })).statusCode).toBe(201);
    const dup = await t.app.inject({ method: 'POST', url: '/api/auth/register', payload });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).errors[0].field).toBe('uscc');
  });
});
