import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { query } from '../../platform/db/index.ts';
import { GUANGAN, districtItems, insertContentItem, insertFixtureItems, retireItem } from './search.test-fixtures.ts';
import { indexBundle, indexItem, indexItems, reindexAll } from './search.indexer.ts';
import { searchItemsSql } from './search.repository.ts';
import { FEW_RESULTS, SearchService, type SearchHit } from './search.service.ts';

const names = (items: SearchHit[]) => items.map((i) => i.name);

describeEachBackend('catalog search', (backend) => {
  let db: TestDatabase;
  let search: SearchService;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await freshDatabase(backend);
    const rows = districtItems();
    const inserted = await insertFixtureItems(db.db, rows);
    rows.forEach((r, i) => (ids[r.name] ??= inserted[i]));
    ids.hostile = await insertContentItem(db.db, {
      name: '<img src=x onerror=alert(1)>食品经营许可（测试）',
      itemType: 'licensing',
      implementingBody: { orgId: null, name: '广安区"行政审批局"' },
      materials: [{ name: "O'Brien\\ 材料" }],
    });
    ids.draft = await insertContentItem(db.db, { name: '住房公积金草稿事项', itemType: 'public_service', implementingBody: { orgId: null, name: '广安区住房公积金管理部' } }, { status: 'draft' });
    ids.guideOnly = await insertContentItem(db.db, {
      name: '摊点临时占用审批',
      itemType: 'licensing',
      implementingBody: { orgId: null, name: '广安区综合执法局' },
      acceptanceConditions: ['申请人已取得营业执照'],
      faq: [{ q: '夜市摊点能否办理？', a: '可以，需先办理营业执照。' }],
    });
    const result = await reindexAll(db.db);
    expect(result.items).toBe(rows.length + 2);
    search = new SearchService(db.db);
  });
  afterAll(() => db.destroy());

  it('indexes every published item and no draft', async () => {
    const [row] = await query<{ n: number; drafts: number }>(
      db.db,
      sql`select count(*)::int as n, count(*) filter (where item_id = ${ids.draft})::int as drafts from catalog_search_docs`,
    );
    expect(row.n).toBeGreaterThan(1100);
    expect(row.drafts).toBe(0);
  });

  it('开饭店 puts food-business and catering items at the top', async () => {
    const r = await search.search({ q: '开饭店', limit: 5 });
    expect(r.expanded).toEqual(expect.arrayContaining(['餐饮', '食品经营']));
    expect(r.total).toBeGreaterThanOrEqual(10);
    for (const name of names(r.items)) expect(name).toMatch(/餐饮|食品.*经营/);
    expect(names(r.items)).toContain('食品经营许可证核发（餐饮服务）');
    expect(r.items[0].highlight).toMatch(/<em>(餐饮|食品经营)<\/em>/);
  });

  it('我想开个饭店 (a question) finds the same', async () => {
    const r = await search.search({ q: '我想开个饭店，要什么材料？', limit: 3 });
    for (const name of names(r.items)) expect(name).toMatch(/餐饮|食品.*经营/);
  });

  it('公积金 finds the housing provident fund items', async () => {
    const r = await search.search({ q: '公积金', limit: 10 });
    expect(r.expanded).toContain('住房公积金');
    expect(r.items.length).toBe(6);
    for (const item of r.items) expect(item.name).toMatch(/^住房公积金/);
    expect(names(r.items)).not.toContain('住房公积金草稿事项');
  });

  it('办营业执照 finds business registration', async () => {
    const r = await search.search({ q: '办营业执照', limit: 5 });
    expect(names(r.items)[0]).toMatch(/设立登记|企业开办/);
    for (const name of names(r.items)) expect(name).toMatch(/设立登记|营业执照|企业开办/);
    expect(names(r.items)).toEqual(expect.arrayContaining(['个体工商户设立登记（营业执照办理）', '公司设立登记']));
  });

  it('盖厂房 finds construction permits', async () => {
    const r = await search.search({ q: '盖厂房', limit: 5 });
    for (const name of names(r.items)) expect(name).toMatch(/施工许可|规划许可/);
    expect(r.items[0].name).toBe('建筑工程施工许可证核发（工业厂房）');
  });

  it('a one-character typo in a formal name still finds it first', async () => {
    const r = await search.search({ q: '建筑工程施工许可正核发', limit: 5 });
    expect(r.relaxed).toBe(true);
    expect(r.items[0].name).toBe('建筑工程施工许可证核发');
    const r2 = await search.search({ q: '户口迁多审批', limit: 3 });
    expect(r2.items[0].name).toBe('户口迁移审批');
    const r3 = await search.search({ q: '网络预约出租汽车经营许司', limit: 3 });
    expect(r3.items[0].name).toMatch(/^网络预约出租汽车经营/);
  });

  it('finds a name by trigram similarity alone when no word matches', async () => {
    // jieba reads 村企 as one word that no document holds (乡（镇）村企业 is cut 村/企业): found by substring / trigram similarity
    const r = await search.search({ q: '村企', limit: 3 });
    expect(r.relaxed).toBe(true);
    expect(r.items[0].name).toBe('乡（镇）村企业使用集体建设用地审批');
    expect(r.items[0].match).toBe('fuzzy');
    expect(r.items[0].highlight).toBe('乡（镇）<em>村企</em>业使用集体建设用地审批');
  });

  it('highlights safely: hostile names are escaped, only <em> is markup', async () => {
    const r = await search.search({ q: '食品经营许可 测试', limit: 5 });
    const hit = r.items.find((i) => i.id === ids.hostile);
    expect(hit).toBeDefined();
    expect(hit!.highlight).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(hit!.highlight.replace(/<\/?em>/g, '')).not.toMatch(/[<>]/);
    expect(hit!.department).toBe('广安区"行政审批局"');
  });

  it('shows a guide snippet when part of the match is only in the guide', async () => {
    const r = await search.search({ q: '摊点 营业执照', limit: 5 });
    const hit = r.items.find((i) => i.id === ids.guideOnly);
    expect(hit?.highlight).toBe('<em>摊点</em>临时占用审批');
    expect(hit?.snippet).toContain('<em>营业执照</em>');
  });

  it('filters by type, kind, visits, online, life event, applicant kind and region', async () => {
    const all = await search.search({ q: '许可', limit: 50 });
    const services = await search.search({ q: '养老', limit: 50, filters: { kind: 'service' } });
    expect(services.items.every((i) => i.type === 'public_service' && i.kind === 'service')).toBe(true);
    const powers = await search.search({ q: '养老', limit: 50, filters: { kind: 'power' } });
    expect(powers.items.every((i) => i.kind === 'power')).toBe(true);
    const licensing = await search.search({ q: '许可', limit: 50, filters: { type: 'licensing' } });
    expect(licensing.items.every((i) => i.type === 'licensing' && i.typeLabel === '行政许可')).toBe(true);
    const noVisit = await search.search({ q: '许可', limit: 50, filters: { visits: 0, online: true } });
    expect(noVisit.total).toBeGreaterThan(0);
    expect(noVisit.total).toBeLessThan(all.total);
    expect(noVisit.items.every((i) => i.visits === 0 && i.online)).toBe(true);
    const food = await search.search({ q: '许可', limit: 50, filters: { lifeEvent: '开餐馆', applicantKind: 'legal' } });
    expect(food.total).toBeGreaterThan(0);
    expect(food.items.every((i) => i.lifeEvents.includes('开餐馆') && i.applicantKinds.includes('legal'))).toBe(true);
    expect((await search.search({ q: '许可', filters: { regionCode: GUANGAN } })).total).toBe(all.total);
    expect((await search.search({ q: '许可', filters: { regionCode: '320281' } })).total).toBe(0);
  });

  it('pages with a cursor: no overlap, same order as one big page', async () => {
    const big = await search.search({ q: '登记', limit: 30 });
    expect(big.total).toBeGreaterThan(30);
    const p1 = await search.search({ q: '登记', limit: 15 });
    expect(p1.nextCursor).not.toBeNull();
    const p2 = await search.search({ q: '登记', limit: 15, cursor: p1.nextCursor! });
    expect([...p1.items, ...p2.items].map((i) => i.id)).toEqual(big.items.map((i) => i.id));
    const byOffset = await search.search({ q: '登记', limit: 15, offset: 15 });
    expect(byOffset.items.map((i) => i.id)).toEqual(p2.items.map((i) => i.id));
    const past = await search.search({ q: '登记', limit: 15, offset: 1000 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(big.total);
  });

  it('refuses empty and over-long queries and bad cursors, naming the field', async () => {
    await expect(search.search({ q: '   ' })).rejects.toMatchObject({ code: 'common.VALIDATION', fields: [{ field: 'q' }] });
    await expect(search.search({ q: '证'.repeat(101) })).rejects.toMatchObject({ fields: [{ field: 'q' }] });
    await expect(search.search({ q: '许可', cursor: 'bm9wZQ' })).rejects.toMatchObject({ fields: [{ field: 'cursor' }] });
    expect((await search.search({ q: '！？' })).items).toEqual([]);
  });

  it('keeps the index in step with publication: retire removes, republish restores', async () => {
    const id = ids['河道采砂许可'];
    await retireItem(db.db, id);
    await indexItem(db.db, id);
    expect(names((await search.search({ q: '河道采砂许可' })).items)).not.toContain('河道采砂许可');
    await db.db.execute(sql`update catalog_items set status = 'published', name = '河道采砂许可（新）' where id = ${id}`);
    await indexItem(db.db, id);
    expect(names((await search.search({ q: '河道采砂' })).items)).toContain('河道采砂许可（新）');
    // reindexAll drops documents of items retired without indexItem
    await retireItem(db.db, id);
    const again = await reindexAll(db.db);
    expect(again.removed).toBe(1);
    await db.db.execute(sql`update catalog_items set status = 'published', name = '河道采砂许可' where id = ${id}`);
    await indexItem(db.db, id);
  });

  it('indexes many items at once (bulk publication)', async () => {
    const a = ids['户口迁移审批'];
    const b = ids['户口恢复'];
    await retireItem(db.db, a);
    await db.db.execute(sql`update catalog_items set name = '户口恢复登记' where id = ${b}`);
    await indexItems(db.db, [a, b, b]);
    const r = await search.search({ q: '户口', limit: 50 });
    expect(names(r.items)).not.toContain('户口迁移审批');
    expect(names(r.items)).toContain('户口恢复登记');
    await db.db.execute(sql`update catalog_items set status = 'published', name = case when id = ${b} then '户口恢复' else name end where id in (${a}, ${b})`);
    await indexItems(db.db, [a, b]);
    expect(names((await search.search({ q: '户口', limit: 50 })).items)).toEqual(expect.arrayContaining(['户口迁移审批', '户口恢复']));
  });

  it('uses the synonym table as edited (a new everyday word works at once)', async () => {
    const who = { actor: { id: 0, username: 'test' } };
    expect((await search.search({ q: '吃饭执照' })).items.every((i) => !/食品经营/.test(i.name))).toBe(true);
    const created = await search.createSynonym(who, { term: '吃饭执照', expansions: ['食品经营许可'] });
    const r = await search.search({ q: '吃饭执照', limit: 3 });
    expect(r.expanded).toContain('食品经营许可');
    expect(r.items[0].name).toMatch(/食品.*经营许可/);
    await search.deleteSynonym(who, created.id, created.version);
  });

  it('seeds a default synonym table of everyday words', async () => {
    const [row] = await query<{ n: number }>(db.db, sql`select count(*)::int as n from catalog_synonyms`);
    expect(row.n).toBeGreaterThanOrEqual(60);
    const index = await search.synonymIndex();
    expect(index.map.get('网约车')).toEqual(['网络预约出租汽车']);
    expect(index.map.get('营业执照')).toEqual(['营业执照']);
  });

  it('indexes published bundles and offers them on the first page', async () => {
    const [b] = await query<{ id: number }>(
      db.db,
      sql`insert into catalog_bundles (code, name, life_event, description, applicant_kind, region_code, status)
        values ('kaiban', '企业开办一件事', '企业开办', '营业执照、印章、发票、社保一次办', 'legal', ${GUANGAN}, 'published') returning id`,
    );
    await db.db.execute(sql`insert into catalog_bundle_members (bundle_id, item_id, sort) values (${b.id}, ${ids['公司设立登记']}, 1)`);
    await indexBundle(db.db, b.id);
    const r = await search.search({ q: '开公司' });
    expect(r.bundles.map((x) => x.name)).toEqual(['企业开办一件事']);
    expect(r.bundles[0].highlight).toContain('<em>');
    await db.db.execute(sql`update catalog_bundles set status = 'retired' where id = ${b.id}`);
    await indexBundle(db.db, b.id);
    expect((await search.search({ q: '开公司' })).bundles).toEqual([]);
  });

  it(`blends in the relaxed match below ${FEW_RESULTS} strict results and reports it`, async () => {
    const strict = await search.search({ q: '公积金' });
    expect(strict.relaxed).toBe(false);
    const few = await search.search({ q: '不存在的词语 河道采砂许可' });
    expect(few.relaxed).toBe(true);
    expect(few.items[0].name).toBe('河道采砂许可');
  });

  it('uses the GIN indexes', async () => {
    const p = await search.parse('公积金');
    const q = searchItemsSql({ tsquery: p.tsqueryAll, fuzzyText: p.fuzzyText, fuzzy: false, filters: {}, limit: 20, offset: 0 })!;
    await db.db.execute(sql`analyze catalog_search_docs`);
    const plan = (await query<Record<string, string>>(db.db, sql`explain ${q}`)).map((r) => Object.values(r)[0]).join('\n');
    expect(plan).toContain('catalog_search_docs_document');
  });
});
