/**
 * Test and bench data of catalog search (not used by the application): the
 * real item names of one district (广安区, test/fixtures/catalog, Apache-2.0)
 * plus the formal items the search tests look for, each with a plausible
 * guide (materials, conditions, legal basis, life events, FAQ) validated by
 * ItemContent, inserted straight into catalog_items as published items.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { ItemContent, type ItemContentInput } from './catalog.content.ts';
import { items } from './catalog.schema.ts';
import type { ItemType } from './catalog.types.rules.ts';

export const SAMPLE_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/catalog/sichuan-guangan-guanganqu-511602-items.json');
export const GUANGAN = '511602';

interface SampleItem {
  department: string;
  mainItem: string;
  name: string;
  itemCode: string;
  taskType: number;
}

const TASK_TYPES: Record<number, ItemType> = { 1: 'licensing', 5: 'benefit', 7: 'confirmation', 8: 'reward', 9: 'adjudication', 10: 'other', 20: 'public_service' };

/** Formal items the search tests need that the district sample lacks (names as published elsewhere). */
const EXTRA: SampleItem[] = [
  ['区住房公积金管理部', '住房公积金单位缴存登记', 20],
  ['区住房公积金管理部', '住房公积金个人账户设立', 20],
  ['区住房公积金管理部', '住房公积金提取（购买自住住房）', 20],
  ['区住房公积金管理部', '住房公积金提取（离休、退休）', 20],
  ['区住房公积金管理部', '住房公积金个人住房贷款', 20],
  ['区住房公积金管理部', '住房公积金缴存基数调整', 20],
  ['区行政审批局', '食品经营许可证核发（餐饮服务）', 1],
  ['区行政审批局', '小餐饮店登记', 10],
  ['区行政审批局', '个体工商户设立登记（营业执照办理）', 1],
  ['区行政审批局', '企业开办一件事（营业执照、印章刻制、发票申领、社保登记）', 20],
  ['区行政审批局', '有限责任公司设立登记', 1],
  ['区卫健局', '《出生医学证明》换发、补发', 20],
  ['区公安分局', '新生儿出生登记（户口申报）', 7],
  ['区医疗保障局', '新生儿参加城乡居民基本医疗保险登记', 20],
  ['区住建局', '建筑工程施工许可证核发（工业厂房）', 1],
].map(([department, name, taskType]) => ({ department: department as string, mainItem: '未分类', name: name as string, itemCode: '', taskType: taskType as number }));

let sampleCache: SampleItem[] | null = null;
export function sampleItems(): SampleItem[] {
  sampleCache ??= [...(JSON.parse(fs.readFileSync(SAMPLE_FILE, 'utf8')) as SampleItem[]), ...EXTRA];
  return sampleCache;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LAWS: [RegExp, string][] = [
  [/食品|餐饮/, '中华人民共和国食品安全法'],
  [/公司|企业|个体工商户|合伙|营业执照/, '市场主体登记管理条例'],
  [/施工|建筑|工程|规划/, '中华人民共和国建筑法'],
  [/规划|土地|用地/, '中华人民共和国城乡规划法'],
  [/公积金/, '住房公积金管理条例'],
  [/出生|新生儿|户口|身份证/, '中华人民共和国户口登记条例'],
  [/社会保险|养老|失业|工伤|医疗保险/, '中华人民共和国社会保险法'],
  [/道路|运输|出租汽车|驾驶/, '中华人民共和国道路运输条例'],
  [/税/, '中华人民共和国税收征收管理法'],
  [/林|草|种子/, '中华人民共和国森林法'],
  [/水|河道/, '中华人民共和国水法'],
  [/演出|娱乐|网吧|上网/, '营业性演出管理条例'],
];

const LIFE_EVENTS: [RegExp, string][] = [
  [/食品|餐饮/, '开餐馆'],
  [/设立登记|营业执照|企业开办|个体工商户/, '企业开办'],
  [/施工|规划许可|建设工程/, '工程建设'],
  [/公积金/, '住房'],
  [/出生|新生儿/, '新生儿出生'],
  [/养老|退休/, '退休养老'],
  [/失业|就业|创业/, '就业创业'],
  [/户口|身份证/, '户籍办理'],
  [/出租汽车|道路运输/, '交通出行'],
];

/** A plausible published guide for a sample item (valid ItemContent input). */
export function sampleContent(s: SampleItem, orgName: string, seed: number): ItemContentInput {
  const r = rng(seed);
  const itemType = TASK_TYPES[s.taskType] ?? 'other';
  const legal = /公司|企业|经营|许可|运输|工程|单位/.test(s.name);
  const materials: ItemContentInput['materials'] = [{ name: `${s.name.slice(0, 40)}申请表`, copies: 1 }];
  if (legal) materials.push({ name: '营业执照复印件', form: 'copy', licenseType: '营业执照' });
  materials.push({ name: legal ? '法定代表人居民身份证' : '申请人居民身份证', form: 'original', licenseType: '居民身份证' });
  if (/食品|餐饮/.test(s.name)) materials.push({ name: '食品安全管理制度', deferrable: true }, { name: '经营场所平面布局图' });
  if (/施工|建筑|工程/.test(s.name)) materials.push({ name: '建设工程规划许可证' }, { name: '施工图设计文件审查合格书' });
  if (/设立登记|营业执照/.test(s.name)) materials.push({ name: '公司章程' }, { name: '住所使用证明' });
  if (/出生/.test(s.name)) materials.push({ name: '出生医学证明' }, { name: '父母双方户口簿' });
  const law = LAWS.find(([re]) => re.test(s.name))?.[1] ?? '中华人民共和国行政许可法';
  const lifeEvents = LIFE_EVENTS.filter(([re]) => re.test(s.name)).map(([, e]) => e);
  const visits = r() < 0.4 ? 0 : r() < 0.8 ? 1 : 2;
  return {
    name: s.name,
    itemType,
    subItemName: s.mainItem !== '未分类' && s.mainItem !== s.name ? s.mainItem : undefined,
    level: 'county',
    legalBasis: [{ law, article: `第${1 + Math.floor(r() * 60)}条` }],
    implementingBody: { orgId: null, name: orgName },
    acceptanceConditions: [legal ? '申请人已依法取得营业执照或其他主体资格证明' : '申请人为本区户籍居民或在本区居住', '申请材料齐全、符合法定形式'],
    materials,
    process: [{ name: '申请' }, { name: '受理' }, { name: '审查' }, { name: '决定' }, { name: '送达' }],
    statutoryDays: itemType === 'licensing' ? 20 : null,
    promisedDays: itemType === 'licensing' ? 1 + Math.floor(r() * 10) : null,
    visits,
    channels: visits === 0 ? ['online'] : ['window', 'online'],
    applicantKinds: legal ? ['legal'] : ['person'],
    lifeEvents,
    faq: [{ q: `办理${s.name.slice(0, 30)}需要多长时间？`, a: '材料齐全的，在承诺时限内办结。' }],
    commitmentAllowed: r() < 0.3,
  };
}

export interface FixtureItem {
  implCode: string;
  itemType: ItemType;
  name: string;
  subItemName: string | null;
  regionCode: string;
  orgId: number | null;
  orgName: string;
  level: 'county' | 'town';
  status: 'draft' | 'published' | 'retired';
  currentVersion: number;
  visits: number | null;
  online: boolean;
  statutoryDays: number | null;
  promisedDays: number | null;
  applicantKinds: string[];
  lifeEvents: string[];
  commitmentAllowed: boolean;
  popularity: number;
  content: unknown;
}

const orgNameOf = (department: string) => (department.startsWith('区') ? `广安区${department.slice(1)}` : department);

/** One published catalog row per sample item (the district, 1,150 items). */
export function districtItems(): FixtureItem[] {
  return sampleItems().map((s, i) => fixtureItem(s, orgNameOf(s.department), GUANGAN, `S${i}`, i + 1));
}

/** Town-level copies of the district's public services and filings, for a large catalog (bench): `towns` × the sample. */
export function townItems(towns: readonly { code: string; name: string }[]): FixtureItem[] {
  const out: FixtureItem[] = [];
  towns.forEach((town, t) => {
    sampleItems().forEach((s, i) => {
      const org = `${town.name}${['便民服务中心', '综合行政执法大队', '人民政府', '社会事务办公室'][i % 4]}`;
      out.push({ ...fixtureItem(s, org, town.code, `T${t}-${i}`, (t + 1) * 100_000 + i), level: 'town' });
    });
  });
  return out;
}

function fixtureItem(s: SampleItem, orgName: string, regionCode: string, key: string, seed: number): FixtureItem {
  const content = ItemContent.parse(sampleContent(s, orgName, seed));
  const r = rng(seed * 7 + 3);
  return {
    implCode: s.itemCode ? `${s.itemCode}-${key}` : `SEARCH-${key}`,
    itemType: content.itemType,
    name: content.name,
    subItemName: content.subItemName ?? null,
    regionCode,
    orgId: null,
    orgName,
    level: 'county',
    status: 'published',
    currentVersion: 1,
    visits: content.visits,
    online: content.channels.includes('online'),
    statutoryDays: content.statutoryDays,
    promisedDays: content.promisedDays,
    applicantKinds: content.applicantKinds,
    lifeEvents: content.lifeEvents,
    commitmentAllowed: content.commitmentAllowed,
    popularity: Math.floor(r() ** 3 * 5000),
    content,
  };
}

/** Inserts fixture rows (chunks of 400); returns their ids in order. */
export async function insertFixtureItems(ex: Executor, rows: readonly FixtureItem[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const part = rows.slice(i, i + 400);
    const inserted = await ex.insert(items).values(part.map((r) => ({ ...r }))).returning({ id: items.id });
    ids.push(...inserted.map((x) => x.id));
  }
  return ids;
}

/** Inserts one published item from content (for edge cases: hostile names, filters). */
export async function insertContentItem(ex: Executor, input: ItemContentInput, over: Partial<FixtureItem> = {}): Promise<number> {
  const content = ItemContent.parse(input);
  const [row] = await ex
    .insert(items)
    .values({
      implCode: `SEARCH-X-${Math.random().toString(36).slice(2)}`,
      itemType: content.itemType,
      name: content.name,
      subItemName: content.subItemName ?? null,
      regionCode: GUANGAN,
      orgId: content.implementingBody.orgId,
      orgName: content.implementingBody.name,
      level: content.level,
      status: 'published',
      currentVersion: 1,
      visits: content.visits,
      online: content.channels.includes('online'),
      statutoryDays: content.statutoryDays,
      promisedDays: content.promisedDays,
      applicantKinds: content.applicantKinds,
      lifeEvents: content.lifeEvents,
      commitmentAllowed: content.commitmentAllowed,
      content,
      ...over,
    })
    .returning({ id: items.id });
  return row.id;
}

/** Marks an item retired (as publication of a retirement would). */
export async function retireItem(ex: Executor, id: number): Promise<void> {
  await ex.execute(sql`update catalog_items set status = 'retired' where id = ${id}`);
}
