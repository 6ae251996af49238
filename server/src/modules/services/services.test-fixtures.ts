/** Test data of the services API tests: a county, departments, published items, a bundle, accounts. Not used by the application. */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { createTestAccount, signIn, type TestApp } from '../../../test/helpers/app.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { makeResidentId, makeUscc } from '../../platform/ids/index.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { BundleService, publishDirect, type ItemContentInput } from '../catalog/index.ts';

export const JY = '320281';
export const YX = '320282';
export const HUASHI = '320281107';

export const PERSON_ID = makeResidentId('32028119880516001');
export const AGENT_ID = makeResidentId('32028119900101002');
export const OTHER_ID = makeResidentId('32028119850303003');
export const FIRM_USCC = makeUscc('91320281MA1X2Y3U4');
export const WALKIN_ID = makeResidentId('32028119700707004');

export interface Fixture {
  orgs: { gov: number; spj: number; gaj: number; swj: number; zwfw: number; yx: number; hsCentre: number };
  items: { food: number; register: number; seal: number; invoice: number; simple: number };
  h: Record<string, Record<string, string>>;
  ids: Record<string, number>;
}

const food = (orgId: number): ItemContentInput => ({
  name: '食品经营许可',
  baseCode: 'XK00101001T',
  implCode: 'SVC-food',
  itemType: 'licensing',
  level: 'county',
  legalBasis: [{ law: '中华人民共和国食品安全法', article: '第三十五条' }],
  implementingBody: { orgId, name: '江阴市行政审批局' },
  materials: [
    { name: '食品经营许可申请书' },
    { name: '营业执照复印件', licenseType: '营业执照', form: 'copy' },
    { name: '食品安全管理制度文本', deferrable: true },
  ],
  process: [{ name: '申请' }, { name: '受理' }, { name: '审查', days: 3 }, { name: '决定', days: 2 }, { name: '送达' }],
  specialProcedures: [
    { name: '现场核查', maxDays: 10, counted: false, basis: '《食品经营许可和备案管理办法》第二十条' },
    { name: '专家评审', maxDays: 30, counted: true },
  ],
  statutoryDays: 20,
  promisedDays: 5,
  applicantKinds: ['person', 'legal'],
  commitmentAllowed: true,
  result: { name: '食品经营许可证', licenseType: '食品经营许可证', validYears: 5 },
});

const simple = (orgId: number, name: string, impl: string, materials: ItemContentInput['materials'], over: Partial<ItemContentInput> = {}): ItemContentInput => ({
  name,
  implCode: impl,
  itemType: 'licensing',
  level: 'county',
  implementingBody: { orgId, name: 'x' },
  materials,
  process: [{ name: '审查决定' }],
  promisedDays: 2,
  statutoryDays: 20,
  applicantKinds: ['person', 'legal'],
  ...over,
});

const who = { actor: SYSTEM_ACTOR };

export async function setUpServices(t: TestApp): Promise<Fixture> {
  const db = t.db();
  await db.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null), ('320200', '无锡市', 'city', '320000', null),
    (${JY}, '江阴市', 'county', '320200', null), (${YX}, '宜兴市', 'county', '320200', null) on conflict (code) do nothing`);
  await db.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values (${HUASHI}, '华士镇', 'town', ${JY}, 'town') on conflict (code) do nothing`);
  const gov = await insertOrg(db, { code: 's.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
  const spj = await insertOrg(db, { code: 's.spj', name: '江阴市行政审批局', type: 'approval_bureau', level: 'county', regionCode: JY, parentId: gov });
  const gaj = await insertOrg(db, { code: 's.gaj', name: '江阴市公安局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  const swj = await insertOrg(db, { code: 's.swj', name: '国家税务总局江阴市税务局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  const zwfw = await insertOrg(db, { code: 's.zwfw', name: '江阴市政务服务中心', type: 'service_centre', level: 'county', regionCode: JY, parentId: gov });
  const yx = await insertOrg(db, { code: 's.yx', name: '宜兴市行政审批局', type: 'approval_bureau', level: 'county', regionCode: YX });
  const hsCentre = await insertOrg(db, { code: 's.hs.svc', name: '江阴市华士镇便民服务中心', type: 'service_centre', level: 'town', regionCode: HUASHI, parentId: gov });
  const out = await publishDirect(
    db,
    [
      food(spj),
      simple(spj, '企业设立登记', 'SVC-register', [{ name: '公司登记（备案）申请书' }, { name: '公司章程' }], {
        promisedDays: 2,
        result: { name: '营业执照', licenseType: '营业执照', validYears: null },
      }),
      simple(gaj, '印章刻制备案', 'SVC-seal', [{ name: '营业执照', licenseType: '营业执照' }, { name: '印章刻制申请表', deferrable: true }], { promisedDays: 1 }),
      simple(swj, '发票领用', 'SVC-invoice', [{ name: '营业执照', licenseType: '营业执照' }, { name: '发票领用申请表' }], { promisedDays: 1 }),
      simple(spj, '个体工商户设立登记', 'SVC-simple', [{ name: '个体工商户登记申请书' }, { name: '经营场所使用证明' }], { promisedDays: 3, process: [{ name: '审查' }, { name: '决定' }] }),
    ],
    { approvalDocNo: '澄政发〔2026〕1号', effectiveDate: '2026-01-01', who },
  );
  const byImpl = new Map(out.items.map((i) => [i.implCode, i.itemId]));
  const items = {
    food: byImpl.get('SVC-food')!,
    register: byImpl.get('SVC-register')!,
    seal: byImpl.get('SVC-seal')!,
    invoice: byImpl.get('SVC-invoice')!,
    simple: byImpl.get('SVC-simple')!,
  };
  const bundles = new BundleService(db);
  const b = await bundles.create(SYSTEM_ACTOR, who, {
    code: 'svc-setup',
    name: '开办企业一件事',
    lifeEvent: '企业开办',
    applicantKind: 'legal',
    regionCode: JY,
    questions: [],
    members: [
      {
        itemId: items.register,
        condition: null,
        formFields: [
          { key: 'companyName', label: '企业名称', type: 'text', required: true },
          { key: 'legalRepId', label: '法定代表人身份证号', type: 'resident_id', required: true },
        ],
        produces: ['营业执照'],
      },
      { itemId: items.seal, condition: null, formFields: [], produces: [] },
      { itemId: items.invoice, condition: null, formFields: [], produces: [] },
    ],
  });
  await bundles.setStatus(SYSTEM_ACTOR, who, 'svc-setup', 'published', b.version);

  const ids: Record<string, number> = {};
  ids.person = await createTestAccount(t, { username: 'person', kind: 'person', displayName: '陈思远', residentId: PERSON_ID, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  ids.other = await createTestAccount(t, { username: 'other', kind: 'person', displayName: '李四', residentId: OTHER_ID, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  ids.agent = await createTestAccount(t, { username: 'agent', kind: 'person', displayName: '代办员张三', residentId: AGENT_ID, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  ids.firm = await createTestAccount(t, { username: 'firm', kind: 'legal', displayName: '江阴市恒通纺织有限公司', uscc: FIRM_USCC, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  ids.clerk = await createTestAccount(t, { username: 'clerk', displayName: '王敏', orgId: zwfw, grants: [{ role: 'window_clerk', regionCode: JY, orgId: null }] });
  ids.spj1 = await createTestAccount(t, { username: 'spj1', displayName: '陈立', orgId: spj, grants: [{ role: 'approver', regionCode: JY, orgId: spj }] });
  ids.spj2 = await createTestAccount(t, { username: 'spj2', displayName: '周敏', orgId: spj, grants: [{ role: 'approver', regionCode: JY, orgId: spj }] });
  ids.gaj = await createTestAccount(t, { username: 'gaj', displayName: '公安审批员', orgId: gaj, grants: [{ role: 'approver', regionCode: JY, orgId: gaj }] });
  ids.swj = await createTestAccount(t, { username: 'swj', displayName: '税务审批员', orgId: swj, grants: [{ role: 'approver', regionCode: JY, orgId: swj }] });
  ids.leader = await createTestAccount(t, { username: 'leader', displayName: '局长', orgId: gov, grants: [{ role: 'leader', regionCode: JY, orgId: null }] });
  ids.yx = await createTestAccount(t, { username: 'yx', displayName: '宜兴审批员', orgId: yx, grants: [{ role: 'approver', regionCode: YX, orgId: yx }, { role: 'window_clerk', regionCode: YX, orgId: null }] });
  // a town window (便民服务中心): any window accepts any matter (无差别全科受理), county items included
  ids.townclerk = await createTestAccount(t, { username: 'townclerk', displayName: '华士窗口', orgId: hsCentre, grants: [{ role: 'window_clerk', regionCode: HUASHI, orgId: null }] });
  const h: Record<string, Record<string, string>> = {};
  for (const u of ['person', 'other', 'agent', 'firm', 'clerk', 'spj1', 'spj2', 'gaj', 'swj', 'leader', 'yx', 'townclerk']) h[u] = await signIn(t.app, u);
  return { orgs: { gov, spj, gaj, swj, zwfw, yx, hsCentre }, items, h, ids };
}

/** A small valid PDF for uploads. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export async function count(t: TestApp, q: ReturnType<typeof sql>): Promise<number> {
  const [row] = await query<{ n: number }>(t.db(), q);
  return row.n;
}

export function ok<T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T {
  if (res.statusCode !== status) expect.fail(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json() as T;
}
