import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { query } from '../../platform/db/index.ts';
import { loadRegions } from '../org/index.ts';
import { rectangle } from './geometry.rules.ts';
import { GridService, REVALIDATE_MS, seedGridsDemo, type GeoJsonFeature } from './index.ts';

const HUASHI = '320281107';
const ZHOUZHUANG = '320281108';
const IN_HUASHI = { lng: 120.52, lat: 31.82 };

describeEachBackend('grids API', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  let workerId = 0;

  const get = (url: string, who: keyof typeof h | null = 'admin') => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });
  const send = (method: 'POST' | 'PUT', url: string, payload: unknown, who: keyof typeof h = 'admin') => t.app.inject({ method, url, payload: payload as object, headers: h[who] });
  const count = async (table: string) => (await query<{ n: number }>(t.db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await loadRegions(db);
    workerId = await createTestAccount(t, { username: 'gw', displayName: '周晓东', grants: [{ role: 'grid_worker', regionCode: HUASHI, orgId: null }] });
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'zzofficer', grants: [{ role: 'staffing_officer', regionCode: ZHOUZHUANG, orgId: null }] });
    await createTestAccount(t, { username: 'citizen', grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    const seeded = await seedGridsDemo(t.ctx);
    expect(seeded.counts).toMatchObject({ level1: 17, level2: 271, level3: 1557, gridStaff: (17 + 271 + 1557) * 6 });
    for (const u of ['gw', 'admin', 'zzofficer', 'citizen']) h[u] = await signIn(t.app, u);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('seeds once, with a head and five roles per grid and the town’s grid worker on its grids', async () => {
    expect((await seedGridsDemo(t.ctx)).seeded).toBe(false);
    expect(await count('grids')).toBe(1845);
    const [row] = await query<{ n: number; other: number }>(
      t.db(),
      sql`select count(*) filter (where g.town_region_code = ${HUASHI})::int as n, count(*) filter (where g.town_region_code <> ${HUASHI})::int as other
            from grid_staff s join grids g on g.id = s.grid_id where s.role = 'grid_worker' and s.account_id = ${workerId}`,
    );
    expect(row.n).toBeGreaterThan(50);
    expect(row.other).toBe(0);
    const own = await GridService.of(t.ctx).gridsOfAccount(workerId, 'grid_worker');
    expect(own).toHaveLength(row.n);
    expect(own.every((g) => g.townRegionCode === HUASHI)).toBe(true);
    expect(await GridService.of(t.ctx).gridsOfAccount(workerId, 'head')).toEqual([]);
    const [hh] = await query<{ min: number; max: number }>(t.db(), sql`select min(households)::int as min, max(households)::int as max from grids where level = 3`);
    expect(hh.min).toBeGreaterThanOrEqual(200);
    expect(hh.max).toBeLessThanOrEqual(300);
  });

  it('locates a point in 华士镇 to a 华士镇 grid with its path', async () => {
    const res = await get(`/api/grids/locate?lng=${IN_HUASHI.lng}&lat=${IN_HUASHI.lat}`, 'gw');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ level: 3, townRegionCode: HUASHI });
    expect(body.code).toMatch(/^320281107\d{6}$/);
    expect(body.path.map((p: { level: number }) => p.level)).toEqual([1, 2, 3]);
    expect(body.path[0]).toMatchObject({ code: HUASHI, name: '华士镇网格' });
    expect(body.path[2].id).toBe(body.gridId);
    // the same through the service, and many at once
    const svc = GridService.of(t.ctx);
    expect((await svc.locate(IN_HUASHI.lng, IN_HUASHI.lat))?.gridId).toBe(body.gridId);
    const many = await send('POST', '/api/grids/locate', { points: [IN_HUASHI, { lng: 121.5, lat: 31.2 }] }, 'gw');
    expect(many.statusCode).toBe(200);
    expect(many.json().results[0].gridId).toBe(body.gridId);
    expect(many.json().results[1]).toBeNull();
  });

  it('answers 404 outside the county and 400 naming the field for bad coordinates', async () => {
    const out = await get('/api/grids/locate?lng=119.5&lat=31.8', 'gw');
    expect(out.statusCode).toBe(404);
    expect(problem(out).code).toBe('grids.OUTSIDE_GRIDS');
    expect(await GridService.of(t.ctx).locate(119.5, 31.8)).toBeNull();
    for (const [qs, field] of [
      ['lng=abc&lat=31.8', 'lng'],
      ['lng=&lat=31.8', 'lng'],
      ['lat=31.8', 'lng'],
      ['lng=120.3&lat=95', 'lat'],
      ['lng=181&lat=31', 'lng'],
      ['lng=120.3&lat=1e3', 'lat'],
    ]) {
      const res = await get(`/api/grids/locate?${qs}`, 'gw');
      expect(res.statusCode, qs).toBe(400);
      expect(problem(res).errors.map((e) => e.field), qs).toContain(field);
    }
    expect((await send('POST', '/api/grids/locate', { points: [{ lng: 'x', lat: 1 }] }, 'gw')).statusCode).toBe(400);
  });

  it('requires sign-in and a staff permission', async () => {
    expect((await get('/api/grids/locate?lng=120.5&lat=31.8', null)).statusCode).toBe(401);
    expect((await get('/api/grids/locate?lng=120.5&lat=31.8', 'citizen')).statusCode).toBe(403);
    expect((await get('/api/grids', 'citizen')).statusCode).toBe(403);
    expect((await send('POST', '/api/grids/import', { type: 'FeatureCollection', features: [] }, 'gw')).statusCode).toBe(403);
    // the public outline needs no sign-in
    const pub = await get('/api/public/grids/geojson?level=1', null);
    expect(pub.statusCode).toBe(200);
    expect(pub.json().features).toHaveLength(17);
    expect((await get('/api/public/grids/geojson?level=3', null)).statusCode).toBe(400);
  });

  it('browses the tree', async () => {
    const top = (await get('/api/grids', 'gw')).json();
    expect(top.items).toHaveLength(17);
    const huashi = top.items.find((g: { code: string }) => g.code === HUASHI);
    expect(huashi).toMatchObject({ level: 1, name: '华士镇网格', parentId: null });
    expect(huashi.childCount).toBeGreaterThan(5);
    const kids = (await get(`/api/grids?parent=${huashi.id}`, 'gw')).json().items;
    expect(kids).toHaveLength(huashi.childCount);
    expect(kids.every((k: { level: number; code: string }) => k.level === 2 && k.code.startsWith(HUASHI))).toBe(true);
    const l3 = (await get(`/api/grids?level=3&parent=${huashi.id}`, 'gw')).json().items;
    expect(l3.length).toBeGreaterThan(kids.length);
    expect((await get('/api/grids?level=3', 'gw')).json().items).toHaveLength(1557);
    expect((await get('/api/grids?parent=99999999', 'gw')).statusCode).toBe(404);
    expect((await get('/api/grids?level=4', 'gw')).statusCode).toBe(400);

    const detail = await get(`/api/grids/${kids[0].id}`, 'gw');
    expect(detail.statusCode).toBe(200);
    const d = detail.json();
    expect(d.path.map((p: { code: string }) => p.code)).toEqual([HUASHI, kids[0].code]);
    expect(d.staff.map((s: { role: string }) => s.role)).toEqual(['head', 'grid_worker', 'inspector', 'informant', 'patroller', 'liaison']);
    expect(d.staff[0].phone).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(d.staff[1]).toMatchObject({ accountId: workerId, personName: '周晓东' });
    expect(d.geometry.type).toBe('Polygon');
    expect((await get('/api/grids/99999999', 'gw')).statusCode).toBe(404);
    expect((await get('/api/grids/abc', 'gw')).statusCode).toBe(400);
  });

  it('replaces a grid’s staff with optimistic locking, scope checks and an audit entry', async () => {
    const hit = (await get(`/api/grids/locate?lng=${IN_HUASHI.lng}&lat=${IN_HUASHI.lat}`, 'gw')).json();
    const grid = (await get(`/api/grids/${hit.gridId}`, 'admin')).json();
    const staff = [
      { role: 'head', personName: '李建国', phone: '13912345678' },
      { role: 'grid_worker', personName: '周晓东', accountId: workerId },
      { role: 'patroller', personName: '张伟' },
    ];
    const url = `/api/grids/${grid.id}/staff`;
    expect((await send('PUT', url, { version: grid.version, staff }, 'gw')).statusCode).toBe(403);
    // a staffing officer of another town sees no such grid
    expect((await send('PUT', url, { version: grid.version, staff }, 'zzofficer')).statusCode).toBe(404);
    const noHead = await send('PUT', url, { version: grid.version, staff: staff.slice(1) });
    expect(noHead.statusCode).toBe(400);
    expect(problem(noHead).errors[0].field).toBe('staff');
    const badAccount = await send('PUT', url, { version: grid.version, staff: [...staff, { role: 'liaison', personName: '王芳', accountId: 987654 }] });
    expect(badAccount.statusCode).toBe(400);
    expect(problem(badAccount).errors[0].field).toBe('staff.3.accountId');
    const badPhone = await send('PUT', url, { version: grid.version, staff: [{ role: 'head', personName: '李', phone: '12' }] });
    expect(problem(badPhone).errors[0].field).toBe('staff.0.phone');

    const ok = await send('PUT', url, { version: grid.version, staff });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(grid.version + 1);
    expect(ok.json().staff.map((s: { role: string }) => s.role)).toEqual(['head', 'grid_worker', 'patroller']);
    expect(ok.json().staff[0].phone).toBe('139****5678');
    const stale = await send('PUT', url, { version: grid.version, staff });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('common.VERSION_CONFLICT');
    expect((await send('PUT', '/api/grids/99999999/staff', { version: 1, staff })).statusCode).toBe(404);
    // two editors with the same version at once: one wins, one conflicts
    const v = ok.json().version;
    const race = await Promise.all([send('PUT', url, { version: v, staff }), send('PUT', url, { version: v, staff: staff.slice(0, 2) })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);

    const full = await GridService.of(t.ctx).staffOf(grid.id);
    expect(full[0]).toMatchObject({ role: 'head', phone: '13912345678' });
    expect(full.length === 3 || full.length === 2).toBe(true);
    const audit = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'grid.staff.replaced' and entity_id = ${String(grid.id)}`);
    expect(audit[0].n).toBe(2);
    const events = await query<{ payload: { gridId: number } }>(t.db(), sql`select payload from outbox_events where topic = 'grid.staff.changed'`);
    expect(events.map((e) => e.payload.gridId)).toContain(grid.id);
  });

  it('refuses an import with an overlapping feature, listing it, and writes nothing', async () => {
    const before = { grids: await count('grids'), audit: await count('audit_entries'), revision: await GridService.of(t.ctx).revision() };
    const level2 = (await get(`/api/grids?parent=${(await get('/api/grids', 'admin')).json().items.find((g: { code: string }) => g.code === HUASHI).id}`, 'admin')).json().items[0];
    const [x0, y0, x1, y1] = level2.bbox as number[];
    const mid = (x0 + x1) / 2;
    const fc = {
      type: 'FeatureCollection',
      features: [
        // a new level-2 grid of 华士镇 overlapping the stored level-2 grid
        { type: 'Feature', properties: { code: `${HUASHI}900`, name: '重叠片区' }, geometry: rectangle(x0, y0, mid, y1) },
        // not closed
        { type: 'Feature', properties: { code: `${HUASHI}901`, name: '未闭合' }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1]]] } },
        // a level-3 grid outside its parent
        { type: 'Feature', properties: { code: `${level2.code}900`, name: '越界网格' }, geometry: rectangle(x0 - 0.5, y0, x0 - 0.4, y1) },
        // an unknown parent and an unknown town
        { type: 'Feature', properties: { code: '320281107999001', name: '无上级' }, geometry: rectangle(x0, y0, mid, y1) },
        { type: 'Feature', properties: { code: '320281999', name: '无此镇' }, geometry: rectangle(130, 40, 131, 41) },
      ],
    };
    const res = await send('POST', '/api/grids/import', fc);
    expect(res.statusCode).toBe(400);
    const p = problem(res) as ReturnType<typeof problem> & { problems: { index: number; field: string }[] };
    expect(p.code).toBe('grids.IMPORT_INVALID');
    expect(p.problems.map((x) => x.index)).toEqual([0, 1, 2, 3, 4]);
    expect(p.errors.map((e) => e.field)).toEqual([
      'features.0.geometry',
      'features.1.geometry.coordinates.0',
      'features.2.geometry',
      'features.3.properties.parent',
      'features.4.properties.code',
    ]);
    expect(p.problems[0]).toMatchObject({ code: `${HUASHI}900` });
    expect(await count('grids')).toBe(before.grids);
    expect(await count('audit_entries')).toBe(before.audit);
    GridService.of(t.ctx).invalidate();
    expect(await GridService.of(t.ctx).revision()).toBe(before.revision);

    // the dry run shows the same problems with 200
    const dry = await send('POST', '/api/grids/import?dryRun=true', fc);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ committed: false, features: 5 });
    expect(dry.json().problems).toHaveLength(5);
    // a staffing officer of 周庄 may not import 华士 grids
    const scoped = await send('POST', '/api/grids/import?dryRun=true', { type: 'FeatureCollection', features: [fc.features[0]] }, 'zzofficer');
    expect(scoped.json().problems.map((x: { en: string }) => x.en)).toContain('You may not manage grids of this town');
    expect((await send('POST', '/api/grids/import', { type: 'Feature' })).statusCode).toBe(400);
  });

  it('round-trips an export through import, and reshapes grids all or nothing', async () => {
    const top = (await get('/api/grids', 'admin')).json().items;
    const zz = top.find((g: { code: string }) => g.code === ZHOUZHUANG);
    const level2 = (await get(`/api/grids?parent=${zz.id}`, 'admin')).json().items[0];
    const exported = await get(`/api/grids/geojson?parent=${level2.id}`, 'admin');
    expect(exported.statusCode).toBe(200);
    const fc = exported.json() as { type: string; features: GeoJsonFeature[] };
    expect(fc.features.length).toBe(level2.childCount);
    expect(fc.features[0].properties).toMatchObject({ level: 3, parent: level2.code, town: ZHOUZHUANG });

    const again = await send('POST', '/api/grids/import', fc);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ committed: true, create: 0, update: 0, unchanged: fc.features.length });

    // shrink the first level-3 grid to its western half: the vacated half answers with the level-2 grid
    const first = fc.features[0];
    const ring = (first.geometry as { coordinates: number[][][] }).coordinates[0];
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const mid = Math.round(((x0 + x1) / 2) * 1e6) / 1e6;
    const other = new GridService(t.db()); // another process's view
    const probe = { lng: (mid + x1) / 2, lat: (y0 + y1) / 2 };
    expect((await other.locate(probe.lng, probe.lat))?.code).toBe(first.properties.code);

    const shrink = await send('POST', '/api/grids/import', { type: 'FeatureCollection', features: [{ ...first, geometry: rectangle(x0, y0, mid, y1) }] });
    expect(shrink.statusCode).toBe(200);
    expect(shrink.json()).toMatchObject({ committed: true, update: 1 });
    const vacated = await get(`/api/grids/locate?lng=${probe.lng}&lat=${probe.lat}`, 'gw');
    expect(vacated.json()).toMatchObject({ code: level2.code, level: 2 });
    // the other process re-reads the revision stamp within REVALIDATE_MS and rebuilds its index
    await new Promise((r) => setTimeout(r, REVALIDATE_MS + 100));
    expect((await other.locate(probe.lng, probe.lat))?.code).toBe(level2.code);

    // a new grid in the vacated half, and an export of the whole county re-imports unchanged
    const code = `${level2.code}${String(fc.features.length + 1).padStart(3, '0')}`;
    const created = await send('POST', '/api/grids/import', {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { code, name: '新网格', households: 250 }, geometry: rectangle(mid, y0, x1, y1) }],
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ create: 1 });
    expect((await get(`/api/grids/locate?lng=${probe.lng}&lat=${probe.lat}`, 'gw')).json()).toMatchObject({ code, level: 3, townRegionCode: ZHOUZHUANG });
    const audit = await query<{ action: string }>(t.db(), sql`select action from audit_entries where action in ('grid.created', 'grid.updated') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['grid.updated', 'grid.created']);
    const events = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from outbox_events where topic = 'grids.changed'`);
    expect(events[0].n).toBe(2);

    const all = (await get('/api/grids/geojson', 'admin')).json();
    expect(all.features).toHaveLength(1846);
    const res = await send('POST', '/api/grids/import?dryRun=true', all);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ problems: [], create: 0, update: 0, unchanged: 1846, byLevel: { '1': 17, '2': 271, '3': 1558 } });

    // the same as a file upload, and a file that is not JSON
    const upload = multipart({}, { name: '江阴网格.geojson', data: JSON.stringify(all), type: 'application/geo+json' });
    const up = await t.app.inject({ method: 'POST', url: '/api/grids/import?dryRun=true', payload: upload.payload, headers: { ...h.admin, ...upload.headers } });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ problems: [], unchanged: 1846 });
    const junk = multipart({}, { name: 'grids.geojson', data: 'not json' });
    const bad = await t.app.inject({ method: 'POST', url: '/api/grids/import', payload: junk.payload, headers: { ...h.admin, ...junk.headers } });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('file');
  }, 120_000);
});
