/** Test data of the cases module: Jiangyin regions, organisations, duty-list entries and accounts with their roles. */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import { DutyService } from '../catalog/index.ts';
import { insertOrg } from '../org/index.ts';
import { createTestAccount, signIn, type TestApp } from '../../../test/helpers/app.ts';

export const JY = '320281';
export const HS = '320281107';
export const ZZ = '320281108';
export const YX = '320282';
/** A point in 华士镇 (and one ~20 m north of it). */
export const HERE = { lng: 120.4521, lat: 31.8013 };
export const NEAR = { lng: 120.4521, lat: 31.80148 };

export async function insertCaseRegions(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null),
    ('320200', '无锡市', 'city', '320000', null),
    (${JY}, '江阴市', 'county', '320200', null),
    (${HS}, '华士镇', 'town', ${JY}, 'town'),
    (${ZZ}, '周庄镇', 'town', ${JY}, 'town'),
    (${YX}, '宜兴市', 'county', '320200', null)
    on conflict (code) do nothing`);
}

export type Orgs = Record<'gov' | 'cyzx' | 'cgj' | 'zfj' | 'zrj' | 'fgw' | 'hs' | 'hsCmd' | 'hsEnf' | 'zz', number>;

export async function insertCaseOrgs(ex: Executor): Promise<Orgs> {
  const gov = await insertOrg(ex, { code: 'c.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
  const dept = (code: string, name: string, type: 'department' | 'command_centre' = 'department') => insertOrg(ex, { code: `c.${code}`, name, type, level: 'county', regionCode: JY, parentId: gov });
  const o = {
    gov,
    cyzx: await dept('cyzx', '江阴市城市运行管理中心', 'command_centre'),
    cgj: await dept('cgj', '江阴市城市管理局'),
    zfj: await dept('zfj', '江阴市综合行政执法局'),
    zrj: await dept('zrj', '江阴市自然资源和规划局'),
    fgw: await dept('fgw', '江阴市发展和改革委员会'),
    hs: await insertOrg(ex, { code: 'c.hs', name: '江阴市华士镇人民政府', type: 'town_government', level: 'town', regionCode: HS, parentId: gov }),
    zz: await insertOrg(ex, { code: 'c.zz', name: '江阴市周庄镇人民政府', type: 'town_government', level: 'town', regionCode: ZZ, parentId: gov }),
  } as Orgs;
  o.hsCmd = await insertOrg(ex, { code: 'c.hs.cmd', name: '华士镇综合指挥中心', type: 'command_centre', level: 'town', regionCode: HS, parentId: o.hs });
  o.hsEnf = await insertOrg(ex, { code: 'c.hs.enf', name: '华士镇综合行政执法局', type: 'enforcement_team', level: 'town', regionCode: HS, parentId: o.hs });
  return o;
}

/** County-wide duty entries: 暴露垃圾 and 占道经营 led by the town; 违法建设 by the enforcement bureau; business-environment complaints by the NDRC office. */
export async function insertCaseDuties(db: Db, o: Orgs): Promise<void> {
  const duties = new DutyService(db);
  const who = { actor: SYSTEM_ACTOR as Actor };
  const d = (text: string, basis: string) => [{ text, basis }];
  const town = (text: string) => ({ unitKind: 'town' as const, orgId: null, unitName: '镇（街道）', duties: d(text, '《城市市容和环境卫生管理条例》第四条') });
  const dept = (orgId: number, unitName: string, text: string, basis: string) => ({ unitKind: 'department' as const, orgId, unitName, duties: d(text, basis) });
  await duties.create(SYSTEM_ACTOR, who, {
    matterCode: 'event.garbage_exposed',
    name: '暴露垃圾',
    field: '市容环境',
    regionCode: JY,
    devolutionId: null,
    lead: town('组织环卫作业单位及时清运'),
    supporting: [dept(o.cgj, '江阴市城市管理局', '指导环卫作业标准', '《城市市容和环境卫生管理条例》第四条')],
  });
  await duties.create(SYSTEM_ACTOR, who, {
    matterCode: 'event.street_vending',
    name: '占道经营',
    field: '街面秩序',
    regionCode: JY,
    devolutionId: null,
    lead: town('劝导规范、依法查处占道经营'),
    supporting: [],
  });
  await duties.create(SYSTEM_ACTOR, who, {
    matterCode: 'event.illegal_building',
    name: '违法建设',
    field: '规划建设',
    regionCode: JY,
    devolutionId: null,
    lead: dept(o.zfj, '江阴市综合行政执法局', '依法查处城市规划区内违法建设', '《中华人民共和国城乡规划法》第六十四条'),
    supporting: [town('网格巡查发现、劝阻制止，及时上报'), dept(o.zrj, '江阴市自然资源和规划局', '出具规划认定意见', '《中华人民共和国城乡规划法》')],
  });
  await duties.create(SYSTEM_ACTOR, who, {
    matterCode: 'complaint.business_environment',
    name: '营商环境投诉',
    field: '营商环境',
    regionCode: JY,
    devolutionId: null,
    lead: dept(o.fgw, '江阴市发展和改革委员会', '受理核实、协调责任单位限时解决并反馈', '《优化营商环境条例》第四十九条'),
    supporting: [],
  });
}

export type Users = Record<string, Record<string, string>>;

/** Accounts of every role the loop needs, signed in (headers per username). */
export async function caseAccounts(t: TestApp, o: Orgs): Promise<{ h: Users; ids: Record<string, number> }> {
  const ids: Record<string, number> = {};
  const staff: [string, Parameters<typeof createTestAccount>[1]['grants']][] = [
    ['admin', [{ role: 'admin', regionCode: null, orgId: null }]],
    ['grid', [{ role: 'grid_worker', regionCode: HS, orgId: null }]],
    ['disp', [{ role: 'dispatcher', regionCode: JY, orgId: null }]],
    ['disp2', [{ role: 'dispatcher', regionCode: JY, orgId: null }]],
    ['hsdisp', [{ role: 'dispatcher', regionCode: HS, orgId: null }]],
    ['yxdisp', [{ role: 'dispatcher', regionCode: YX, orgId: null }]],
    ['hsEnf', [{ role: 'handler', regionCode: HS, orgId: o.hsEnf }]],
    ['zfj', [{ role: 'handler', regionCode: JY, orgId: o.zfj }]],
    ['zrj', [{ role: 'handler', regionCode: JY, orgId: o.zrj }]],
    ['fgw', [{ role: 'handler', regionCode: JY, orgId: o.fgw }]],
    ['leader', [{ role: 'leader', regionCode: JY, orgId: null }]],
    ['sensor', [{ role: 'grid_worker', regionCode: JY, orgId: null }]],
  ];
  for (const [username, grants] of staff) ids[username] = await createTestAccount(t, { username, displayName: username, grants });
  ids.citizen = await createTestAccount(t, { username: 'citizen', kind: 'person', displayName: '张三', residentId: '320281199003071526', grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  ids.firm = await createTestAccount(t, {
    username: 'firm',
    kind: 'legal',
    displayName: '江阴市华士恒通纺织有限公司',
    uscc: '91350100M000100Y43',
    grants: [{ role: 'applicant', regionCode: null, orgId: null }],
  });
  const h: Users = {};
  for (const u of Object.keys(ids)) if (u !== 'sensor') h[u] = await signIn(t.app, u);
  return { h, ids };
}
