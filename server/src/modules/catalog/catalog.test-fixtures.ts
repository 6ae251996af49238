/** Test data of the catalog's item, version and adjustment tests (not used by the application). */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import type { ItemContentInput } from './catalog.content.ts';

export const JIANGYIN = '320281';
export const HUASHI = '320281107';
export const YIXING = '320282';

/** The few regions the tests' organisations need (the full region load is the org module's test). */
export async function insertTestRegions(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null),
    ('320200', '无锡市', 'city', '320000', null),
    (${JIANGYIN}, '江阴市', 'county', '320200', null),
    (${HUASHI}, '华士镇', 'town', ${JIANGYIN}, 'town'),
    (${YIXING}, '宜兴市', 'county', '320200', null)
    on conflict (code) do nothing`);
}

export interface TestOrgs {
  gov: number;
  scjg: number;
  hs: number;
  yx: number;
}

export async function insertTestOrgs(ex: Executor, prefix = 't'): Promise<TestOrgs> {
  await insertTestRegions(ex);
  const gov = await insertOrg(ex, { code: `${prefix}.gov`, name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JIANGYIN });
  const scjg = await insertOrg(ex, { code: `${prefix}.scjg`, name: '江阴市市场监督管理局', type: 'department', level: 'county', regionCode: JIANGYIN, parentId: gov });
  const hs = await insertOrg(ex, { code: `${prefix}.hs`, name: '江阴市华士镇人民政府', type: 'town_government', level: 'town', regionCode: HUASHI, parentId: gov });
  const yx = await insertOrg(ex, { code: `${prefix}.yx`, name: '宜兴市市场监督管理局', type: 'department', level: 'county', regionCode: YIXING });
  return { gov, scjg, hs, yx };
}

/** A complete food-business licence guide implemented by `orgId`. */
export function foodLicence(orgId: number | null, over: Partial<ItemContentInput> = {}): ItemContentInput {
  return {
    name: '食品经营许可',
    baseCode: 'XK0010100100',
    implCode: 'XK0010100100-320281000000-000-113202810000000001-1-00',
    itemType: 'licensing',
    variant: 'new',
    level: 'county',
    legalBasis: [
      { law: '中华人民共和国食品安全法', article: '第三十五条' },
      { law: '食品经营许可和备案管理办法', article: '第六条' },
    ],
    implementingBody: { orgId, name: '江阴市市场监督管理局' },
    acceptanceConditions: ['申请人已取得营业执照等合法主体资格'],
    materials: [
      { name: '食品经营许可申请书', copies: 1 },
      { name: '营业执照复印件', copies: 1, form: 'copy' },
      { name: '食品安全管理制度文本', copies: 1, deferrable: true },
    ],
    process: [{ name: '受理' }, { name: '审查' }, { name: '决定' }],
    statutoryDays: 20,
    promisedDays: 5,
    fees: [],
    visits: 1,
    channels: ['window', 'online'],
    applicantKinds: ['person', 'legal'],
    lifeEvents: ['开餐馆'],
    commitmentAllowed: true,
    ...over,
  };
}

/** `n` distinct minimal items for bulk publication. */
export function bulkContents(n: number, regionCode = JIANGYIN): ItemContentInput[] {
  const out: ItemContentInput[] = [];
  for (let i = 0; i < n; i++) {
    const type = i % 5 === 0 ? 'public_service' : i % 3 === 0 ? 'penalty' : 'licensing';
    out.push({
      name: `测试事项${String(i).padStart(5, '0')}`,
      baseCode: `T${String(i).padStart(7, '0')}`,
      implCode: `T${String(i).padStart(7, '0')}-${regionCode.padEnd(12, '0')}-000-X-1-00`,
      regionCode,
      itemType: type,
      implementingBody: { orgId: null, name: `部门${i % 30}` },
      legalBasis: [{ law: '测试法', article: `第${(i % 90) + 1}条` }],
      materials: [
        { name: '申请书', copies: 1 },
        { name: '身份证明', copies: 1, deferrable: i % 7 === 0 },
      ],
      process: [{ name: '受理' }, { name: '决定' }],
      statutoryDays: 20,
      promisedDays: 10,
      visits: i % 3,
      channels: i % 2 ? ['window', 'online'] : ['window'],
      commitmentAllowed: i % 11 === 0,
    });
  }
  return out;
}
