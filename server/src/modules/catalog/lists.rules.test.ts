import { describe, expect, it } from 'vitest';
import {
  composeRoute,
  devolutionCategory,
  devolutionTargetProblems,
  dutyPushDownProblem,
  dutyUnitProblems,
  groupDuties,
  regionAncestry,
  selectDutyEntry,
  unlistedProofs,
  type DevolutionFacts,
  type DutyEntryFacts,
  type DutyEntryInput,
  type OrgFacts,
} from './lists.rules.ts';
import { content } from './bundles.test-fixtures.ts';

const JY = '320281';
const HS = '320281107';
const ZZ = '320281108';

const org = (id: number, name: string, over: Partial<OrgFacts> = {}): OrgFacts => ({ id, name, type: 'department', level: 'county', regionCode: JY, active: true, ...over });
const CGJ = org(10, '江阴市城市管理局');
const SCJ = org(11, '江阴市市场监督管理局');
const HS_GOV = org(20, '华士镇人民政府', { type: 'town_government', level: 'town', regionCode: HS });
const HS_ENF = org(21, '华士镇综合行政执法局', { type: 'enforcement_team', level: 'town', regionCode: HS });

function entry(id: number, regionCode: string, leadKind: 'department' | 'town', over: Partial<DutyEntryFacts> = {}): DutyEntryFacts {
  return {
    id,
    matterCode: 'event.garbage',
    name: '生活垃圾乱堆乱放',
    field: '城市管理',
    regionCode,
    leadKind,
    devolutionId: null,
    duties: [
      { id: id * 10, role: 'lead', unitKind: leadKind, orgId: leadKind === 'department' ? CGJ.id : null, unitName: leadKind === 'department' ? '市城市管理局' : '属地镇（街道）', duty: '查处', basis: '《城市市容和环境卫生管理条例》第三十二条', sort: 1 },
      { id: id * 10 + 1, role: 'support', unitKind: 'town', orgId: null, unitName: '属地镇（街道）', duty: '发现、劝阻、报告', basis: '《江苏省城市市容和环境卫生管理条例》第四条', sort: 2 },
    ],
    ...over,
  };
}

describe('regionAncestry', () => {
  it('lists a region and the regions enclosing it, most specific first', () => {
    expect(regionAncestry(HS)).toEqual([HS, JY, '320200', '320000']);
    expect(regionAncestry(JY)).toEqual([JY, '320200', '320000']);
    expect(regionAncestry('320000')).toEqual(['320000']);
    expect(regionAncestry('abc')).toEqual([]);
  });
});

describe('devolution rules', () => {
  it('counts licensing and public service apart from penalty and other powers', () => {
    expect(['licensing', 'public_service', 'confirmation'].map(devolutionCategory)).toEqual(['approval_service', 'approval_service', 'approval_service']);
    expect(['penalty', 'compulsion', 'inspection', 'other'].map(devolutionCategory)).toEqual(['penalty_other', 'penalty_other', 'penalty_other', 'penalty_other']);
  });

  it('only devolves to a town or zone, received by one of its bodies', () => {
    expect(devolutionTargetProblems(HS, { level: 'town' }, HS_GOV, HS_GOV.id)).toEqual([]);
    expect(devolutionTargetProblems(JY, { level: 'county' }, null, null).map((p) => p.field)).toEqual(['regionCode']);
    expect(devolutionTargetProblems(HS, undefined, null, null).map((p) => p.field)).toEqual(['regionCode']);
    expect(devolutionTargetProblems(ZZ, { level: 'town' }, HS_GOV, HS_GOV.id).map((p) => p.field)).toEqual(['orgId']);
    expect(devolutionTargetProblems(HS, { level: 'town' }, CGJ, CGJ.id).map((p) => p.field)).toEqual(['orgId']);
  });
});

describe('territorial duty routing', () => {
  const none = new Map<number, DevolutionFacts>();

  it('takes the most specific entry for the town', () => {
    const county = entry(1, JY, 'town');
    const town = entry(2, HS, 'town');
    expect(selectDutyEntry([county, town], HS, none)?.entry.id).toBe(2);
    expect(selectDutyEntry([county, town], ZZ, none)?.entry.id).toBe(1);
    expect(selectDutyEntry([county], '320282101', none)).toBeNull();
  });

  it('never lets a town lead a matter the county list gives to a department, unless devolved to that town', () => {
    const county = entry(1, JY, 'department');
    const town = entry(2, HS, 'town', { devolutionId: 7 });
    const kept = selectDutyEntry([county, town], HS, none);
    expect(kept).toMatchObject({ entry: { id: 1 }, keptWithDepartment: true });
    const dev = new Map([[7, { id: 7, regionCode: HS, status: 'active', decisionNo: '苏政发〔2024〕1号' }]]);
    expect(selectDutyEntry([county, town], HS, dev)).toMatchObject({ entry: { id: 2 }, devolution: { id: 7 }, keptWithDepartment: false });
    const withdrawn = new Map([[7, { id: 7, regionCode: HS, status: 'withdrawn', decisionNo: 'x' }]]);
    expect(selectDutyEntry([county, town], HS, withdrawn)?.entry.id).toBe(1);
    const elsewhere = new Map([[7, { id: 7, regionCode: ZZ, status: 'active', decisionNo: 'x' }]]);
    expect(selectDutyEntry([county, town], HS, elsewhere)?.entry.id).toBe(1);
  });

  it('composes the lead, the supporting units and the reason with the basis', () => {
    const sel = selectDutyEntry([entry(1, JY, 'department')], HS, none);
    if (!sel) throw new Error('no selection');
    const units = groupDuties(sel.entry.duties);
    const route = composeRoute(sel, units, [CGJ, HS_GOV]);
    expect(route?.lead).toEqual({ orgId: CGJ.id, name: CGJ.name, kind: 'department', duties: [{ id: 10, text: '查处', basis: '《城市市容和环境卫生管理条例》第三十二条' }] });
    expect(route?.supporting.map((s) => [s.orgId, s.kind])).toEqual([[HS_GOV.id, 'town']]);
    expect(route?.reason).toMatchObject({ dutyId: 10, basis: '《城市市容和环境卫生管理条例》第三十二条', matterId: 1 });
    expect(route?.reason.zh).toContain('江阴市城市管理局牵头');
  });

  it('refuses a department lead that resolves to a town body, and a lead that does not resolve', () => {
    const sel = selectDutyEntry([entry(1, JY, 'department')], HS, none);
    if (!sel) throw new Error('no selection');
    const units = groupDuties(sel.entry.duties);
    expect(composeRoute(sel, units, [HS_ENF, HS_GOV])).toBeNull();
    expect(composeRoute(sel, units, [null, HS_GOV])).toBeNull();
    expect(composeRoute(sel, units, [{ ...CGJ, active: false }, HS_GOV])).toBeNull();
    const town = selectDutyEntry([entry(2, JY, 'town')], HS, none);
    if (!town) throw new Error('no selection');
    expect(composeRoute(town, groupDuties(town.entry.duties), [CGJ, HS_GOV])).toBeNull();
    expect(composeRoute(town, groupDuties(town.entry.duties), [HS_GOV, HS_GOV])?.lead.kind).toBe('town');
  });
});

describe('territorial duty validation', () => {
  const input = (over: Partial<DutyEntryInput> = {}): DutyEntryInput => ({
    matterCode: 'event.garbage',
    name: '生活垃圾乱堆乱放',
    field: '城市管理',
    regionCode: JY,
    devolutionId: null,
    lead: { unitKind: 'department', orgId: CGJ.id, unitName: '市城市管理局', duties: [{ text: '查处', basis: '条例第三十二条' }] },
    supporting: [{ unitKind: 'town', orgId: null, unitName: '属地镇（街道）', duties: [{ text: '劝阻', basis: '条例第四条' }] }],
    ...over,
  });
  const orgs = new Map([CGJ, SCJ, HS_GOV, HS_ENF].map((o) => [o.id, o]));

  it('accepts a county entry with a department lead and the town in support', () => {
    expect(dutyUnitProblems(input(), orgs)).toEqual([]);
  });

  it('needs a basis for every duty, a real county department, and no named town body in a county-wide entry', () => {
    const bad = input({
      lead: { unitKind: 'department', orgId: HS_ENF.id, unitName: '镇执法局', duties: [{ text: '查处', basis: ' ' }] },
      supporting: [{ unitKind: 'town', orgId: HS_GOV.id, unitName: '华士镇', duties: [{ text: '劝阻', basis: '第四条' }] }],
    });
    expect(dutyUnitProblems(bad, orgs).map((p) => p.field)).toEqual(['lead.duties.0.basis', 'lead.orgId', 'supporting.0.orgId']);
    expect(dutyUnitProblems(input({ lead: { ...input().lead, orgId: null } }), orgs).map((p) => p.field)).toEqual(['lead.orgId']);
    expect(dutyUnitProblems(input({ devolutionId: 3 }), orgs).map((p) => p.field)).toEqual(['devolutionId']);
  });

  it('lets a town entry name its own body', () => {
    const town = input({ regionCode: HS, lead: { unitKind: 'town', orgId: HS_ENF.id, unitName: '镇执法局', duties: [{ text: '查处', basis: '赋权决定' }] } });
    expect(dutyUnitProblems(town, orgs)).toEqual([]);
  });

  it('refuses to push a department-led matter down to a town without a devolution to it', () => {
    const town = input({ regionCode: HS, lead: { unitKind: 'town', orgId: null, unitName: '华士镇', duties: [{ text: '查处', basis: 'x' }] } });
    const broader = [{ leadKind: 'department' as const, regionCode: JY }];
    expect(dutyPushDownProblem(town, broader, null).map((p) => p.field)).toEqual(['lead.unitKind']);
    expect(dutyPushDownProblem(town, broader, { status: 'active', regionCode: HS })).toEqual([]);
    expect(dutyPushDownProblem(town, broader, { status: 'suspended', regionCode: HS })).toHaveLength(1);
    expect(dutyPushDownProblem(town, [{ leadKind: 'town', regionCode: JY }], null)).toEqual([]);
  });
});

describe('unlistedProofs', () => {
  it('reports proofs that are not on the list or were cancelled', () => {
    const c = content('开办托育机构', '卫健委', [
      { name: '无犯罪记录证明', proofCode: 'zm-001' },
      { name: '健康证明', proofCode: 'ZM-002' },
      { name: '场所证明', proofCode: 'ZM-404' },
      { name: '申请书' },
    ]);
    const listed = new Map<string, 'listed' | 'cancelled'>([
      ['ZM-001', 'listed'],
      ['ZM-002', 'cancelled'],
    ]);
    expect(unlistedProofs(c, listed)).toEqual([
      { index: 1, name: '健康证明', proofCode: 'ZM-002', reason: 'cancelled' },
      { index: 2, name: '场所证明', proofCode: 'ZM-404', reason: 'unlisted' },
    ]);
  });
});
