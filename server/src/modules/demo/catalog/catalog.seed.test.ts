/**
 * The demo catalog seeded into a database with the demo county (the heavy
 * seed on PGlite; a light check on PostgreSQL when TEST_DATABASE_URL is set):
 * counts, ranking, 四级四同 in the tables, devolutions, routing of every duty
 * matter in every town, bundles, search, and an idempotent re-run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../../test/helpers/app.ts';
import { query } from '../../../platform/db/index.ts';
import { checkProofs, devolutionCategory, ItemContent, routeByDuty } from '../../catalog/index.ts';
import { seedDemo, type SeedDemoResult } from '../index.ts';
import { BUNDLES } from './data.bundles.ts';
import { DUTY_MATTERS } from './data.duties.ts';

const JY = '320281';

async function tableCounts(t: TestApp) {
  const [row] = await query<Record<string, number>>(
    t.db(),
    sql`select (select count(*)::int from catalog_items) as items, (select count(*)::int from catalog_item_versions) as versions,
               (select count(*)::int from catalog_base_items) as bases, (select count(*)::int from catalog_devolutions) as devolutions,
               (select count(*)::int from catalog_devolution_evaluations) as evaluations, (select count(*)::int from catalog_duty_matters) as matters,
               (select count(*)::int from catalog_duties) as duties, (select count(*)::int from catalog_proofs) as proofs,
               (select count(*)::int from catalog_bundles) as bundles, (select count(*)::int from catalog_bundle_members) as members,
               (select count(*)::int from catalog_search_docs) as docs`,
  );
  return row;
}

describe('demo catalog seed [pglite]', () => {
  let t: TestApp;
  let first: SeedDemoResult;

  beforeAll(async () => {
    t = await testApp('pglite');
    // the catalog is what this file checks: a small year of cases and applications beside it
    first = await seedDemo(t.ctx, { cases: 200, applications: 100 });
  }, 600_000);
  afterAll(() => t.close());

  // how long seeding takes is measured by the bench, not asserted here
  it('seeds the county and its catalog', () => {
    expect(first.seeded).toBe(true);
    console.info(`[pglite] demo seed with catalog: ${Math.round(first.ms)} ms`, first.counts);
  });

  it('publishes 7,318 power items and 555 public services, version 1 under the list approval of 2025', async () => {
    expect(first.counts).toMatchObject({ catalogPowers: 7318, catalogServices: 555, catalogDevolutions: 1053, catalogBundles: 5 });
    const [v] = await query<{ n: number; docs: number; dates: number; min: string; maxv: number }>(
      t.db(),
      sql`select count(*)::int as n, count(distinct approval_doc_no)::int as docs, count(distinct effective_date)::int as dates,
                 min(to_char(effective_date, 'YYYY-MM-DD')) as min, max(version_no)::int as maxv from catalog_item_versions`,
    );
    expect(v).toMatchObject({ n: 7318 + 555, docs: 1, dates: 1, maxv: 1 });
    expect(v.min.startsWith('2025-')).toBe(true);
    const [doc] = await query<{ approval_doc_no: string }>(t.db(), sql`select approval_doc_no from catalog_item_versions limit 1`);
    expect(doc.approval_doc_no).toMatch(/^澄政发〔2025〕\d+号$/);
  });

  it('ranks the 200 complete guides first by popularity, and the approval bureau holds 69 permits', async () => {
    const top = await query<{ content: unknown }>(t.db(), sql`select content from catalog_items where region_code = ${JY} order by popularity desc, id limit 200`);
    for (const r of top) {
      const c = ItemContent.parse(r.content);
      expect(c.materials.length).toBeGreaterThanOrEqual(3);
      expect(c.faq.length).toBeGreaterThanOrEqual(2);
      expect(c.process.length).toBeGreaterThanOrEqual(3);
    }
    const [spj] = await query<{ n: number; licensing: number }>(
      t.db(),
      sql`select count(*)::int as n, count(*) filter (where i.item_type = 'licensing')::int as licensing
            from catalog_items i join organisations o on o.id = i.org_id where o.code = '320281.spj'`,
    );
    expect(spj).toEqual({ n: 69, licensing: 69 });
  });

  it('keeps 四级四同 across the whole catalog and the base-item table', async () => {
    const bad = await query(t.db(), sql`select base_code from catalog_items group by base_code having count(distinct name) > 1 or count(distinct item_type) > 1`);
    expect(bad).toEqual([]);
    const mismatch = await query(
      t.db(),
      sql`select i.id from catalog_items i join catalog_base_items b on b.base_code = i.base_code where b.name <> i.name or b.item_type <> i.item_type`,
    );
    expect(mismatch).toEqual([]);
    const shared = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from (select base_code from catalog_items group by base_code having count(*) > 1) x`);
    expect(shared[0].n).toBeGreaterThan(100);
  });

  it('needs at most one visit for over 92% of the service items', async () => {
    const [r] = await query<{ total: number; one: number }>(
      t.db(),
      sql`select count(*)::int as total, count(*) filter (where visits <= 1)::int as one from catalog_items where visits is not null and region_code like '320281%'`,
    );
    expect(r.one / r.total).toBeGreaterThan(0.92);
  });

  it('records 890 devolutions to towns (75 + 815) and 163 to the two zones, with decisions and evaluations', async () => {
    const rows = await query<{ kind: string; item_type: string; n: number }>(
      t.db(),
      sql`select r.town_kind as kind, i.item_type, count(*)::int as n from catalog_devolutions d
            join regions r on r.code = d.region_code join catalog_items i on i.id = d.item_id where d.status = 'active' group by 1, 2`,
    );
    const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((n, r) => n + r.n, 0);
    expect(sum((r) => r.kind !== 'zone' && devolutionCategory(r.item_type) === 'approval_service')).toBe(75);
    expect(sum((r) => r.kind !== 'zone' && devolutionCategory(r.item_type) === 'penalty_other')).toBe(815);
    expect(sum((r) => r.kind === 'zone' && devolutionCategory(r.item_type) === 'approval_service')).toBe(163);
    expect(sum((r) => r.kind === 'zone' && devolutionCategory(r.item_type) === 'penalty_other')).toBe(0);
    const api = await t.app.inject({ method: 'GET', url: '/api/catalog/devolutions?regionCode=320281400&limit=1' });
    expect(api.statusCode).toBe(200);
    expect(api.json().counts.total).toBe(90);
    const [ev] = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from catalog_devolution_evaluations`);
    expect(ev.n).toBeGreaterThan(20);
    const impl = await query(
      t.db(),
      sql`select d.id from catalog_devolutions d join catalog_items c on c.id = d.item_id
           where not exists (select 1 from catalog_items t where t.base_code = c.base_code and t.region_code = d.region_code and t.level = 'town')`,
    );
    expect(impl).toEqual([]);
  });

  it('routes every duty matter in every town, keeping department-led matters with the departments', async () => {
    const towns = await query<{ code: string }>(t.db(), sql`select code from regions where parent_code = ${JY} and level = 'town'`);
    expect(towns).toHaveLength(21);
    for (const town of towns) {
      for (const m of DUTY_MATTERS) {
        const route = await routeByDuty(t.db(), { matterCode: m.code, townRegionCode: town.code });
        expect(route, `${m.code} in ${town.code}`).not.toBeNull();
        if (m.lead[0] === 'town') expect(route?.lead.kind).toBe('town');
        else if (m.code !== 'event.illegal_building') expect(route?.lead.kind).toBe('department');
      }
    }
    const huashi = await routeByDuty(t.db(), { matterCode: 'event.illegal_building', townRegionCode: '320281107' });
    expect(huashi?.lead).toMatchObject({ kind: 'town', name: '江阴市华士镇综合行政执法局' });
    expect(huashi?.reason.devolutionId).not.toBeNull();
    const street = await routeByDuty(t.db(), { matterCode: 'event.illegal_building', townRegionCode: '320281001' });
    expect(street?.lead).toMatchObject({ kind: 'department', name: '江阴市综合行政执法局' });
  });

  it('asks only for listed proofs', async () => {
    const rows = await query<{ content: { materials?: { name: string; proofCode?: string }[] } }>(
      t.db(),
      sql`select content from catalog_items where content::text like '%proofCode%'`,
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) expect(await checkProofs(t.db(), r.content, { regionCode: JY })).toEqual([]);
  });

  it('publishes the five bundles, which evaluate to de-duplicated material lists', async () => {
    for (const b of BUNDLES) {
      const res = await t.app.inject({ method: 'GET', url: `/api/catalog/bundles/${b.code}` });
      expect(res.statusCode, b.code).toBe(200);
      const body = res.json();
      expect(body.status).toBe('published');
      expect(body.evaluation.items.length).toBeGreaterThanOrEqual(3);
      expect(body.evaluation.totals.materials).toBeLessThan(body.evaluation.totals.materialsBeforeMerge);
    }
    const kaiban = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/bundles/jy-qiye-kaiban/evaluate',
      payload: { answers: { entity: 'company', premises: 'commitment', services: ['seal', 'invoice'], employees: 'no' } },
    });
    expect(kaiban.statusCode).toBe(200);
    const ev = kaiban.json();
    expect(ev.items.map((i: { name: string }) => i.name)).toEqual(['企业设立登记', '印章刻制备案', '纳税人（扣缴义务人）身份信息报告', '发票领用']);
    const names = ev.materials.map((m: { name: string }) => m.name);
    expect(names).not.toContain('营业执照');
    expect(names).not.toContain('住所（经营场所）使用证明');
    expect(names).toContain('公司章程');
    const rented = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/bundles/jy-qiye-kaiban/evaluate',
      payload: { answers: { entity: 'company', premises: 'rented', services: ['social', 'bank'], employees: 'yes' } },
    });
    const r = rented.json();
    expect(r.materials.map((m: { name: string }) => m.name)).toContain('住所（经营场所）使用证明');
    expect(r.items.map((i: { name: string }) => i.name)).toEqual(['企业设立登记', '纳税人（扣缴义务人）身份信息报告', '企业社会保险登记', '单位参保登记', '企业银行账户开户']);
  });

  it('finds the restaurant permit and bundle when searching 开饭店', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent('开饭店')}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.some((h: { name: string }) => h.name === '食品经营许可')).toBe(true);
    expect(body.bundles.some((h: { name: string }) => h.name === '开办餐饮店一件事')).toBe(true);
  });

  it('puts the formal item first for everyday words over the whole demo catalog', async () => {
    const top = async (q: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}&limit=3` });
      return (res.json().items as { name: string }[]).map((h) => h.name);
    };
    expect((await top('开饭店'))[0]).toMatch(/食品经营/);
    expect((await top('公积金'))[0]).toMatch(/住房公积金/);
    expect((await top('办营业执照'))[0]).toMatch(/设立登记/);
    expect((await top('盖厂房'))[0]).toMatch(/规划许可|施工许可/);
  });

  it('is idempotent: a second run changes nothing, and a run without the markers adds nothing', async () => {
    const before = await tableCounts(t);
    const again = await seedDemo(t.ctx);
    expect(again.seeded).toBe(false);
    expect(await tableCounts(t)).toEqual(before);
    await t.db().execute(sql`delete from demo_seed`);
    const rerun = await seedDemo(t.ctx);
    expect(rerun.counts).toEqual(first.counts);
    expect(await tableCounts(t)).toEqual(before);
  }, 120_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('demo catalog seed [postgres]', () => {
  let t: TestApp;
  let first: SeedDemoResult;
  beforeAll(async () => {
    t = await testApp('postgres');
    // the catalog is what this file checks: a small year of cases and applications beside it
    first = await seedDemo(t.ctx, { cases: 200, applications: 100 });
  }, 600_000);
  afterAll(() => t?.close());

  it('seeds the same counts and keeps 四级四同', async () => {
    expect(first.counts).toMatchObject({ catalogPowers: 7318, catalogServices: 555, catalogDevolutions: 1053, catalogBundles: 5 });
    const bad = await query(t.db(), sql`select base_code from catalog_items group by base_code having count(distinct name) > 1`);
    expect(bad).toEqual([]);
    const again = await seedDemo(t.ctx);
    expect(again.seeded).toBe(false);
  });
});
