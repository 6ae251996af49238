import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { createRng, syntheticResidentId, syntheticUscc } from '../../platform/ids/index.ts';
import { insertOrg, insertPeople, loadRegions, regionCounts, setStaffing } from './index.ts';

const HUASHI = '320281107';
const ZHOUZHUANG = '320281108';

describeEachBackend('org API', (backend) => {
  let t: TestApp;
  const ids: Record<string, number> = {};
  const h: Record<string, Record<string, string>> = {};
  const rng = createRng('org-test');

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await loadRegions(db);
    ids.gov = await insertOrg(db, { code: 't.gov', name: '江阴市人民政府', shortName: '市政府', type: 'government', level: 'county', regionCode: '320281' });
    ids.spj = await insertOrg(db, { code: 't.spj', name: '江阴市行政审批局', type: 'approval_bureau', level: 'county', regionCode: '320281', parentId: ids.gov, sort: 1 });
    ids.hs = await insertOrg(db, { code: 't.hs', name: '江阴市华士镇人民政府', type: 'town_government', level: 'town', regionCode: HUASHI, parentId: ids.gov, sort: 10 });
    ids.hsSvc = await insertOrg(db, { code: 't.hs.svc', name: '江阴市华士镇便民服务中心', type: 'service_centre', level: 'town', regionCode: HUASHI, parentId: ids.hs, sort: 1 });
    ids.zz = await insertOrg(db, { code: 't.zz', name: '江阴市周庄镇人民政府', type: 'town_government', level: 'town', regionCode: ZHOUZHUANG, parentId: ids.gov, sort: 11 });
    ids.zzEnf = await insertOrg(db, { code: 't.zz.enf', name: '江阴市周庄镇综合行政执法局', type: 'enforcement_team', level: 'town', regionCode: ZHOUZHUANG, parentId: ids.zz, sort: 3 });
    await setStaffing(db, ids.hs, { quota: 120, actual: 112, leaderQuota: 9, leaderActual: 9, internalUnits: 8 });
    const person = (name: string, orgId: number, regionCode: string, post: string, birth: string) => ({
      name,
      residentId: syntheticResidentId(rng, '320281', birth, 'male'),
      orgId,
      regionCode,
      post,
      phone: '13951234567',
    });
    await insertPeople(db, [
      person('周建华', ids.hs, HUASHI, '镇长', '1975-04-02'),
      person('钱立新', ids.hsSvc, HUASHI, '中心主任', '1982-09-15'),
      person('孙国平', ids.zz, ZHOUZHUANG, '镇长', '1972-01-20'),
      person('李志强', ids.zzEnf, ZHOUZHUANG, '执法队员', '1990-06-30'),
    ]);
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'hsclerk', grants: [{ role: 'window_clerk', regionCode: HUASHI, orgId: null }] });
    await createTestAccount(t, { username: 'bianban', grants: [{ role: 'staffing_officer', regionCode: '320281', orgId: null }] });
    await createTestAccount(t, { username: 'hsbianban', grants: [{ role: 'staffing_officer', regionCode: HUASHI, orgId: null }] });
    await createTestAccount(t, { username: 'spjonly', grants: [{ role: 'approver', regionCode: '320281', orgId: ids.spj }] });
    for (const u of ['admin', 'hsclerk', 'bianban', 'hsbianban', 'spjonly']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });

  it('loads every region once, and a second load is a no-op', async () => {
    expect(await regionCounts(t.db())).toEqual({ province: 31, city: 342, county: 2975, town: 41351 });
    const again = await loadRegions(t.db());
    expect(again).toMatchObject({ loaded: false, rows: 44699 });
  });

  it('lists Jiangyin’s 21 towns, streets and zones, publicly, with cursor pagination', async () => {
    const all = await get('/api/regions?parent=320281&limit=500');
    expect(all.statusCode).toBe(200);
    const items = all.json().items as { code: string; name: string; townKind: string }[];
    expect(items).toHaveLength(21);
    expect(items.filter((r) => r.townKind === 'street').map((r) => r.name)).toEqual(['澄江街道', '南闸街道', '云亭街道', '申港街道', '利港街道', '夏港街道']);
    expect(items.filter((r) => r.townKind === 'town')).toHaveLength(10);
    expect(items.filter((r) => r.townKind === 'zone').map((r) => r.code)).toEqual(['320281400', '320281403', '320281404', '320281405', '320281406']);

    const first = await get('/api/regions?parent=320281&limit=10');
    const second = await get(`/api/regions?parent=320281&limit=10&cursor=${first.json().nextCursor}`);
    const third = await get(`/api/regions?parent=320281&limit=10&cursor=${second.json().nextCursor}`);
    expect([first, second, third].map((r) => r.json().items.length)).toEqual([10, 10, 1]);
    expect(third.json().nextCursor).toBeNull();

    const search = await get('/api/regions?q=%E5%8D%8E%E5%A3%AB&level=town');
    expect(search.json().items.map((r: { code: string }) => r.code)).toContain(HUASHI);
  });

  it('describes one region with its ancestors, accepting the 12-digit padded form', async () => {
    const res = await get('/api/regions/320281107000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: HUASHI, name: '华士镇', level: 'town', townKind: 'town', parentCode: '320281', childCount: 0 });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['江苏省', '无锡市', '江阴市']);
    const county = await get('/api/regions/320281');
    expect(county.json()).toMatchObject({ level: 'county', childCount: 21 });
    expect((await get('/api/regions/320281199')).statusCode).toBe(404);
    const bad = await get('/api/regions/abc');
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0]).toMatchObject({ field: 'code', in: 'params' });
  });

  it('returns the organisation tree, cut to the caller’s scope', async () => {
    expect((await get('/api/orgs/tree')).statusCode).toBe(401);
    const admin = await get('/api/orgs/tree', 'admin');
    expect(admin.statusCode).toBe(200);
    const roots = admin.json().items;
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ name: '江阴市人民政府', type: 'government' });
    expect(roots[0].children.map((c: { code: string }) => c.code)).toEqual(['t.spj', 't.hs', 't.zz']);
    expect(roots[0].children[1].children[0]).toMatchObject({ code: 't.hs.svc', children: [] });

    const clerk = await get('/api/orgs/tree', 'hsclerk');
    expect(clerk.json().items.map((n: { code: string }) => n.code)).toEqual(['t.hs']);
    expect(clerk.json().items[0].children.map((n: { code: string }) => n.code)).toEqual(['t.hs.svc']);

    const sub = await get(`/api/orgs/tree?root=${ids.zz}`, 'admin');
    expect(sub.json().items).toHaveLength(1);
    expect(sub.json().items[0].children[0].code).toBe('t.zz.enf');
    expect((await get(`/api/orgs/tree?root=${ids.zz}`, 'hsclerk')).statusCode).toBe(404);

    // an organisation-scoped grant sees its own organisation only
    const spj = await get('/api/orgs/tree', 'spjonly');
    expect(spj.json().items.map((n: { code: string }) => n.code)).toEqual(['t.spj']);
  });

  it('lists organisations with filters and cursor pagination', async () => {
    const byRegion = await get('/api/orgs?regionCode=320281108', 'admin');
    expect(byRegion.json().items.map((o: { code: string }) => o.code)).toEqual(['t.zz.enf', 't.zz']);
    const byType = await get('/api/orgs?type=town_government', 'admin');
    expect(byType.json().items).toHaveLength(2);
    const byParent = await get(`/api/orgs?parentId=${ids.gov}&q=%E5%8D%8E%E5%A3%AB`, 'admin');
    expect(byParent.json().items.map((o: { code: string }) => o.code)).toEqual(['t.hs']);
    const p1 = await get('/api/orgs?limit=4', 'admin');
    const p2 = await get(`/api/orgs?limit=4&cursor=${p1.json().nextCursor}`, 'admin');
    expect(p1.json().items).toHaveLength(4);
    expect(p2.json().items).toHaveLength(2);
    expect(p2.json().nextCursor).toBeNull();
    const seen = [...p1.json().items, ...p2.json().items].map((o: { id: number }) => o.id);
    expect(new Set(seen).size).toBe(6);
    const mine = await get('/api/orgs', 'hsclerk');
    expect(mine.json().items.map((o: { code: string }) => o.code).sort()).toEqual(['t.hs', 't.hs.svc']);
  });

  it('shows one organisation with parent, children, staffing and people count; other towns look missing', async () => {
    const res = await get(`/api/orgs/${ids.hs}`, 'hsclerk');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 't.hs',
      regionName: '华士镇',
      parent: null, // the county government is outside a town clerk's scope
      children: [{ code: 't.hs.svc' }],
      staffing: { quota: 120, actual: 112, vacancies: 8, overQuota: false, leaderQuota: 9, internalUnits: 8 },
      peopleCount: 1,
      peopleCountSubtree: 2,
      actions: { manage: false, editStaffing: false },
    });
    const admin = await get(`/api/orgs/${ids.hs}`, 'admin');
    expect(admin.json().parent).toMatchObject({ code: 't.gov' });
    expect(admin.json().actions).toEqual({ manage: true, editStaffing: true });
    const other = await get(`/api/orgs/${ids.zz}`, 'hsclerk');
    expect(other.statusCode).toBe(404);
    expect((await get('/api/orgs/999999', 'hsclerk')).statusCode).toBe(404);
  });

  it('keeps a town clerk out of another town’s people (404) and masks resident IDs', async () => {
    const other = await get(`/api/people?orgId=${ids.zz}`, 'hsclerk');
    expect(other.statusCode).toBe(404);
    expect(problem(other).code).toBe('org.ORG_NOT_FOUND');

    const own = await get(`/api/people?orgId=${ids.hs}&subtree=true`, 'hsclerk');
    expect(own.statusCode).toBe(200);
    const items = own.json().items as { name: string; residentId: string; residentIdMasked: boolean; phone: string }[];
    expect(items.map((p) => p.name)).toEqual(['周建华', '钱立新']);
    for (const p of items) {
      expect(p.residentIdMasked).toBe(true);
      expect(p.residentId).toMatch(/^320281\*{8}[0-9X]{4}$/);
      expect(p.phone).toBe('139****4567');
    }
    const everyone = await get('/api/people', 'hsclerk');
    expect(everyone.json().items.map((p: { name: string }) => p.name)).toEqual(['周建华', '钱立新']);
  });

  it('shows full resident IDs to org:manage holders and audits the read', async () => {
    const res = await get(`/api/people?orgId=${ids.zzEnf}`, 'bianban');
    expect(res.statusCode).toBe(200);
    const [p] = res.json().items;
    expect(p).toMatchObject({ name: '李志强', residentIdMasked: false, phone: '13951234567' });
    expect(p.residentId).toMatch(/^32028119900630\d{3}[0-9X]$/);
    const audit = await query<{ after: { personIds: number[] } }>(t.db(), sql`select after from audit_entries where action = 'org.people_read' and actor_name = 'bianban'`);
    expect(audit).toHaveLength(1);
    expect(audit[0].after.personIds).toEqual([p.id]);
  });

  it('updates staffing with optimistic locking: of two concurrent updates one wins, the other gets 409', async () => {
    const current = (await get(`/api/orgs/${ids.zz}`, 'bianban')).json().staffing;
    expect(current.version).toBe(1);
    const put = (quota: number, version: number, who = 'bianban') =>
      t.app.inject({
        method: 'PUT',
        url: `/api/orgs/${ids.zz}/staffing`,
        headers: h[who],
        payload: { version, quota, actual: 90, leaderQuota: 8, leaderActual: 7, internalUnits: 9 },
      });
    const [a, b] = await Promise.all([put(100, 1), put(101, 1)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(problem(loser).code).toBe('common.VERSION_CONFLICT');
    expect(loser.json().currentVersion).toBe(2);
    expect(winner.json()).toMatchObject({ version: 2, actual: 90, vacancies: winner.json().quota - 90, overQuota: false });

    const audit = await query<{ before: { quota: number; version: number }; after: { quota: number; version: number }; region_code: string }>(
      t.db(),
      sql`select before, after, region_code from audit_entries where action = 'org.staffing_updated' and entity_id = ${String(ids.zz)}`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { quota: 0, version: 1 }, after: { quota: winner.json().quota, version: 2 }, region_code: ZHOUZHUANG });

    const stale = await put(102, 1);
    expect(stale.statusCode).toBe(409);
    const next = await put(80, 2);
    expect(next.json()).toMatchObject({ version: 3, quota: 80, actual: 90, overQuota: true });
  });

  it('keeps staffing edits within scope and permission', async () => {
    const body = { version: 1, quota: 10, actual: 10, leaderQuota: 2, leaderActual: 2, internalUnits: 3 };
    const outOfScope = await t.app.inject({ method: 'PUT', url: `/api/orgs/${ids.zzEnf}/staffing`, headers: h.hsbianban, payload: body });
    expect(outOfScope.statusCode).toBe(404);
    const inScope = await t.app.inject({ method: 'PUT', url: `/api/orgs/${ids.hsSvc}/staffing`, headers: h.hsbianban, payload: body });
    expect(inScope.statusCode).toBe(200);
    const noPermission = await t.app.inject({ method: 'PUT', url: `/api/orgs/${ids.hsSvc}/staffing`, headers: h.hsclerk, payload: body });
    expect(noPermission.statusCode).toBe(403);
  });

  it('answers bad input with 400 naming the field', async () => {
    const limit = await get('/api/orgs?limit=0', 'admin');
    expect(limit.statusCode).toBe(400);
    expect(problem(limit).errors[0]).toMatchObject({ field: 'limit', in: 'query' });
    const cursor = await get('/api/orgs?cursor=bm9wZQ', 'admin');
    expect(problem(cursor).errors[0].field).toBe('cursor');
    const region = await get('/api/orgs?regionCode=12345', 'admin');
    expect(problem(region).errors[0].field).toBe('regionCode');

    const staffing = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: `/api/orgs/${ids.spj}/staffing`, headers: h.admin, payload });
    const negative = await staffing({ version: 1, quota: -1, actual: 0, leaderQuota: 0, leaderActual: 0, internalUnits: 0 });
    expect(negative.statusCode).toBe(400);
    expect(problem(negative).errors[0]).toMatchObject({ field: 'quota', in: 'body' });
    const missing = await staffing({ quota: 1, actual: 0, leaderQuota: 0, leaderActual: 0, internalUnits: 0 });
    expect(problem(missing).errors[0].field).toBe('version');
    const leaders = await staffing({ version: 1, quota: 5, actual: 5, leaderQuota: 6, leaderActual: 1, internalUnits: 1 });
    expect(leaders.statusCode).toBe(400);
    expect(problem(leaders)).toMatchObject({ code: 'org.STAFFING_INVALID', errors: [{ field: 'leaderQuota' }] });
  });

  it('creates organisations (org:manage), rejecting bad USCCs, unknown regions and duplicate codes', async () => {
    const post = (who: string, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/orgs', headers: h[who], payload });
    const base = { code: 't.hs.cmd', name: '江阴市华士镇综合指挥中心', type: 'command_centre', level: 'town', parentId: ids.hs, regionCode: HUASHI };
    const uscc = syntheticUscc(rng, '320281', { authority: '1', kind: '2' });
    const created = await post('hsbianban', { ...base, uscc });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 't.hs.cmd', path: [ids.gov, ids.hs, created.json().id], parent: { code: 't.hs' }, staffing: { quota: 0, version: 1 } });
    const audit = await query(t.db(), sql`select 1 from audit_entries where action = 'org.created' and entity_id = ${String(created.json().id)}`);
    expect(audit).toHaveLength(1);

    const dup = await post('admin', { ...base, name: '另一个指挥中心' });
    expect(dup.statusCode).toBe(409);
    expect(problem(dup).code).toBe('org.DUPLICATE_CODE');
    const badUscc = await post('admin', { ...base, code: 't.x1', uscc: uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0') });
    expect(badUscc.statusCode).toBe(400);
    expect(problem(badUscc).errors[0].field).toBe('uscc');
    const unknownRegion = await post('admin', { ...base, code: 't.x2', parentId: null, regionCode: '320281199' });
    expect(unknownRegion.statusCode).toBe(400);
    expect(problem(unknownRegion).errors[0].field).toBe('regionCode');
    const outside = await post('admin', { ...base, code: 't.x3', regionCode: ZHOUZHUANG });
    expect(problem(outside).errors[0].field).toBe('regionCode');
    const otherTown = await post('hsbianban', { ...base, code: 't.x4', parentId: ids.zz, regionCode: ZHOUZHUANG });
    expect(otherTown.statusCode).toBe(400);
    expect(problem(otherTown).errors[0].field).toBe('parentId');
    const clerk = await post('hsclerk', { ...base, code: 't.x5' });
    expect(clerk.statusCode).toBe(403);
  });
});
