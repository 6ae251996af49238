import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { content, HS, insertListRegions, insertTestItem, JY, YX, ZONE, ZZ } from './bundles.test-fixtures.ts';
import { checkProofs } from './lists.service.ts';
import { routeByDuty } from './lists.duties.service.ts';

describeEachBackend('catalog lists API (赋权, 属地管理, 证明事项)', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  const o: Record<string, number> = {};
  const it_: Record<string, number> = {};

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const audits = async (action: string) =>
    query<{ before: unknown; after: unknown }>(t.db(), sql`select before, after from audit_entries where action = ${action} order by id`);

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await insertListRegions(db);
    o.gov = await insertOrg(db, { code: 'l.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    o.cgj = await insertOrg(db, { code: 'l.cgj', name: '江阴市城市管理局', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.scjg = await insertOrg(db, { code: 'l.scjg', name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JY, parentId: o.gov });
    o.hs = await insertOrg(db, { code: 'l.hs', name: '江阴市华士镇人民政府', type: 'town_government', level: 'town', regionCode: HS, parentId: o.gov });
    o.hsEnf = await insertOrg(db, { code: 'l.hs.enf', name: '江阴市华士镇综合行政执法局', type: 'enforcement_team', level: 'town', regionCode: HS, parentId: o.hs });
    o.zz = await insertOrg(db, { code: 'l.zz', name: '江阴市周庄镇人民政府', type: 'town_government', level: 'town', regionCode: ZZ, parentId: o.gov });
    o.zone = await insertOrg(db, { code: 'l.zone', name: '江阴高新区管委会', type: 'dev_zone', level: 'town', regionCode: ZONE, parentId: o.gov });
    it_.garbage = await insertTestItem(db, content('对随意倾倒生活垃圾的处罚', '江阴市城市管理局', [], { itemType: 'penalty' }), { implCode: 'L-garbage', orgId: o.cgj });
    it_.stall = await insertTestItem(db, content('对占道经营的处罚', '江阴市城市管理局', [], { itemType: 'penalty' }), { implCode: 'L-stall', orgId: o.cgj });
    it_.food = await insertTestItem(db, content('食品小作坊登记', '江阴市市场监督管理局', []), { implCode: 'L-food', orgId: o.scjg });
    await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    await createTestAccount(t, { username: 'yxadmin', grants: [{ role: 'admin', regionCode: YX, orgId: null }] });
    await createTestAccount(t, { username: 'bianban', grants: [{ role: 'staffing_officer', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'chuangkou', grants: [{ role: 'window_clerk', regionCode: JY, orgId: null }] });
    for (const u of ['admin', 'yxadmin', 'bianban', 'chuangkou']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  const devolution = (itemId: number, regionCode: string, over: Record<string, unknown> = {}) => ({
    itemId,
    regionCode,
    field: '城市管理',
    legalBasis: '《中华人民共和国行政处罚法》第二十四条；《江苏省人民政府关于赋予乡镇（街道）部分县级行政处罚权的决定》',
    decisionNo: '苏政发〔2023〕78号',
    decidedBy: '江苏省人民政府',
    effectiveDate: '2024-01-01',
    ...over,
  });

  describe('devolutions', () => {
    it('records devolutions (audited) and lists them with counts by town, category and field', async () => {
      const a = await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.garbage, HS, { orgId: o.hs }));
      expect(a.statusCode).toBe(201);
      expect(a.json()).toMatchObject({ itemName: '对随意倾倒生活垃圾的处罚', regionName: '华士镇', orgName: '江阴市华士镇人民政府', category: 'penalty_other', status: 'active', version: 1, evaluations: [] });
      it_.devHs = a.json().id;
      expect((await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.food, HS, { field: '市场监管' }))).statusCode).toBe(201);
      expect((await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.stall, ZZ))).statusCode).toBe(201);
      expect((await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.food, ZONE, { field: '市场监管', orgId: o.zone }))).statusCode).toBe(201);
      expect(await audits('catalog.devolution_created')).toHaveLength(4);

      const all = (await req('GET', `/api/catalog/devolutions?regionCode=${JY}`)).json();
      expect(all.items).toHaveLength(4);
      expect(all.counts).toEqual({
        total: 4,
        byCategory: { approval_service: 2, penalty_other: 2 },
        byTown: [
          { regionCode: HS, regionName: '华士镇', total: 2, approvalService: 1, penaltyOther: 1 },
          { regionCode: ZZ, regionName: '周庄镇', total: 1, approvalService: 0, penaltyOther: 1 },
          { regionCode: ZONE, regionName: '江阴高新技术产业开发区', total: 1, approvalService: 1, penaltyOther: 0 },
        ],
        byField: [
          { field: '城市管理', count: 2 },
          { field: '市场监管', count: 2 },
        ],
      });
      const town = (await req('GET', `/api/catalog/devolutions?regionCode=${HS}&field=${encodeURIComponent('市场监管')}`)).json();
      expect(town.items.map((d: { itemName: string }) => d.itemName)).toEqual(['食品小作坊登记']);
      expect(town.counts.total).toBe(1);
      const byOrg = (await req('GET', `/api/catalog/devolutions?orgId=${o.zone}`)).json();
      expect(byOrg.items.map((d: { regionCode: string }) => d.regionCode)).toEqual([ZONE]);
      const page = (await req('GET', `/api/catalog/devolutions?limit=3`)).json();
      const next = (await req('GET', `/api/catalog/devolutions?limit=3&cursor=${page.nextCursor}`)).json();
      expect([page.items.length, next.items.length, next.nextCursor]).toEqual([3, 1, null]);
    });

    it('answers 400 naming the field, 409 for a duplicate or stale version, 404 outside the scope', async () => {
      const county = await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.stall, JY));
      expect(problem(county).errors.map((e) => e.field)).toEqual(['regionCode']);
      const wrongOrg = await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.stall, HS, { orgId: o.zz }));
      expect(problem(wrongOrg).errors.map((e) => e.field)).toEqual(['orgId']);
      const item = await req('POST', '/api/catalog/devolutions', 'admin', devolution(999999, HS));
      expect(problem(item).errors.map((e) => e.field)).toEqual(['itemId']);
      const date = await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.stall, HS, { effectiveDate: '2024-02-30' }));
      expect(problem(date).errors[0]).toMatchObject({ field: 'effectiveDate', in: 'body' });
      const dup = await req('POST', '/api/catalog/devolutions', 'admin', devolution(it_.garbage, HS));
      expect(dup.statusCode).toBe(409);
      expect(problem(dup).code).toBe('catalog.DEVOLUTION_EXISTS');

      const cur = (await req('GET', `/api/catalog/devolutions/${it_.devHs}`)).json();
      const edit = { ...devolution(it_.garbage, HS, { orgId: o.hs, note: '华士镇综合执法局具体承办' }), status: 'active', version: cur.version };
      const ok = await req('PUT', `/api/catalog/devolutions/${it_.devHs}`, 'admin', edit);
      expect(ok.json()).toMatchObject({ note: '华士镇综合执法局具体承办', version: cur.version + 1 });
      const stale = await req('PUT', `/api/catalog/devolutions/${it_.devHs}`, 'admin', edit);
      expect(stale.statusCode).toBe(409);
      expect(problem(stale).code).toBe('common.VERSION_CONFLICT');
      expect((await req('PUT', `/api/catalog/devolutions/${it_.devHs}`, 'yxadmin', { ...edit, version: cur.version + 1 })).statusCode).toBe(404);
      const outside = await req('POST', '/api/catalog/devolutions', 'yxadmin', devolution(it_.stall, HS));
      expect(outside.statusCode).toBe(404);
      expect((await req('GET', '/api/catalog/devolutions/999999')).statusCode).toBe(404);
      const [upd] = await audits('catalog.devolution_updated');
      expect(upd).toMatchObject({ before: { note: null }, after: { note: '华士镇综合执法局具体承办' } });
    });

    it('records periodic evaluations (catalog:review), newest first', async () => {
      const cur = (await req('GET', `/api/catalog/devolutions/${it_.devHs}`)).json();
      const first = await req('POST', `/api/catalog/devolutions/${it_.devHs}/evaluations`, 'bianban', { version: cur.version, evaluatedOn: '2025-06-30', result: 'fair', note: '执法人员不足' });
      expect(first.statusCode).toBe(201);
      const second = await req('POST', `/api/catalog/devolutions/${it_.devHs}/evaluations`, 'bianban', { version: cur.version + 1, evaluatedOn: '2024-12-31', result: 'good' });
      const d = second.json();
      expect(d.evaluations.map((e: { evaluatedOn: string; result: string }) => [e.evaluatedOn, e.result])).toEqual([
        ['2025-06-30', 'fair'],
        ['2024-12-31', 'good'],
      ]);
      expect(d).toMatchObject({ lastEvaluatedOn: '2025-06-30', lastResult: 'fair' });
      expect((await req('POST', `/api/catalog/devolutions/${it_.devHs}/evaluations`, 'bianban', { version: 1, evaluatedOn: '2025-07-01', result: 'good' })).statusCode).toBe(409);
      expect((await req('POST', `/api/catalog/devolutions/${it_.devHs}/evaluations`, 'bianban', { version: d.version, evaluatedOn: '2025-07-01', result: 'great' })).statusCode).toBe(400);
      expect((await req('POST', `/api/catalog/devolutions/${it_.devHs}/evaluations`, 'yxadmin', { version: d.version, evaluatedOn: '2025-07-01', result: 'good' })).statusCode).toBe(404);
      expect((await req('POST', '/api/catalog/devolutions', 'chuangkou', devolution(it_.stall, HS))).statusCode).toBe(403);
      expect(await audits('catalog.devolution_evaluated')).toHaveLength(2);
    });
  });

  describe('territorial duties', () => {
    const garbage = (over: Record<string, unknown> = {}) => ({
      matterCode: 'event.garbage',
      name: '生活垃圾乱堆乱放',
      field: '城市管理',
      regionCode: JY,
      lead: {
        unitKind: 'department',
        orgId: o.cgj,
        unitName: '市城市管理局',
        duties: [{ text: '负责生活垃圾乱堆乱放的查处', basis: '《城市市容和环境卫生管理条例》第三十二条' }],
      },
      supporting: [{ unitKind: 'town', unitName: '属地镇（街道）', duties: [{ text: '日常巡查，发现、劝阻并及时报告', basis: '《江苏省城市市容和环境卫生管理条例》第四条' }] }],
      ...over,
    });
    const stall = () => ({
      matterCode: 'event.stall',
      name: '占道经营',
      field: '城市管理',
      regionCode: JY,
      lead: { unitKind: 'town', unitName: '属地镇（街道）', duties: [{ text: '负责占道经营的日常管理和处置', basis: '《江阴市城市管理相对集中行政处罚权实施办法》第六条' }] },
      supporting: [{ unitKind: 'department', orgId: o.cgj, unitName: '市城市管理局', duties: [{ text: '业务指导和监督', basis: '同上第五条' }] }],
    });
    const route = (matterCode: string, regionCode: string) => req('GET', `/api/catalog/duties/route?matterCode=${matterCode}&regionCode=${regionCode}`);

    it('keeps a department-led matter with the department, even when a town is asked', async () => {
      const res = await req('POST', '/api/catalog/duties', 'admin', garbage());
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ scope: 'county', leadKind: 'department', lead: { orgId: o.cgj }, supporting: [{ unitKind: 'town', orgId: null }] });
      it_.garbageEntry = res.json().id;
      expect((await req('POST', '/api/catalog/duties', 'admin', stall())).statusCode).toBe(201);

      const r = (await route('event.garbage', HS)).json();
      expect(r.route.lead).toMatchObject({ orgId: o.cgj, name: '江阴市城市管理局', kind: 'department' });
      expect(r.route.supporting).toEqual([expect.objectContaining({ orgId: o.hs, kind: 'town' })]);
      expect(r.route.reason).toMatchObject({ basis: '《城市市容和环境卫生管理条例》第三十二条', keptWithDepartment: false });
      expect(r.route.reason.zh).toContain('江阴市城市管理局牵头');
      expect(typeof r.route.reason.dutyId).toBe('number');

      // a town entry cannot push the lead down without a devolution
      const pushed = await req('POST', '/api/catalog/duties', 'admin', garbage({ regionCode: HS, lead: { unitKind: 'town', unitName: '华士镇', duties: [{ text: '查处', basis: '镇政府会议纪要' }] } }));
      expect(pushed.statusCode).toBe(400);
      expect(problem(pushed)).toMatchObject({ code: 'catalog.DUTY_PUSHED_DOWN', errors: [expect.objectContaining({ field: 'lead.unitKind' })] });
    });

    it('routes a town-led matter to the town where it arose; unknown matters to nobody (null)', async () => {
      expect((await route('event.stall', HS)).json().route.lead).toMatchObject({ orgId: o.hs, kind: 'town', name: '江阴市华士镇人民政府' });
      expect((await route('event.stall', ZZ)).json().route.lead).toMatchObject({ orgId: o.zz, kind: 'town' });
      expect((await route('event.stall', HS)).json().route.supporting).toEqual([expect.objectContaining({ orgId: o.cgj, kind: 'department' })]);
      expect((await route('event.unknown', HS)).json()).toEqual({ matterCode: 'event.unknown', regionCode: HS, route: null });
      // a town-led matter asked at county level has no town to lead it
      expect((await route('event.stall', JY)).json().route).toBeNull();
      expect(await routeByDuty(t.db(), { matterCode: 'event.garbage', townRegionCode: '320282101' })).toBeNull();
      const bad = await req('GET', '/api/catalog/duties/route?matterCode=Event%20Garbage&regionCode=320281107');
      expect(problem(bad).errors[0]).toMatchObject({ field: 'matterCode', in: 'query' });
    });

    it('lets the town lead only under an active devolution to that town, and takes the lead back when it is withdrawn', async () => {
      const town = garbage({
        regionCode: HS,
        devolutionId: it_.devHs,
        lead: { unitKind: 'town', orgId: o.hsEnf, unitName: '华士镇综合行政执法局', duties: [{ text: '以本镇名义查处', basis: '苏政发〔2023〕78号' }] },
        supporting: [{ unitKind: 'department', orgId: o.cgj, unitName: '市城市管理局', duties: [{ text: '业务指导', basis: '《行政处罚法》第二十四条' }] }],
      });
      const res = await req('POST', '/api/catalog/duties', 'admin', town);
      expect(res.statusCode).toBe(201);
      const devolved = (await route('event.garbage', HS)).json().route;
      expect(devolved.lead).toMatchObject({ orgId: o.hsEnf, kind: 'town' });
      expect(devolved.reason).toMatchObject({ devolutionId: it_.devHs, entryRegionCode: HS });
      expect(devolved.reason.zh).toContain('苏政发〔2023〕78号');
      expect((await route('event.garbage', ZZ)).json().route.lead.kind).toBe('department');

      const inForce = (await req('GET', `/api/catalog/duties?regionCode=${HS}&matterCode=event.garbage`)).json();
      expect(inForce.items.map((e: { regionCode: string; scope: string }) => [e.regionCode, e.scope])).toEqual([
        [JY, 'county'],
        [HS, 'town'],
      ]);

      const dev = (await req('GET', `/api/catalog/devolutions/${it_.devHs}`)).json();
      const withdrawn = await req('PUT', `/api/catalog/devolutions/${it_.devHs}`, 'admin', { ...devolution(it_.garbage, HS), status: 'withdrawn', version: dev.version });
      expect(withdrawn.statusCode).toBe(200);
      const back = (await route('event.garbage', HS)).json().route;
      expect(back.lead).toMatchObject({ orgId: o.cgj, kind: 'department' });
      expect(back.reason.keptWithDepartment).toBe(true);
    });

    it('edits under optimistic locking and validates every duty’s basis (400, 404, 409)', async () => {
      const cur = (await req('GET', `/api/catalog/duties/${it_.garbageEntry}`)).json();
      const edit = { ...garbage({ name: '生活垃圾乱堆乱放、乱倒' }), status: 'active', version: cur.version };
      const ok = await req('PUT', `/api/catalog/duties/${it_.garbageEntry}`, 'admin', edit);
      expect(ok.json()).toMatchObject({ name: '生活垃圾乱堆乱放、乱倒', version: cur.version + 1 });
      expect((await req('PUT', `/api/catalog/duties/${it_.garbageEntry}`, 'admin', edit)).statusCode).toBe(409);
      expect((await req('PUT', '/api/catalog/duties/999999', 'admin', edit)).statusCode).toBe(404);
      expect((await req('PUT', `/api/catalog/duties/${it_.garbageEntry}`, 'yxadmin', { ...edit, version: cur.version + 1 })).statusCode).toBe(404);
      const noBasis = await req('POST', '/api/catalog/duties', 'admin', { ...stall(), matterCode: 'event.noise', lead: { unitKind: 'town', unitName: '属地', duties: [{ text: '处置', basis: '' }] } });
      expect(problem(noBasis).errors[0]).toMatchObject({ field: 'lead.duties.0.basis' });
      const townAsDept = await req('POST', '/api/catalog/duties', 'admin', { ...garbage(), matterCode: 'event.noise', lead: { unitKind: 'department', orgId: o.hsEnf, unitName: '镇执法局', duties: [{ text: '查处', basis: '某条' }] } });
      expect(problem(townAsDept).errors.map((e) => e.field)).toEqual(['lead.orgId']);
      const dup = await req('POST', '/api/catalog/duties', 'admin', garbage());
      expect(dup.statusCode).toBe(409);
      expect(problem(dup).code).toBe('catalog.DUTY_EXISTS');
      const [upd] = await audits('catalog.duty_updated');
      expect(upd).toMatchObject({ before: { name: '生活垃圾乱堆乱放' }, after: { name: '生活垃圾乱堆乱放、乱倒' } });
    });
  });

  describe('proof-requirement list', () => {
    const proof = (code: string, over: Record<string, unknown> = {}) => ({
      code,
      name: '无犯罪记录证明',
      regionCode: JY,
      basis: '《托育机构设置标准（试行）》第十二条',
      requestingUnit: '江阴市卫生健康委员会',
      issuingUnit: '江阴市公安局',
      guide: '本人持身份证到户籍所在地派出所申请，或通过“苏周到”在线开具',
      replacement: 'data_sharing',
      ...over,
    });

    it('lists only listed proofs by default and checks item contents against the list', async () => {
      expect((await req('POST', '/api/catalog/proofs', 'admin', proof('zm-001'))).json()).toMatchObject({ code: 'ZM-001', status: 'listed', version: 1 });
      expect((await req('POST', '/api/catalog/proofs', 'admin', proof('ZM-002', { name: '亲属关系证明', status: 'cancelled', replacement: 'commitment' }))).statusCode).toBe(201);
      expect((await req('POST', '/api/catalog/proofs', 'admin', proof('ZM-YX-1', { name: '宜兴的证明', regionCode: YX }))).statusCode).toBe(201);
      const list = (await req('GET', `/api/catalog/proofs?regionCode=${HS}`)).json();
      expect(list.items.map((p: { code: string }) => p.code)).toEqual(['ZM-001']);
      expect((await req('GET', '/api/catalog/proofs?status=cancelled')).json().items.map((p: { code: string }) => p.code)).toEqual(['ZM-002']);
      expect((await req('GET', `/api/catalog/proofs?q=${encodeURIComponent('犯罪')}`)).json().items).toHaveLength(1);
      expect((await req('GET', '/api/catalog/proofs/zm-001')).json().name).toBe('无犯罪记录证明');

      const c = content('托育机构备案', '江阴市卫生健康委员会', [
        { name: '无犯罪记录证明', proofCode: 'ZM-001' },
        { name: '亲属关系证明', proofCode: 'ZM-002' },
        { name: '居住证明', proofCode: 'ZM-999' },
        { name: '宜兴的证明', proofCode: 'ZM-YX-1' },
      ]);
      expect((await checkProofs(t.db(), c, { regionCode: JY })).map((u) => [u.proofCode, u.reason])).toEqual([
        ['ZM-002', 'cancelled'],
        ['ZM-999', 'unlisted'],
        ['ZM-YX-1', 'unlisted'],
      ]);
      expect((await checkProofs(t.db(), c)).map((u) => u.proofCode)).toEqual(['ZM-002', 'ZM-999']);
    });

    it('answers 400, 404 and 409 on writes', async () => {
      expect(problem(await req('POST', '/api/catalog/proofs', 'admin', proof('证明1'))).errors[0].field).toBe('code');
      expect(problem(await req('POST', '/api/catalog/proofs', 'admin', proof('ZM-003', { guide: '' }))).errors[0].field).toBe('guide');
      expect((await req('POST', '/api/catalog/proofs', 'admin', proof('ZM-001'))).statusCode).toBe(409);
      expect((await req('POST', '/api/catalog/proofs', 'yxadmin', proof('ZM-004'))).statusCode).toBe(404);
      const edit = { ...proof('ZM-001'), replacement: 'data_sharing_or_commitment', status: 'listed', version: 1 };
      expect((await req('PUT', '/api/catalog/proofs/ZM-001', 'admin', edit)).json()).toMatchObject({ replacement: 'data_sharing_or_commitment', version: 2 });
      expect((await req('PUT', '/api/catalog/proofs/ZM-001', 'admin', edit)).statusCode).toBe(409);
      expect((await req('PUT', '/api/catalog/proofs/ZM-404', 'admin', edit)).statusCode).toBe(404);
      expect((await req('GET', '/api/catalog/proofs/ZM-404')).statusCode).toBe(404);
      expect(await audits('catalog.proof_updated')).toHaveLength(1);
    });
  });
});
