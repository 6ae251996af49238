import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { query } from '../../platform/db/index.ts';
import { caseServiceOf } from '../cases/index.ts';
import { DEMO_DEFINITIONS } from './open311.seed.ts';
import { FORM_HEADERS, HS, form, insertOpen311Orgs, insertOpen311Regions, xmlBody, xmlRoot } from './open311.test-fixtures.ts';

type Req = Record<string, unknown>;

describeEachBackend('Open311 GeoReport v2', (backend) => {
  let t: TestApp;
  let o: { gov: number; cgj: number; zfj: number };
  const h: Record<string, Record<string, string>> = {};
  const key: Record<string, string> = {};
  const keyId: Record<string, number> = {};

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string | number | string[] | undefined>) => t.app.inject({ method: 'POST', url, headers: FORM_HEADERS, payload: form(fields) });
  const api = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const audits = (action: string) => query<{ actor_name: string; after: Req; entity_id: string }>(t.db(), sql`select actor_name, after, entity_id from audit_entries where action = ${action} order by id`);
  const garbage = (extra: Record<string, string | string[] | undefined> = {}) => ({
    api_key: key.app,
    service_code: 'E0101',
    lat: '31.8013',
    long: '120.4521',
    address_string: '华士镇龙河路与华西路口',
    description: '路口有一堆生活垃圾',
    'attribute[amount]': 'medium',
    'attribute[waste_kinds][]': ['household', 'bulky'],
    ...extra,
  });
  const caseOf = async (srid: string) => (await caseServiceOf(t.ctx).findByNo(srid))!;
  const dispatchTo = async (srid: string, orgId: number) => {
    const c = await caseOf(srid);
    const cases = caseServiceOf(t.ctx);
    const filed = await cases.act({ actor: SYSTEM_ACTOR }, Number(c.id), 'file', { version: c.version });
    await cases.act({ actor: SYSTEM_ACTOR }, Number(c.id), 'dispatch', { version: filed.version as number, orgId });
  };

  beforeAll(async () => {
    t = await testApp(backend);
    await insertOpen311Regions(t.db());
    o = await insertOpen311Orgs(t.db());
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'clerk', grants: [{ role: 'window_clerk', regionCode: '320281', orgId: null }] });
    for (const u of ['admin', 'clerk']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  describe('administration: keys and service definitions (/api/open311)', () => {
    it('creates keys shown once, audited; refuses bad input, outsiders and anonymous callers', async () => {
      const app = await api('POST', '/api/open311/keys', 'admin', { name: '市民随手拍', permissions: ['submit'] });
      expect(app.statusCode).toBe(201);
      expect(app.json()).toMatchObject({ name: '市民随手拍', permissions: ['submit'], regionCode: '320281', active: true, orgId: null });
      expect(app.json().key).toMatch(/^o311_[\w-]{43}$/);
      key.app = app.json().key;
      keyId.app = app.json().id;
      for (const [name, orgId] of [['cgj', o.cgj], ['zfj', o.zfj]] as const) {
        const r = await api('POST', '/api/open311/keys', 'admin', { name: `${name} 业务系统`, orgId, permissions: ['update'] });
        expect(r.statusCode).toBe(201);
        key[name] = r.json().key;
        keyId[name] = r.json().id;
      }
      const noOrg = await api('POST', '/api/open311/keys', 'admin', { name: '部门系统', permissions: ['update'] });
      expect(noOrg.statusCode).toBe(400);
      expect(problem(noOrg).errors.map((e) => e.field)).toEqual(['orgId']);
      const badOrg = await api('POST', '/api/open311/keys', 'admin', { name: '部门系统', orgId: 999999, permissions: ['update'] });
      expect(problem(badOrg).errors.map((e) => e.field)).toEqual(['orgId']);
      expect((await api('POST', '/api/open311/keys', 'admin', { name: 'x', permissions: ['delete'] })).statusCode).toBe(400);
      expect((await api('POST', '/api/open311/keys', 'clerk', { name: '越权', permissions: ['submit'] })).statusCode).toBe(403);
      expect((await api('POST', '/api/open311/keys', undefined, { name: '匿名', permissions: ['submit'] })).statusCode).toBe(401);

      const list = await api('GET', '/api/open311/keys', 'admin');
      expect(list.json().items).toHaveLength(3);
      expect(JSON.stringify(list.json())).not.toContain(key.app);
      const created = await audits('open311.key_created');
      expect(created).toHaveLength(3);
      expect(JSON.stringify(created)).not.toContain(key.app);
    });

    it('revokes a key once (audited); unknown 404, again 409', async () => {
      const spare = await api('POST', '/api/open311/keys', 'admin', { name: '临时', permissions: ['submit'] });
      key.spare = spare.json().key;
      const r = await api('POST', `/api/open311/keys/${spare.json().id}/revoke`, 'admin');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ active: false });
      expect((await api('POST', `/api/open311/keys/${spare.json().id}/revoke`, 'admin')).statusCode).toBe(409);
      expect((await api('POST', '/api/open311/keys/999999/revoke', 'admin')).statusCode).toBe(404);
      expect(await audits('open311.key_revoked')).toHaveLength(1);
    });

    it('defines service attributes with optimistic locking (audited); invalid 400, stale 409, unknown service 404', async () => {
      const first = await api('PUT', '/api/open311/services/E0101', 'admin', { attributes: DEMO_DEFINITIONS.E0101, version: 0 });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ serviceCode: 'E0101', version: 1 });
      expect((await api('PUT', '/api/open311/services/E0101', 'admin', { attributes: DEMO_DEFINITIONS.E0101, version: 0 })).statusCode).toBe(409);
      const dup = await api('PUT', '/api/open311/services/E0101', 'admin', { attributes: [DEMO_DEFINITIONS.E0101[1], DEMO_DEFINITIONS.E0101[1]], version: 1 });
      expect(dup.statusCode).toBe(400);
      expect(problem(dup).errors.map((e) => e.field)).toEqual(['attributes.1.code']);
      const badType = await api('PUT', '/api/open311/services/E0101', 'admin', { attributes: [{ ...DEMO_DEFINITIONS.E0101[1], datatype: 'boolean' }], version: 1 });
      expect(badType.statusCode).toBe(400);
      expect((await api('PUT', '/api/open311/services/NOPE', 'admin', { attributes: [], version: 0 })).statusCode).toBe(404);
      expect((await api('PUT', '/api/open311/services/E0101', 'clerk', { attributes: [], version: 1 })).statusCode).toBe(403);
      expect((await api('PUT', '/api/open311/services/E0503', 'admin', { attributes: DEMO_DEFINITIONS.E0503, version: 0 })).statusCode).toBe(200);
      expect((await api('GET', '/api/open311/services/E0101', 'admin')).json()).toMatchObject({ version: 1, attributes: DEMO_DEFINITIONS.E0101 });
      expect(await audits('open311.service_defined')).toHaveLength(2);
    });
  });

  describe('discovery and services', () => {
    it('serves discovery in JSON and XML', async () => {
      const j = await get('/open311/discovery.json');
      expect(j.statusCode).toBe(200);
      expect(j.headers['content-type']).toContain('application/json');
      expect(j.json().endpoints).toEqual([
        { specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', changeset: expect.any(String), type: 'production', formats: ['text/xml', 'application/json'] },
      ]);
      expect(j.json().key_service).toContain('api_key');
      const x = await get('/open311/discovery.xml');
      expect(xmlRoot(x)).toBe('discovery');
      const d = xmlBody(x) as { endpoints: { formats: string[]; specification: string }[]; contact: string };
      expect(d.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
      expect(d.contact).toContain('12345');
    });

    it('lists the located case categories as services, JSON and XML alike', async () => {
      const j = await get('/open311/v2/services.json');
      expect(j.statusCode).toBe(200);
      const services = j.json() as { service_code: string; metadata: boolean; group: string; type: string; service_name: string }[];
      const by = Object.fromEntries(services.map((s) => [s.service_code, s]));
      expect(by.E0101).toMatchObject({ service_name: '暴露垃圾', group: '市容环境', metadata: true, type: 'realtime' });
      expect(by.A0101).toMatchObject({ service_name: '井盖缺失', metadata: false });
      expect(by.H01).toBeUndefined();
      const x = await get('/open311/v2/services.xml?jurisdiction_id=jiangyin.gov.cn');
      expect(x.statusCode).toBe(200);
      expect(xmlRoot(x)).toBe('services');
      const xs = xmlBody(x) as Record<string, string>[];
      expect(xs).toHaveLength(services.length);
      expect(xs.find((s) => s.service_code === 'E0101')).toMatchObject({ service_name: '暴露垃圾', metadata: 'true', group: '市容环境' });
    });

    it('gives a service definition with attributes; unknown code and jurisdiction in the spec error format', async () => {
      const j = await get('/open311/v2/services/E0101.json');
      expect(j.statusCode).toBe(200);
      expect(j.json().service_code).toBe('E0101');
      expect(j.json().attributes.map((a: { code: string }) => a.code)).toEqual(['photo_hint', 'amount', 'waste_kinds']);
      expect(j.json().attributes[1]).toEqual({
        variable: true,
        code: 'amount',
        datatype: 'singlevaluelist',
        required: true,
        datatype_description: null,
        order: 2,
        description: '垃圾数量 (Amount)',
        values: [
          { key: 'small', name: '少量（1 立方米以下）' },
          { key: 'medium', name: '较多（1–5 立方米）' },
          { key: 'large', name: '大量（5 立方米以上）' },
        ],
      });
      const x = xmlBody(await get('/open311/v2/services/E0101.xml')) as { attributes: { code: string; values: unknown }[] };
      expect(x.attributes[2]).toMatchObject({ code: 'waste_kinds', datatype: 'multivaluelist', required: 'false' });
      expect((x.attributes[2].values as unknown[]).length).toBe(4);
      expect((await get('/open311/v2/services/A0101.json')).json()).toEqual({ service_code: 'A0101', attributes: [] });

      const nf = await get('/open311/v2/services/NOPE.json');
      expect(nf.statusCode).toBe(404);
      expect(nf.json()).toEqual([{ code: 404, description: expect.stringContaining('service_code not found: NOPE') }]);
      const nfx = await get('/open311/v2/services/NOPE.xml');
      expect(nfx.statusCode).toBe(404);
      expect(xmlRoot(nfx)).toBe('errors');
      expect(xmlBody(nfx)).toEqual([{ code: '404', description: expect.stringContaining('service_code') }]);
      const jur = await get('/open311/v2/services.json?jurisdiction_id=wuxi.gov.cn');
      expect(jur.statusCode).toBe(404);
      expect(jur.json()[0].description).toContain('jurisdiction_id not found: wuxi.gov.cn');
      const ext = await get('/open311/v2/services/E0101.csv');
      expect(ext.statusCode).toBe(404);
      expect(xmlRoot(ext)).toBe('errors');
      expect((await get('/open311/v2/nothing.json')).json()[0].code).toBe(404);
    });
  });

  describe('POST requests', () => {
    it('refuses a missing, unknown, revoked or update-only api_key with 403', async () => {
      const none = await post('/open311/v2/requests.json', garbage({ api_key: undefined }));
      expect(none.statusCode).toBe(403);
      expect(none.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key is required') }]);
      const wrong = await post('/open311/v2/requests.xml', garbage({ api_key: 'not-a-key' }));
      expect(wrong.statusCode).toBe(403);
      expect(xmlBody(wrong)).toEqual([{ code: '403', description: expect.stringContaining('Invalid api_key') }]);
      expect((await post('/open311/v2/requests.json', garbage({ api_key: key.spare }))).statusCode).toBe(403);
      expect((await post('/open311/v2/requests.json', garbage({ api_key: key.cgj }))).json()[0].description).toContain('may not submit');
      const jur = await post('/open311/v2/requests.json', garbage({ jurisdiction_id: 'wuxi.gov.cn' }));
      expect(jur.statusCode).toBe(404);
    });

    it('names each missing or invalid field and attribute with 400, writing nothing', async () => {
      const before = (await query<{ n: number }>(t.db(), sql`select count(*)::int as n from cases`))[0].n;
      const missing = await post('/open311/v2/requests.json', garbage({ 'attribute[amount]': undefined }));
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toEqual([{ code: 400, description: expect.stringContaining('Required attribute missing: attribute[amount]') }]);
      const many = await post('/open311/v2/requests.xml', garbage({ lat: undefined, long: undefined, address_string: undefined, 'attribute[waste_kinds][]': ['household', 'glass'], email: 'nope' }));
      expect(many.statusCode).toBe(400);
      const descs = (xmlBody(many) as { description: string }[]).map((e) => e.description);
      expect(descs).toHaveLength(3);
      expect(descs.join('\n')).toMatch(/A location is required[\s\S]*attribute\[waste_kinds\]: glass[\s\S]*email/);
      const noCode = await post('/open311/v2/requests.json', garbage({ service_code: undefined }));
      expect(noCode.statusCode).toBe(400);
      expect(noCode.json()[0].description).toContain('service_code is required');
      expect((await post('/open311/v2/requests.json', garbage({ service_code: 'NOPE' }))).statusCode).toBe(404);
      expect((await query<{ n: number }>(t.db(), sql`select count(*)::int as n from cases`))[0].n).toBe(before);
    });

    it('creates a case with source open311 through the cases intake, multivaluelist values kept', async () => {
      const res = await post('/open311/v2/requests.json', garbage({ account_id: 'app-user-7', first_name: '明', last_name: '王', phone: '13912345678', media_url: 'https://example.org/p/1.jpg' }));
      expect(res.statusCode).toBe(200);
      const [r] = res.json();
      expect(r).toEqual({ service_request_id: expect.any(String), service_notice: expect.stringContaining('awaiting dispatch'), account_id: 'app-user-7', token: expect.any(String) });
      const c = await caseOf(r.service_request_id);
      expect(c).toMatchObject({ source: 'open311', category_code: 'E0101', state: 'reported', requester_kind: 'machine', requester_name: '王明', lat: 31.8013, lng: 120.4521 });
      expect(c.description).toContain('路口有一堆生活垃圾');
      expect(c.description).toContain('垃圾种类 (Kinds of waste)：生活垃圾、大件垃圾');
      const [audit] = await audits('open311.request_submitted');
      expect(audit.after).toMatchObject({ serviceRequestId: r.service_request_id, keyId: keyId.app, attributes: { amount: 'medium', waste_kinds: ['household', 'bulky'] } });
      expect(audit.actor_name).toBe(`open311:市民随手拍#${keyId.app}`);
      const reported = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'case.reported' and entity_id = ${String(c.id)}`);
      expect(reported[0].n).toBe(1);

      // XML answer; a service without attributes; one attribute value through attribute[code][] with a single entry
      const x = await post('/open311/v2/requests.xml', { api_key: key.app, service_code: 'A0101', address_string: '澄江街道人民中路 1 号' });
      expect(x.statusCode).toBe(200);
      expect(xmlRoot(x)).toBe('service_requests');
      const [xr] = xmlBody(x) as { service_request_id: string; token: string; account_id: null }[];
      expect(xr.account_id).toBeNull();
      expect((await caseOf(xr.service_request_id)).region_code).toBe('320281');
    });
    it('answers a retry with the same Idempotency-Key with the first request', async () => {
      const send = (k: string) => t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { ...FORM_HEADERS, 'idempotency-key': k }, payload: form(garbage({ description: '重试的上报' })) });
      const a = await send('retry-1');
      const b = await send('retry-1');
      expect(a.statusCode).toBe(200);
      expect(b.json()).toEqual(a.json());
      const n = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from cases where description like '重试的上报%'`);
      expect(n[0].n).toBe(1);
      expect((await audits('open311.request_submitted')).filter((x) => x.after.serviceRequestId === a.json()[0].service_request_id)).toHaveLength(1);
      expect((await send('x'.repeat(201))).statusCode).toBe(400);
    });
  });

  describe('GET requests and tokens', () => {
    let first: { service_request_id: string; token: string };
    beforeAll(async () => {
      [first] = (await post('/open311/v2/requests.json', garbage({ media_url: 'https://example.org/p/2.jpg' }))).json();
    });

    it('shows one request in JSON and XML; an unknown id is 404', async () => {
      const j = await get(`/open311/v2/requests/${first.service_request_id}.json`);
      expect(j.statusCode).toBe(200);
      const [r] = j.json();
      expect(r).toMatchObject({
        service_request_id: first.service_request_id,
        status: 'open',
        status_notes: '已上报 (Reported)',
        service_name: '暴露垃圾',
        service_code: 'E0101',
        agency_responsible: null,
        expected_datetime: null,
        address: '华士镇龙河路与华西路口',
        lat: 31.8013,
        long: 120.4521,
        media_url: 'https://example.org/p/2.jpg',
      });
      expect(r.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      const x = xmlBody(await get(`/open311/v2/requests/${first.service_request_id}.xml`)) as Req[];
      expect(x[0]).toMatchObject({ service_request_id: first.service_request_id, status: 'open', lat: '31.8013', media_url: 'https://example.org/p/2.jpg', zipcode: null });
      const nf = await get('/open311/v2/requests/NOPE-1.json');
      expect(nf.statusCode).toBe(404);
      expect(nf.json()[0].description).toContain('service_request_id not found: NOPE-1');
    });

    it('resolves a token to its request; unknown token 404', async () => {
      const j = await get(`/open311/v2/tokens/${first.token}.json`);
      expect(j.json()).toEqual([{ service_request_id: first.service_request_id, token: first.token }]);
      expect(xmlBody(await get(`/open311/v2/tokens/${first.token}.xml`))).toEqual([{ service_request_id: first.service_request_id, token: first.token }]);
      expect((await get('/open311/v2/tokens/nothing.json')).statusCode).toBe(404);
    });

    it('filters by service_code, status and dates, with the 90-day default window', async () => {
      // a case reported 100 days ago (back-dated intake) is outside the default window
      const old = await caseServiceOf(t.ctx).intake(
        { source: 'open311', categoryCode: 'E0503', description: '人行道上长期违停', townRegionCode: HS, at: new Date(Date.now() - 100 * 86_400_000).toISOString() },
        { actor: SYSTEM_ACTOR },
      );
      const all = (await get('/open311/v2/requests.json')).json() as { service_request_id: string; service_code: string; status: string }[];
      expect(all.length).toBe(4);
      expect(all.map((r) => r.service_request_id)).not.toContain(old.caseNo);
      expect(all.every((r) => r.status === 'open')).toBe(true);
      const codes = (await get('/open311/v2/requests.json?service_code=A0101')).json();
      expect(codes.map((r: { service_code: string }) => r.service_code)).toEqual(['A0101']);
      expect((await get('/open311/v2/requests.json?service_code=A0101,E0101')).json()).toHaveLength(4);
      expect((await get('/open311/v2/requests.json?status=closed')).json()).toEqual([]);
      expect((await get('/open311/v2/requests.json?status=open')).json()).toHaveLength(4);
      const start = new Date(Date.now() - 101 * 86_400_000).toISOString();
      const withOld = (await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(start)}`)).json();
      expect(withOld.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([old.caseNo]);
      const both = (await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(start)}&end_date=${encodeURIComponent(new Date().toISOString())}`)).json();
      expect(both).toHaveLength(5);
      const future = await get('/open311/v2/requests.xml?start_date=2099-01-01');
      expect(xmlBody(future)).toBeNull();
      expect(xmlRoot(future)).toBe('service_requests');
      const ids = (await get(`/open311/v2/requests.json?service_request_id=${old.caseNo},${first.service_request_id}&service_code=A0101`)).json();
      expect(ids).toHaveLength(2);
      const bad = await get('/open311/v2/requests.json?status=pending&end_date=tomorrow');
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toHaveLength(2);
    });

    it('never shows 12345 calls (not Open311 services), by id, by filter or to a department update', async () => {
      const call = await caseServiceOf(t.ctx).intake(
        { source: 'hotline', categoryCode: 'H03', hotlineKind: 'complaint', description: '投诉某单位，来电人王某 13912345678', townRegionCode: HS, requester: { phone: '13912345678' } },
        { actor: SYSTEM_ACTOR },
      );
      expect((await get(`/open311/v2/requests/${call.caseNo}.json`)).statusCode).toBe(404);
      expect((await get('/open311/v2/requests.json?service_code=H03')).json()).toEqual([]);
      expect((await get(`/open311/v2/requests.json?service_request_id=${call.caseNo}`)).json()).toEqual([]);
      expect((await get('/open311/v2/requests.json')).json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(call.caseNo);
      expect((await post('/open311/v2/servicerequestupdates.json', { api_key: key.cgj, service_request_id: call.caseNo, status: 'open' })).statusCode).toBe(404);
    });
  });

  describe('status both ways: department systems and the case workflow', () => {
    let srid: string;
    beforeAll(async () => {
      [{ service_request_id: srid }] = (await post('/open311/v2/requests.json', garbage())).json();
      await dispatchTo(srid, o.cgj);
    });

    it('shows the lead unit and the SLA due time once dispatched', async () => {
      const [r] = (await get(`/open311/v2/requests/${srid}.json`)).json();
      expect(r.agency_responsible).toBe('江阴市城市管理局');
      expect(r.expected_datetime).toMatch(/\+08:00$/);
      expect(new Date(r.expected_datetime).toISOString()).toBe(new Date((await caseOf(srid)).due_at!).toISOString());
      expect(r.service_notice).toContain('江阴市城市管理局');
    });

    it('refuses updates from a key of another department (403), without the update permission (403), or bad ones (400/404)', async () => {
      const other = await post('/open311/v2/servicerequestupdates.json', { api_key: key.zfj, service_request_id: srid, status: 'closed', description: '已清理' });
      expect(other.statusCode).toBe(403);
      expect(other.json()[0].description).toContain('not the lead unit');
      const submitOnly = await post('/open311/v2/servicerequestupdates.xml', { api_key: key.app, service_request_id: srid, status: 'closed', description: '已清理' });
      expect(submitOnly.statusCode).toBe(403);
      expect(xmlRoot(submitOnly)).toBe('errors');
      const bad = await post('/open311/v2/servicerequestupdates.json', { api_key: key.cgj, service_request_id: srid, status: 'done', updated_datetime: 'later' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().map((e: { description: string }) => e.description).join()).toMatch(/status must be open or closed[\s\S]*updated_datetime/);
      const noNote = await post('/open311/v2/servicerequestupdates.json', { api_key: key.cgj, service_request_id: srid, status: 'closed' });
      expect(noNote.json()[0].description).toContain('description (the result) is required');
      expect((await post('/open311/v2/servicerequestupdates.json', { api_key: key.cgj, service_request_id: 'NOPE-2', status: 'open' })).statusCode).toBe(404);
      expect((await caseOf(srid)).state).toBe('dispatched');
    });

    it('a department system closes its work: the case is signed and fed back through the workflow', async () => {
      const at = new Date(Date.now() - 60_000).toISOString();
      const res = await post('/open311/v2/servicerequestupdates.json', { api_key: key.cgj, service_request_id: srid, status: 'closed', description: '垃圾已清运，现场已冲洗', updated_datetime: at, media_url: 'https://cgj.example/after.jpg' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual([
        { update_id: expect.any(String), service_request_id: srid, status: 'open', updated_datetime: expect.stringMatching(/\+08:00$/), description: '垃圾已清运，现场已冲洗', media_url: 'https://cgj.example/after.jpg' },
      ]);
      const c = await caseOf(srid);
      expect(c.state).toBe('handled');
      expect(c.handled_at).not.toBeNull();
      const history = await query<{ action: string; actor_name: string }>(t.db(), sql`select action, actor_name from workflow_history where workflow = 'case' and subject_id = ${String(c.id)} order by id`);
      expect(history.map((x) => x.action)).toEqual(['file', 'dispatch', 'sign', 'feedback']);
      const [audit] = await audits('open311.update_received');
      expect(audit.after).toMatchObject({ state: 'handled', reported: 'closed', keyId: keyId.cgj });
      const [r] = (await get(`/open311/v2/requests/${srid}.json`)).json();
      expect(r).toMatchObject({ status: 'open', status_notes: '垃圾已清运，现场已冲洗' });

      // the command centre verifies on site: the case is closed and Open311 says so
      await caseServiceOf(t.ctx).act({ actor: SYSTEM_ACTOR }, Number(c.id), 'verify', { version: c.version, passed: true });
      const [closed] = (await get(`/open311/v2/requests/${srid}.json`)).json();
      expect(closed.status).toBe('closed');
      expect((await get('/open311/v2/requests.json?status=closed')).json().map((x: { service_request_id: string }) => x.service_request_id)).toEqual([srid]);
    });

    it('lists status changes for polling: department updates and case workflow events', async () => {
      await t.ctx.jobs.drainOutbox();
      await t.ctx.jobs.drainOutbox(); // a second pass finds nothing new (idempotent)
      const j = await get(`/open311/v2/servicerequestupdates.json?service_request_id=${srid}`);
      expect(j.statusCode).toBe(200);
      const updates = j.json() as { status: string; description: string; service_request_id: string }[];
      expect(updates.every((u) => u.service_request_id === srid)).toBe(true);
      const texts = updates.map((u) => u.description);
      expect(texts).toContain('垃圾已清运，现场已冲洗');
      expect(texts.some((d) => d.includes('江阴市城市管理局'))).toBe(true);
      expect(new Set(texts).size).toBe(texts.length);
      const x = await get(`/open311/v2/servicerequestupdates.xml?start_date=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`);
      expect(xmlRoot(x)).toBe('service_request_updates');
      expect((xmlBody(x) as unknown[]).length).toBeGreaterThanOrEqual(updates.length);
      expect((await get('/open311/v2/servicerequestupdates.json?start_date=soon')).statusCode).toBe(400);

      // status_notes: the department's result stays after closure; a workflow note only while its state holds
      expect((await get(`/open311/v2/requests/${srid}.json`)).json()[0]).toMatchObject({ status: 'closed', status_notes: '垃圾已清运，现场已冲洗' });
      const [{ service_request_id: next }] = (await post('/open311/v2/requests.json', garbage())).json();
      await dispatchTo(next, o.cgj);
      await t.ctx.jobs.drainOutbox();
      expect((await get(`/open311/v2/requests/${next}.json`)).json()[0].status_notes).toBe('已派遣：江阴市城市管理局 (Dispatched: 江阴市城市管理局)');
      const c = await caseOf(next);
      await caseServiceOf(t.ctx).act({ actor: SYSTEM_ACTOR }, Number(c.id), 'sign', { version: c.version });
      expect((await get(`/open311/v2/requests/${next}.json`)).json()[0].status_notes).toBe('处置中 (Being handled)');
    });
  });
});

describeEachBackend('Open311 request cap', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.OPEN311_MAX_REQUESTS = '2';
    try {
      t = await testApp(backend);
    } finally {
      delete process.env.OPEN311_MAX_REQUESTS;
    }
    await insertOpen311Regions(t.db());
  });
  afterAll(() => t.close());

  it('returns at most the configured number of requests, newest first', async () => {
    const nos: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await caseServiceOf(t.ctx).intake(
        { source: 'open311', categoryCode: 'E0101', description: `第 ${i + 1} 处垃圾`, townRegionCode: HS, at: new Date(Date.now() - (3 - i) * 60_000).toISOString() },
        { actor: SYSTEM_ACTOR },
      );
      nos.push(r.caseNo);
    }
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' });
    expect(res.json().map((r: { service_request_id: string }) => r.service_request_id)).toEqual([nos[2], nos[1]]);
  });
});
