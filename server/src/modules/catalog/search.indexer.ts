/**
 * The search index: one document per published item (and bundle), rebuilt
 * from the item row in the caller's transaction. `indexItem` is called by
 * publication for every published or retired version; `reindexAll` rebuilds
 * everything in batches (after imports, by the demo seed, after a change of
 * the tokeniser).
 */
import type { Executor } from '../../platform/db/index.ts';
import { DEFAULT_TYPE_LABELS } from './catalog.types.rules.ts';
import * as repo from './search.repository.ts';
import { buildTsvector, segmenter } from './search.rules.ts';

const GUIDE_TEXT_MAX = 3000;
const BATCH = 500;

type Json = Record<string, unknown>;
const asObj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const strings = (v: unknown, key?: string): string[] =>
  asList(v)
    .map((x) => (key ? str(asObj(x)[key]) : str(x)))
    .filter((x): x is string => x !== null);

/** The search document of an item row (its published content). */
export function itemDocument(row: repo.ItemSourceRow): repo.ItemDocValues {
  const c = asObj(row.content);
  const typeLabel = row.type_zh ?? DEFAULT_TYPE_LABELS[row.item_type]?.zh ?? null;
  const materials = strings(c.materials, 'name');
  const conditions = strings(c.acceptanceConditions);
  const laws = strings(c.legalBasis, 'law');
  const lifeEvents = [...new Set([...row.life_events, ...strings(c.lifeEvents)])];
  const faq = asList(c.faq).flatMap((f) => [str(asObj(f).q), str(asObj(f).a)]);
  const document = buildTsvector({
    A: [row.name],
    B: [row.sub_item_name, row.org_name, typeLabel],
    C: [...materials, ...conditions, ...lifeEvents, ...laws],
    D: faq,
  });
  const guideParts = [
    conditions.length ? `受理条件：${conditions.join('；')}` : '',
    materials.length ? `申请材料：${materials.join('、')}` : '',
    lifeEvents.length ? `主题：${lifeEvents.join('、')}` : '',
    laws.length ? `设定依据：${laws.join('、')}` : '',
    ...asList(c.faq).map((f) => {
      const q = str(asObj(f).q);
      const a = str(asObj(f).a);
      return q && a ? `问：${q} 答：${a}` : '';
    }),
  ].filter(Boolean);
  return {
    item_id: row.id,
    region_code: row.region_code,
    document,
    name: row.name,
    short_text: [row.name, row.sub_item_name, row.org_name].filter(Boolean).join(' '),
    guide_text: [...guideParts.join('\n')].slice(0, GUIDE_TEXT_MAX).join(''),
    popularity: row.popularity,
  };
}

/** The search document of a bundle row. */
export function bundleDocument(row: repo.BundleSourceRow): repo.BundleDocValues {
  return {
    bundle_id: row.id,
    region_code: row.region_code,
    document: buildTsvector({ A: [row.name], B: [row.life_event], C: [row.description, ...row.members] }),
    short_text: [row.name, row.life_event].filter(Boolean).join(' '),
  };
}

/**
 * Brings one item's document up to date in the caller's transaction: a
 * published item is (re)indexed, anything else leaves the index.
 */
export async function indexItem(ex: Executor, itemId: number): Promise<void> {
  const row = await repo.itemSource(ex, itemId);
  if (!row || row.status !== 'published') {
    await repo.deleteItemDoc(ex, itemId);
    return;
  }
  await repo.upsertItemDocs(ex, [itemDocument(row)]);
}

/** indexItem for many items at once (one read, one upsert per 500): for bulk publication. */
export async function indexItems(ex: Executor, itemIds: readonly number[]): Promise<void> {
  const ids = [...new Set(itemIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    const rows = await repo.itemSources(ex, part);
    const published = rows.filter((r) => r.status === 'published');
    const keep = new Set(published.map((r) => r.id));
    await repo.deleteItemDocs(ex, part.filter((id) => !keep.has(id)));
    await repo.upsertItemDocs(ex, published.map(itemDocument));
  }
}

/** Brings one bundle's document up to date: a published bundle is (re)indexed, anything else leaves the index. */
export async function indexBundle(ex: Executor, bundleId: number): Promise<void> {
  const row = await repo.bundleSource(ex, bundleId);
  if (!row || row.status !== 'published') {
    await repo.deleteBundleDoc(ex, bundleId);
    return;
  }
  await repo.upsertBundleDocs(ex, [bundleDocument(row)]);
}

export interface ReindexResult {
  items: number;
  removed: number;
  bundles: number;
  ms: number;
}

/** Rebuilds the documents of every published bundle and removes the others. */
export async function reindexBundles(ex: Executor): Promise<{ bundles: number; removed: number }> {
  const rows = await repo.publishedBundleSources(ex);
  for (let i = 0; i < rows.length; i += BATCH) await repo.upsertBundleDocs(ex, rows.slice(i, i + BATCH).map(bundleDocument));
  return { bundles: rows.length, removed: await repo.pruneBundleDocs(ex) };
}

/** From this many published items on, a full reindex drops the GIN indexes, loads, and builds them again. */
export const BULK_REBUILD_FROM = 2000;

/**
 * Rebuilds the whole index in one transaction (a savepoint when called inside
 * one): every published item in batches of 500 (one multi-row upsert each),
 * then drops the documents of items no longer published, then the bundles.
 * For a large catalog the GIN indexes are dropped first and built again at
 * the end, which is several times faster than maintaining them row by row;
 * searches wait for the transaction meanwhile.
 */
export async function reindexAll(ex: Executor): Promise<ReindexResult> {
  const started = performance.now();
  segmenter();
  return ex.transaction(async (tx) => {
    const total = await repo.publishedItemCount(tx);
    const rebuild = total >= BULK_REBUILD_FROM ? await repo.dropGinIndexes(tx, 'catalog_search_docs') : [];
    let afterId = 0;
    let count = 0;
    for (;;) {
      const rows = await repo.publishedItemSources(tx, afterId, BATCH);
      if (!rows.length) break;
      await repo.upsertItemDocs(tx, rows.map(itemDocument));
      count += rows.length;
      afterId = rows[rows.length - 1].id;
      if (rows.length < BATCH) break;
    }
    const removed = await repo.pruneItemDocs(tx);
    await repo.createIndexes(tx, rebuild);
    const b = await reindexBundles(tx);
    return { items: count, removed: removed + b.removed, bundles: b.bundles, ms: performance.now() - started };
  });
}
