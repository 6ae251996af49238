/** SQL of catalog search: search documents, the ranked query, synonyms. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { ItemType } from './catalog.types.rules.ts';

// ── documents ──────────────────────────────────────────────────────────────

/** What the indexer reads of an item. */
export interface ItemSourceRow {
  id: number;
  status: 'draft' | 'published' | 'retired';
  region_code: string;
  name: string;
  sub_item_name: string | null;
  org_name: string;
  item_type: ItemType;
  type_zh: string | null;
  life_events: string[];
  popularity: number;
  content: unknown;
}

const ITEM_SOURCE = sql.raw(`i.id, i.status, i.region_code, i.name, i.sub_item_name, i.org_name, i.item_type, l.zh as type_zh, i.life_events, i.popularity, i.content
  from catalog_items i left join catalog_type_labels l on l.item_type = i.item_type`);

export async function itemSource(ex: Executor, itemId: number): Promise<ItemSourceRow | undefined> {
  const [row] = await query<ItemSourceRow>(ex, sql`select ${ITEM_SOURCE} where i.id = ${itemId}`);
  return row;
}

/** Several items by id (for batch indexing). */
export async function itemSources(ex: Executor, itemIds: readonly number[]): Promise<ItemSourceRow[]> {
  if (!itemIds.length) return [];
  return query<ItemSourceRow>(ex, sql`select ${ITEM_SOURCE} where i.id in (select jsonb_array_elements_text(${JSON.stringify(itemIds)}::jsonb)::int)`);
}

/** Deletes the documents of these items. */
export async function deleteItemDocs(ex: Executor, itemIds: readonly number[]): Promise<void> {
  if (!itemIds.length) return;
  await ex.execute(sql`delete from catalog_search_docs where item_id in (select jsonb_array_elements_text(${JSON.stringify(itemIds)}::jsonb)::int)`);
}

/** Published items after `afterId`, in id order (batches of the full reindex). */
export async function publishedItemSources(ex: Executor, afterId: number, limit: number): Promise<ItemSourceRow[]> {
  return query<ItemSourceRow>(ex, sql`select ${ITEM_SOURCE} where i.status = 'published' and i.id > ${afterId} order by i.id limit ${limit}`);
}

export interface ItemDocValues {
  item_id: number;
  region_code: string;
  document: string;
  name: string;
  short_text: string;
  guide_text: string;
  popularity: number;
}

/** Inserts or replaces item documents (`document` is a tsvector literal). */
export async function upsertItemDocs(ex: Executor, rows: ItemDocValues[]): Promise<void> {
  if (!rows.length) return;
  await ex.execute(sql`insert into catalog_search_docs (item_id, region_code, document, name, short_text, guide_text, popularity, indexed_at)
    select v.item_id, v.region_code, v.document::tsvector, v.name, v.short_text, v.guide_text, v.popularity, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(item_id int, region_code text, document text, name text, short_text text, guide_text text, popularity int)
    on conflict (item_id) do update set region_code = excluded.region_code, document = excluded.document, name = excluded.name,
      short_text = excluded.short_text, guide_text = excluded.guide_text, popularity = excluded.popularity, indexed_at = excluded.indexed_at`);
}

export async function deleteItemDoc(ex: Executor, itemId: number): Promise<void> {
  await ex.execute(sql`delete from catalog_search_docs where item_id = ${itemId}`);
}

/** Removes the documents of items that are no longer published; returns how many. */
export async function pruneItemDocs(ex: Executor): Promise<number> {
  const rows = await query<{ item_id: number }>(
    ex,
    sql`delete from catalog_search_docs d where not exists (select 1 from catalog_items i where i.id = d.item_id and i.status = 'published') returning d.item_id`,
  );
  return rows.length;
}

/** Number of published items (decides whether a full reindex rebuilds the GIN indexes). */
export async function publishedItemCount(ex: Executor): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from catalog_items where status = 'published'`);
  return row?.n ?? 0;
}

/** Drops the GIN indexes of a table and returns their definitions, to be recreated after a bulk load (a GIN build is far faster than row-by-row inserts). */
export async function dropGinIndexes(ex: Executor, table: string): Promise<string[]> {
  const rows = await query<{ indexname: string; indexdef: string }>(
    ex,
    sql`select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ${table} and indexdef like '% USING gin %' order by indexname`,
  );
  for (const r of rows) await ex.execute(sql`drop index ${sql.identifier(r.indexname)}`);
  return rows.map((r) => r.indexdef);
}

export async function createIndexes(ex: Executor, definitions: readonly string[]): Promise<void> {
  for (const def of definitions) await ex.execute(sql.raw(def));
}

export interface BundleSourceRow {
  id: number;
  status: string;
  region_code: string;
  name: string;
  life_event: string;
  description: string;
  members: string[];
}

const BUNDLE_SOURCE = sql.raw(`b.id, b.status, b.region_code, b.name, b.life_event, b.description,
  array(select i.name from catalog_bundle_members m join catalog_items i on i.id = m.item_id where m.bundle_id = b.id order by m.sort, i.id) as members
  from catalog_bundles b`);

export async function bundleSource(ex: Executor, bundleId: number): Promise<BundleSourceRow | undefined> {
  const [row] = await query<BundleSourceRow>(ex, sql`select ${BUNDLE_SOURCE} where b.id = ${bundleId}`);
  return row;
}

export async function publishedBundleSources(ex: Executor): Promise<BundleSourceRow[]> {
  return query<BundleSourceRow>(ex, sql`select ${BUNDLE_SOURCE} where b.status = 'published' order by b.id`);
}

export interface BundleDocValues {
  bundle_id: number;
  region_code: string;
  document: string;
  short_text: string;
}

export async function upsertBundleDocs(ex: Executor, rows: BundleDocValues[]): Promise<void> {
  if (!rows.length) return;
  await ex.execute(sql`insert into catalog_bundle_search_docs (bundle_id, region_code, document, short_text, indexed_at)
    select v.bundle_id, v.region_code, v.document::tsvector, v.short_text, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(bundle_id int, region_code text, document text, short_text text)
    on conflict (bundle_id) do update set region_code = excluded.region_code, document = excluded.document,
      short_text = excluded.short_text, indexed_at = excluded.indexed_at`);
}

export async function deleteBundleDoc(ex: Executor, bundleId: number): Promise<void> {
  await ex.execute(sql`delete from catalog_bundle_search_docs where bundle_id = ${bundleId}`);
}

export async function pruneBundleDocs(ex: Executor): Promise<number> {
  const rows = await query<{ bundle_id: number }>(
    ex,
    sql`delete from catalog_bundle_search_docs d where not exists (select 1 from catalog_bundles b where b.id = d.bundle_id and b.status = 'published') returning d.bundle_id`,
  );
  return rows.length;
}

// ── the ranked query ───────────────────────────────────────────────────────

export interface SearchFilters {
  type?: ItemType;
  orgId?: number;
  kind?: 'power' | 'service';
  lifeEvent?: string;
  applicantKind?: 'person' | 'legal';
  /** At most this many visits (0 = 不见面, 1 = 最多跑一次). */
  visits?: number;
  online?: boolean;
  /** Region-code prefix: items of a region and below. */
  regionPrefix?: string;
}

export interface ItemSearch {
  /** Full-text query (a tsquery literal), or null for trigram matching only. */
  tsquery: string | null;
  /** In the relaxed pass: the strict query (every concept); rows matching it get a bonus. */
  strictTsquery?: string | null;
  /** What ts_rank / ts_rank_cd rank by when not `tsquery` (the relaxed pass ranks by the plain OR of the concepts). */
  rankTsquery?: string | null;
  /** The query text compared by trigram similarity with the names. */
  fuzzyText: string;
  /** Also match names by trigram word similarity (`<%`, threshold set by the caller) and substring. */
  fuzzy: boolean;
  filters: SearchFilters;
  limit: number;
  offset: number;
}

export interface ItemHitRow {
  id: number;
  impl_code: string;
  name: string;
  sub_item_name: string | null;
  item_type: ItemType;
  type_zh: string | null;
  org_id: number | null;
  org_name: string;
  region_code: string;
  visits: number | null;
  online: boolean;
  promised_days: number | null;
  applicant_kinds: string[];
  life_events: string[];
  popularity: number;
  guide_text: string;
  /** Whether the document matches the full-text query (false: found by name similarity or substring only). */
  text_match: boolean;
  fts: number;
  sim: number;
  score: number;
  total: number;
}

/** Weights of D, C, B, A for ts_rank / ts_rank_cd. */
const RANK_WEIGHTS = sql.raw(`'{0.1, 0.25, 0.5, 1.0}'::float4[]`);
/** Candidates fully scored per block of pages (ts_rank_cd and trigram similarity are the costly part). */
const RANK_WINDOW = 100;

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterConditions(f: SearchFilters): SQL[] {
  const where: SQL[] = [];
  if (f.type) where.push(sql`i.item_type = ${f.type}`);
  if (f.kind === 'power') where.push(sql`i.item_type <> 'public_service'`);
  if (f.kind === 'service') where.push(sql`i.item_type = 'public_service'`);
  if (f.orgId !== undefined) where.push(sql`i.org_id = ${f.orgId}`);
  if (f.lifeEvent) where.push(sql`i.life_events @> array[${f.lifeEvent}]::text[]`);
  if (f.applicantKind) where.push(sql`i.applicant_kinds @> array[${f.applicantKind}]::text[]`);
  if (f.visits !== undefined) where.push(sql`i.visits <= ${f.visits}`);
  if (f.online !== undefined) where.push(sql`i.online = ${f.online}`);
  if (f.regionPrefix) where.push(sql`i.region_code like ${`${f.regionPrefix}%`}`);
  return where;
}

/**
 * Matching published items, best first, each row carrying the total.
 * Two stages: every match gets a cheap pre-score (ts_rank over the weighted
 * document, + 1 when it matches the strict query, + popularity as indexed);
 * the best window of them is scored fully: ts_rank_cd (cover density,
 * scaled to 0–1) + 0.5 × trigram similarity of the name (the mean of
 * similarity and word similarity) + 0.3 for a strict match in the relaxed
 * pass + popularity. Only published items have documents; catalog_items is
 * joined for all matches only when a filter needs its columns.
 */
export async function searchItems(ex: Executor, s: ItemSearch): Promise<ItemHitRow[]> {
  const q = searchItemsSql(s);
  return q ? query<ItemHitRow>(ex, q) : [];
}

const popularity = (col: SQL) => sql`0.05 * least(ln(1.0 + greatest(${col}, 0)::float8) / ln(10001.0), 1.0)`;

/** The SQL of searchItems (null when there is nothing to match); exposed for EXPLAIN in tests and the bench. */
export function searchItemsSql(s: ItemSearch): SQL | null {
  const tsq = s.tsquery ? sql`${s.tsquery}::tsquery` : null;
  const rankQ = s.rankTsquery ? sql`${s.rankTsquery}::tsquery` : tsq;
  const strict = s.strictTsquery ? sql`${s.strictTsquery}::tsquery` : null;
  const fuzzy = s.fuzzy && s.fuzzyText;
  if (!tsq && !fuzzy) return null;
  const filters = filterConditions(s.filters);
  const filtered = filters.length > 0;
  const bonus = strict ? sql` + (d.document @@ ${strict})::int` : sql``;
  const textPre = sql`ts_rank(${RANK_WEIGHTS}, d.document, ${rankQ})${bonus} + ${popularity(sql`d.popularity`)}`;
  const fuzzyMatch = sql`(${s.fuzzyText} <% d.short_text or d.short_text like ${likePattern(s.fuzzyText)})`;
  const from = filtered ? sql`catalog_search_docs d join catalog_items i on i.id = d.item_id` : sql`catalog_search_docs d`;
  const where = (match: SQL) => (filtered ? sql`${match} and ${sql.join(filters, sql` and `)}` : match);
  let candidates: SQL;
  if (tsq && fuzzy) {
    candidates = sql`select item_id, max(pre) as pre from (
        select d.item_id, (${textPre})::float8 as pre from ${from} where ${where(sql`d.document @@ ${tsq}`)}
        union all
        select d.item_id, ${popularity(sql`d.popularity`)}::float8 as pre from ${from} where ${where(fuzzyMatch)}
      ) h group by item_id`;
  } else if (tsq) {
    candidates = sql`select d.item_id, (${textPre})::float8 as pre from ${from} where ${where(sql`d.document @@ ${tsq}`)}`;
  } else {
    candidates = sql`select d.item_id, ${popularity(sql`d.popularity`)}::float8 as pre from ${from} where ${where(fuzzyMatch)}`;
  }
  const window = RANK_WINDOW * Math.max(1, Math.ceil((s.offset + s.limit) / RANK_WINDOW));
  const fts = rankQ ? sql`ts_rank_cd(${RANK_WEIGHTS}, d.document, ${rankQ}, 32)` : sql`0`;
  const strictHit = strict ? sql`(d.document @@ ${strict})::int` : sql`0`;
  const textMatch = tsq ? sql`(d.document @@ ${tsq})` : sql`false`;
  return sql`with f as (${candidates}),
      top as (select item_id from f order by pre desc, item_id limit ${window}),
      scored as (
        select top.item_id, d.guide_text, ${fts}::float8 as fts, ${strictHit}::float8 as strict_hit, ${textMatch} as text_match,
          ((similarity(d.name, ${s.fuzzyText}) + word_similarity(${s.fuzzyText}, d.name)) / 2)::float8 as sim
        from top join catalog_search_docs d on d.item_id = top.item_id
      )
      select i.id, i.impl_code, i.name, i.sub_item_name, i.item_type, l.zh as type_zh, i.org_id, i.org_name, i.region_code, i.visits, i.online,
        i.promised_days, i.applicant_kinds, i.life_events, i.popularity, s.guide_text, s.text_match, s.fts, s.sim,
        (s.fts + 0.5 * s.sim + 0.3 * s.strict_hit + ${popularity(sql`i.popularity`)})::float8 as score,
        (select count(*) from f)::int as total
      from scored s
      join catalog_items i on i.id = s.item_id and i.status = 'published'
      left join catalog_type_labels l on l.item_type = i.item_type
      order by score desc, i.popularity desc, i.id
      limit ${s.limit} offset ${s.offset}`;
}

/** Sets the word-similarity threshold of `<%` for the current transaction. */
export async function setFuzzyThreshold(ex: Executor, threshold: number): Promise<void> {
  await ex.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`);
}

export interface BundleHitRow {
  id: number;
  code: string;
  name: string;
  life_event: string;
  applicant_kind: string;
  score: number;
}

/** Published bundles whose document matches, best first. */
export async function searchBundles(ex: Executor, tsquery: string, fuzzyText: string, limit: number): Promise<BundleHitRow[]> {
  return query<BundleHitRow>(
    ex,
    sql`select b.id, b.code, b.name, b.life_event, b.applicant_kind,
        (ts_rank_cd(${RANK_WEIGHTS}, d.document, ${tsquery}::tsquery, 32) + 0.4 * similarity(b.name, ${fuzzyText}))::float8 as score
      from catalog_bundle_search_docs d join catalog_bundles b on b.id = d.bundle_id
      where d.document @@ ${tsquery}::tsquery and b.status = 'published'
      order by score desc, b.id
      limit ${limit}`,
  );
}

// ── synonyms ───────────────────────────────────────────────────────────────

export interface SynonymRow {
  id: number;
  term: string;
  expansions: string[];
  note: string | null;
  version: number;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

const SYNONYM_COLS = sql.raw(`id, term, expansions, note, version, updated_by,
  to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
  to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at`);

/** Every synonym (the parser's table; a few hundred rows). */
export async function allSynonyms(ex: Executor): Promise<{ term: string; expansions: string[] }[]> {
  return query(ex, sql`select term, expansions from catalog_synonyms order by term`);
}

/** A page of synonyms in term order, optionally those whose term or expansions contain `q`. */
export async function listSynonyms(ex: Executor, opts: { q?: string; afterTerm?: string; limit: number }): Promise<SynonymRow[]> {
  const where: SQL[] = [sql`true`];
  if (opts.q) {
    const p = likePattern(opts.q);
    where.push(sql`(term like ${p} or array_to_string(expansions, ' ') like ${p})`);
  }
  if (opts.afterTerm !== undefined) where.push(sql`term > ${opts.afterTerm}`);
  return query<SynonymRow>(ex, sql`select ${SYNONYM_COLS} from catalog_synonyms where ${sql.join(where, sql` and `)} order by term limit ${opts.limit}`);
}

export async function findSynonym(ex: Executor, id: number): Promise<SynonymRow | undefined> {
  const [row] = await query<SynonymRow>(ex, sql`select ${SYNONYM_COLS} from catalog_synonyms where id = ${id}`);
  return row;
}

export interface SynonymValues {
  term: string;
  expansions: string[];
  note: string | null;
}

const textArray = (values: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;

/** Inserts a synonym; undefined when the term is taken. */
export async function insertSynonym(ex: Executor, v: SynonymValues, by: number | null): Promise<SynonymRow | undefined> {
  const [row] = await query<SynonymRow>(
    ex,
    sql`insert into catalog_synonyms (term, expansions, note, updated_by) values (${v.term}, ${textArray(v.expansions)}, ${v.note}, ${by})
      on conflict (term) do nothing returning ${SYNONYM_COLS}`,
  );
  return row;
}

/** Updates a synonym at the expected version; undefined when the version is stale (or the row is gone). */
export async function updateSynonym(ex: Executor, id: number, expectedVersion: number, v: SynonymValues, by: number | null): Promise<SynonymRow | undefined> {
  const [row] = await query<SynonymRow>(
    ex,
    sql`update catalog_synonyms set term = ${v.term}, expansions = ${textArray(v.expansions)}, note = ${v.note}, updated_by = ${by},
        version = version + 1, updated_at = now()
      where id = ${id} and version = ${expectedVersion} returning ${SYNONYM_COLS}`,
  );
  return row;
}

/** Whether another synonym (not `exceptId`) has this term. */
export async function termTaken(ex: Executor, term: string, exceptId: number | null): Promise<boolean> {
  const rows = await query(ex, sql`select 1 from catalog_synonyms where term = ${term} and id <> ${exceptId ?? 0}`);
  return rows.length > 0;
}

/** Deletes a synonym at the expected version; false when the version is stale (or the row is gone). */
export async function deleteSynonym(ex: Executor, id: number, expectedVersion: number): Promise<boolean> {
  const rows = await query(ex, sql`delete from catalog_synonyms where id = ${id} and version = ${expectedVersion} returning id`);
  return rows.length > 0;
}
