/**
 * Seeds the demo catalog of Jiangyin into a database that holds the demo
 * county (organisations and regions): the county power list and public
 * services with their guides, the towns' own powers, the devolutions and
 * the towns' and zones' implementations, the proof-requirement list, the
 * territorial duties and the bundles; then rebuilds the search index once.
 * Runs in the caller's transaction; idempotent (a marker row, and every step
 * leaves existing rows alone), so a re-run changes nothing.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../platform/access/index.ts';
import type { AuditWho } from '../../../platform/audit/index.ts';
import { query, type Db, type Executor } from '../../../platform/db/index.ts';
import { publishDirect, type ItemContentInput } from '../../catalog/index.ts';
import { buildCounty, buildTownPowers, COUNTY, townPowerCount, type OrgRef, type TownRef } from './build.ts';
import { TARGETS } from './data.index.ts';
import { DEVOLVED_TOTAL, planDevolutions } from './devolution.plan.ts';
import { applyProofCodes, seedBundles, seedDevolutions, seedDuties, seedProofs } from './seed.lists.ts';

const MARKER = 'jiangyin-catalog';
/** The approval of the county's 2025 power list and public-service list (illustrative number, see README.md). */
export const LIST_APPROVAL = { approvalDocNo: '澄政发〔2025〕12号', effectiveDate: '2025-03-01', reason: '江阴市权责清单和公共服务事项清单（2025年版）' } as const;
/** The penalty that towns exercise for 违法建设 under devolution (their own duty-list entries cite it). */
export const BUILDING_PENALTY = '对在城市规划区内未取得建设工程规划许可证进行建设的行政处罚';

export interface SeedCatalogResult {
  seeded: boolean;
  counts: Record<string, number>;
  ms: number;
  timings: Record<string, number>;
}

async function loadOrgs(ex: Executor): Promise<Map<string, OrgRef>> {
  const rows = await query<{ id: number; code: string; name: string; uscc: string; region_code: string; type: string }>(
    ex,
    sql`select id, code, name, uscc, region_code, type from organisations where region_code like ${`${COUNTY}%`} and uscc is not null`,
  );
  return new Map(rows.map((r) => [r.code, { id: r.id, code: r.code, name: r.name, uscc: r.uscc, regionCode: r.region_code, type: r.type }]));
}

async function loadTowns(ex: Executor): Promise<TownRef[]> {
  return query<TownRef>(ex, sql`select code, name, town_kind as "townKind" from regions where parent_code = ${COUNTY} and level = 'town' order by code`);
}

/** What the catalog holds in the county (for the marker and the caller's report). */
export async function catalogCounts(ex: Executor): Promise<Record<string, number>> {
  const prefix = `${COUNTY}%`;
  const [row] = await query<Record<string, number>>(
    ex,
    sql`select
      (select count(*)::int from catalog_items where region_code like ${prefix} and status = 'published' and item_type <> 'public_service') as "catalogPowers",
      (select count(*)::int from catalog_items where region_code like ${prefix} and status = 'published' and item_type = 'public_service') as "catalogServices",
      (select count(*)::int from catalog_devolutions where region_code like ${prefix} and status = 'active') as "catalogDevolutions",
      (select count(*)::int from catalog_duty_matters where region_code like ${prefix} and status = 'active') as "catalogDutyEntries",
      (select count(*)::int from catalog_proofs where region_code like ${prefix}) as "catalogProofs",
      (select count(*)::int from catalog_bundles where region_code like ${prefix} and status = 'published') as "catalogBundles"`,
  );
  return row;
}

export async function isCatalogSeeded(ex: Executor): Promise<boolean> {
  const rows = await query(ex, sql`select 1 from demo_seed where name = ${MARKER}`);
  return rows.length > 0;
}

/**
 * Seeds the catalog in the caller's transaction `tx`; `db` is the database
 * handle the bundle and duty services open their (joined) transactions on.
 */
export async function seedDemoCatalog(db: Db, tx: Executor, opts: { log?: (line: string) => void } = {}): Promise<SeedCatalogResult> {
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));
  if (await isCatalogSeeded(tx)) return { seeded: false, counts: await catalogCounts(tx), ms: performance.now() - started, timings };
  const who: AuditWho = { actor: SYSTEM_ACTOR };

  let t = performance.now();
  const orgs = await loadOrgs(tx);
  const towns = await loadTowns(tx);
  if (!orgs.has(`${COUNTY}.spj`)) throw new Error('demo catalog: the demo county organisations are missing; seed the county first');
  const countyTarget = TARGETS.powers - DEVOLVED_TOTAL - townPowerCount(towns);
  const county = buildCounty(orgs, countyTarget);
  const townOwn = buildTownPowers(orgs, towns);
  const plan = planDevolutions(county, towns, orgs);
  const contents: ItemContentInput[] = [...county.map((c) => c.content), ...townOwn, ...plan.map((p) => p.content)];
  applyProofCodes(contents);
  lap('build', t);

  t = performance.now();
  await seedProofs(tx);
  const published = await publishDirect(tx, contents, { ...LIST_APPROVAL, who });
  lap('publish', t);
  log(`事项 catalog items: ${contents.length} (created ${published.created}, unchanged ${published.unchanged}) in ${timings.publish} ms`);

  t = performance.now();
  const popularity = county.map((c) => ({ code: c.content.implCode, popularity: c.popularity }));
  await tx.execute(sql`
    update catalog_items i set popularity = x.popularity
      from jsonb_to_recordset(${JSON.stringify(popularity)}::jsonb) as x(code text, popularity int)
     where i.impl_code = x.code and i.popularity is distinct from x.popularity`);
  const devolutionIds = await seedDevolutions(tx, plan);
  const building = county.find((c) => c.spec.name === BUILDING_PENALTY);
  await seedDuties(db, tx, orgs, towns, devolutionIds, building?.content.implCode ?? null, who);
  const keyed = county.filter((c) => c.key);
  const ids = new Map(
    (await query<{ id: number; impl_code: string }>(tx, sql`select id, impl_code from catalog_items where impl_code in (select jsonb_array_elements_text(${JSON.stringify(keyed.map((c) => c.content.implCode))}::jsonb))`)).map((r) => [r.impl_code, r.id]),
  );
  await seedBundles(db, tx, new Map(keyed.map((c) => [c.key as string, ids.get(c.content.implCode as string) as number])), who);
  lap('lists', t);

  // publication indexed every item and publishing a bundle indexes it; only the popularity set above is new
  t = performance.now();
  await tx.execute(sql`update catalog_search_docs d set popularity = i.popularity from catalog_items i where d.item_id = i.id and d.popularity <> i.popularity`);
  lap('reindex', t);
  log(`检索索引 search index: popularity refreshed in ${timings.reindex} ms`);

  const counts = await catalogCounts(tx);
  const ms = performance.now() - started;
  await tx.execute(sql`
    insert into demo_seed (name, scale, counts, duration_ms) values (${MARKER}, 'default', ${JSON.stringify(counts)}::jsonb, ${Math.round(ms)})
    on conflict (name) do update set counts = excluded.counts, duration_ms = excluded.duration_ms, seeded_at = now()`);
  return { seeded: true, counts, ms, timings };
}
