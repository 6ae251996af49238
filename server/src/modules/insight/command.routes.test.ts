import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { closeCase, dispatchCase, HS, IN_HS, IN_HS_2, JY, reportCase, seedCommandFixture, ZZ, type CommandFixture } from './command.test-fixtures.ts';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
/** A period covering the test's cases whatever today is. */
const PERIOD = `from=${day(daysAgo(60))}&to=${day(daysAgo(-1))}`;

describeEachBackend('command screen API (指挥屏)', (backend) => {
  let t: TestApp;
  let f: CommandFixture;
  const h: Record<string, Record<string, string>> = {};
  const c: Record<string, number> = {};
  const get = (url: string, who: string | null) => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });

  beforeAll(async () => {
    t = await testApp(backend);
    f = await seedCommandFixture(t.ctx);
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'dispatcher', grants: [{ role: 'dispatcher', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'leader', grants: [{ role: 'leader', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'hsstaffing', grants: [{ role: 'staffing_officer', regionCode: HS, orgId: null }] });
    await createTestAccount(t, { username: 'handler', grants: [{ role: 'handler', regionCode: HS, orgId: f.orgs.hsEnf }] });
    for (const u of ['admin', 'dispatcher', 'leader', 'hsstaffing', 'handler']) h[u] = await signIn(t.app, u);

    // 华士镇: one closed on time (town unit), one overdue with the county department, one just reported; 周庄镇: one open
    c.closed = await reportCase(t.ctx, IN_HS);
    await dispatchCase(t.ctx, c.closed, f.orgs.hsEnf);
    await closeCase(t.ctx, c.closed);
    c.overdue = await reportCase(t.ctx, IN_HS_2, { at: daysAgo(20) });
    await dispatchCase(t.ctx, c.overdue, f.orgs.cgj, daysAgo(19));
    c.fresh = await reportCase(t.ctx, IN_HS, { description: '垃圾桶满溢' });
    c.zz = await reportCase(t.ctx, { town: ZZ });
  }, 180_000);
  afterAll(() => t?.close());

  describe('overview', () => {
    it('counts by status, source and category, rates, and rankings of towns and departments', async () => {
      const res = await get(`/api/command/overview?${PERIOD}`, 'dispatcher');
      expect(res.statusCode).toBe(200);
      const o = res.json();
      expect(o.region).toEqual({ code: JY, name: '江阴市' });
      expect(o.totals).toMatchObject({ received: 4, closed: 1, open: 3, overdue: 1, dispatched: 2 });
      expect(o.totals.onTimeRate).toBe(1);
      expect(o.totals.score).toBeGreaterThan(0);
      const status = Object.fromEntries(o.byStatus.map((s: { key: string; count: number }) => [s.key, s.count]));
      expect(status).toMatchObject({ closed: 1, dispatched: 1, reported: 2 });
      expect(o.bySource).toEqual([{ key: 'grid_patrol', count: 4 }]);
      expect(o.byCategory[0]).toMatchObject({ key: 'E0101', name: '暴露垃圾', count: 4 });
      const hs = o.towns.find((x: { regionCode: string }) => x.regionCode === HS);
      expect(hs).toMatchObject({ name: '华士镇', received: 3, closed: 1, open: 2, overdue: 1 });
      const zz = o.towns.find((x: { regionCode: string }) => x.regionCode === ZZ);
      expect(zz).toMatchObject({ name: '周庄镇', received: 1, open: 1, overdue: 0 });
      // the ranking is by score; the town with closures ranks first
      expect(o.towns[0].regionCode).toBe(HS);
      expect(o.towns[0].rank).toBe(1);
      // departments: county units only (the town's enforcement team ranks with its town)
      expect(o.departments).toHaveLength(1);
      expect(o.departments[0]).toMatchObject({ orgId: f.orgs.cgj, name: '江阴市城市管理局', received: 1, overdue: 1, open: 1 });
    });

    it('a caller scoped to one town sees only that town by default, and an outside region as not found', async () => {
      const mine = await get(`/api/command/overview?${PERIOD}`, 'hsstaffing');
      expect(mine.statusCode).toBe(200);
      expect(mine.json().region.code).toBe(HS);
      expect(mine.json().totals.received).toBe(3);
      expect(mine.json().towns.map((x: { regionCode: string }) => x.regionCode)).toEqual([HS]);
      const county = await get(`/api/command/overview?region=${JY}`, 'hsstaffing');
      expect(county.statusCode).toBe(404);
      expect(problem(county).code).toBe('insight.REGION_NOT_FOUND');
      const other = await get('/api/command/overview?region=320282', 'dispatcher');
      expect(other.statusCode).toBe(404);
      // the leader and an unscoped admin may look at a town
      expect((await get(`/api/command/overview?region=${ZZ}&${PERIOD}`, 'leader')).json().totals.received).toBe(1);
      expect((await get(`/api/command/overview?region=${HS}&${PERIOD}`, 'admin')).json().totals.received).toBe(3);
    });

    it('401 without a session, 403 without case:supervise or insight:read', async () => {
      const anon = await get('/api/command/overview', null);
      expect(anon.statusCode).toBe(401);
      const handler = await get('/api/command/overview', 'handler');
      expect(handler.statusCode).toBe(403);
      expect(problem(handler).code).toBe('insight.NO_ACCESS');
    });

    it('400 naming the field for a bad region, date or period', async () => {
      for (const [qs, field] of [
        ['region=32', 'region'],
        ['from=2026-02-30', 'from'],
        ['to=yesterday', 'to'],
        ['from=2026-03-01&to=2026-02-01', 'to'],
        ['from=2019-01-01&to=2026-02-01', 'from'],
      ]) {
        const res = await get(`/api/command/overview?${qs}`, 'dispatcher');
        expect(res.statusCode, qs).toBe(400);
        expect(problem(res).errors.map((e) => e.field), qs).toContain(field);
      }
    });
  });

  describe('density per grid (map)', () => {
    it('open and overdue cases per town grid, then per second- and third-level grid under a parent', async () => {
      const l1 = await get('/api/command/density?level=1', 'dispatcher');
      expect(l1.statusCode).toBe(200);
      const hs = l1.json().grids.find((g: { code: string }) => g.code === HS);
      // 周庄镇's case was reported by town only: it has no grid and is not on the map
      expect(l1.json().grids.map((g: { code: string }) => g.code)).toEqual([HS]);
      expect(hs).toEqual({ code: HS, open: 2, overdue: 1 });
      expect(l1.json().max).toBe(2);

      const l2 = await get(`/api/command/density?level=2&parent=${HS}`, 'dispatcher');
      expect(l2.statusCode).toBe(200);
      const level2 = l2.json().grids as { code: string; open: number; overdue: number }[];
      expect(level2.every((g) => g.code.length === 12 && g.code.startsWith(HS))).toBe(true);
      expect(level2.reduce((s, g) => s + g.open, 0)).toBe(2);
      const overdueGrid = level2.find((g) => g.overdue === 1) as { code: string };
      const l3 = await get(`/api/command/density?level=3&parent=${overdueGrid.code}`, 'dispatcher');
      expect(l3.json().grids.some((g: { code: string; overdue: number }) => g.code.length === 15 && g.overdue === 1)).toBe(true);
    });

    it('400 for a parent of the wrong level or a bad level; 404 for a grid outside the caller’s scope', async () => {
      expect((await get(`/api/command/density?level=3&parent=${HS}`, 'dispatcher')).statusCode).toBe(400);
      const bad = await get('/api/command/density?level=4', 'dispatcher');
      expect(bad.statusCode).toBe(400);
      expect(problem(bad).errors[0].field).toBe('level');
      expect(problem(await get('/api/command/density?level=2&parent=abc', 'dispatcher')).errors[0].field).toBe('parent');
      const outside = await get(`/api/command/density?level=2&parent=${ZZ}`, 'hsstaffing');
      expect(outside.statusCode).toBe(404);
      expect((await get('/api/command/density?level=1', null)).statusCode).toBe(401);
      expect((await get('/api/command/density?level=1', 'handler')).statusCode).toBe(403);
    });
  });

  describe('drill-down to cases and one case’s trace', () => {
    it('lists a grid’s cases most urgent first, filters by state and overdue, and pages with a cursor', async () => {
      const all = await get(`/api/command/cases?grid=${HS}`, 'dispatcher');
      expect(all.statusCode).toBe(200);
      const items = all.json().items as { id: number; overdue: boolean; state: string; gridCode: string }[];
      expect(items.map((x) => x.id).sort()).toEqual([c.closed, c.overdue, c.fresh].sort());
      expect(items[0]).toMatchObject({ id: c.overdue, overdue: true, state: 'dispatched' });
      expect(items.every((x) => x.gridCode.startsWith(HS))).toBe(true);

      const overdue = await get('/api/command/cases?overdue=true', 'dispatcher');
      expect(overdue.json().items.map((x: { id: number }) => x.id)).toEqual([c.overdue]);
      const notOverdue = await get(`/api/command/cases?overdue=false&grid=${HS}`, 'dispatcher');
      expect(notOverdue.json().items.map((x: { id: number }) => x.id).sort()).toEqual([c.closed, c.fresh].sort());
      const closed = await get('/api/command/cases?status=closed', 'dispatcher');
      expect(closed.json().items.map((x: { id: number }) => x.id)).toEqual([c.closed]);
      const open = await get('/api/command/cases?open=true', 'dispatcher');
      expect(open.json().items).toHaveLength(3);

      const p1 = await get(`/api/command/cases?grid=${HS}&limit=2`, 'dispatcher');
      expect(p1.json().items).toHaveLength(2);
      const p2 = await get(`/api/command/cases?grid=${HS}&limit=2&cursor=${p1.json().nextCursor}`, 'dispatcher');
      expect(p2.json().items).toHaveLength(1);
      expect(p2.json().nextCursor).toBeNull();
      const seen = [...p1.json().items, ...p2.json().items].map((x: { id: number }) => x.id);
      expect(new Set(seen).size).toBe(3);
    });

    it('scopes the list: a town-scoped caller sees only their town; a grid outside it is not found; bad input is 400', async () => {
      const mine = await get('/api/command/cases', 'hsstaffing');
      expect(mine.json().items.every((x: { townRegionCode: string }) => x.townRegionCode === HS)).toBe(true);
      expect(mine.json().items).toHaveLength(3);
      expect((await get(`/api/command/cases?grid=${ZZ}`, 'hsstaffing')).statusCode).toBe(404);
      expect(problem(await get('/api/command/cases?overdue=yes', 'dispatcher')).errors[0].field).toBe('overdue');
      expect(problem(await get('/api/command/cases?cursor=!!', 'dispatcher')).errors[0].field).toBe('cursor');
      expect((await get('/api/command/cases', 'handler')).statusCode).toBe(403);
    });

    it('one case with its trace: who did what, when, from → to', async () => {
      const res = await get(`/api/command/cases/${c.closed}`, 'leader');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ id: c.closed, state: 'closed', townName: '华士镇', leadOrgName: '江阴市华士镇综合行政执法局', categoryName: '暴露垃圾' });
      expect(body.trace.map((s: { action: string }) => s.action)).toEqual(['file', 'dispatch', 'sign', 'feedback', 'verify']);
      expect(body.trace[4]).toMatchObject({ from: 'handled', to: 'closed' });
      // outside the caller's scope looks exactly like a missing case
      const outside = await get(`/api/command/cases/${c.zz}`, 'hsstaffing');
      const missing = await get('/api/command/cases/99999999', 'hsstaffing');
      expect([outside.statusCode, missing.statusCode]).toEqual([404, 404]);
      expect(problem(outside).code).toBe(problem(missing).code);
      expect((await get('/api/command/cases/abc', 'leader')).statusCode).toBe(400);
      expect((await get(`/api/command/cases/${c.closed}`, 'handler')).statusCode).toBe(403);
    });
  });
});
