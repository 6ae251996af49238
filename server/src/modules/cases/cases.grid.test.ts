import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { caseAccounts, HERE, HS, insertCaseDuties, insertCaseOrgs, insertCaseRegions, JY, type Orgs, type Users } from './cases.test-fixtures.ts';

/** A rectangle around the test point, as the 华士镇 first-level grid. */
const square = (d: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [HERE.lng - d, HERE.lat - d],
      [HERE.lng + d, HERE.lat - d],
      [HERE.lng + d, HERE.lat + d],
      [HERE.lng - d, HERE.lat + d],
      [HERE.lng - d, HERE.lat - d],
    ],
  ],
});

describeEachBackend('cases routed through the grids (point → grid → town → duty list)', (backend) => {
  let t: TestApp;
  let o: Orgs;
  let h: Users;

  beforeAll(async () => {
    t = await testApp(backend);
    await insertCaseRegions(t.db());
    o = await insertCaseOrgs(t.db());
    await insertCaseDuties(t.db(), o);
    ({ h } = await caseAccounts(t, o));
    const fc = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: HS, name: '华士镇网格' }, geometry: square(0.01) }] };
    const imported = await t.app.inject({ method: 'POST', url: '/api/grids/import', headers: h.admin, payload: fc });
    expect(imported.statusCode, imported.body).toBe(200);
  });
  afterAll(() => t.close());

  it('a report with only a location is placed in its grid and town and routed by the duty list', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/cases/reports/grid', headers: h.grid, payload: { categoryCode: 'E0101', description: '暴露垃圾', ...HERE } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ townRegionCode: HS, regionCode: HS, grid: { code: HS, name: '华士镇网格' }, routing: { status: 'routed', suggestion: { lead: { orgId: o.hs } } } });
    const gridId = res.json().grid.id;
    const mine = await t.app.inject({ method: 'GET', url: `/api/cases/grid?gridId=${gridId}`, headers: h.grid });
    expect(mine.json().items.map((c: { id: number }) => c.id)).toEqual([res.json().id]);
  });

  it('outside every grid: the county queue with the reason, or 400 when not even the county is given', async () => {
    const far = { lng: HERE.lng + 0.5, lat: HERE.lat };
    const queued = await t.app.inject({ method: 'POST', url: '/api/cases/reports/hotline', headers: h.disp, payload: { categoryCode: 'E0101', hotlineKind: 'complaint', description: '垃圾', ...far, regionCode: JY, caller: { phone: '13800000000' } } });
    expect(queued.statusCode).toBe(201);
    expect(queued.json()).toMatchObject({ regionCode: JY, townRegionCode: null, routing: { status: 'unroutable', reason: { code: 'outside_grids' } } });
    const nowhere = await t.app.inject({ method: 'POST', url: '/api/cases/reports/grid', headers: h.grid, payload: { categoryCode: 'E0101', description: '垃圾', ...far } });
    expect(nowhere.statusCode).toBe(400);
    expect(problem(nowhere).code).toBe('cases.NO_TERRITORY');
  });
});
