/**
 * The public catalog: published items, their version history and diffs,
 * type labels, the commitment and deferred-materials lists; and
 * `publishDirect`, the bulk path for lists that are already approved.
 */
import type { AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, paginate, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { subtreePrefix } from '../org/index.ts';
import type { ItemContent, ItemContentInput } from './catalog.content.ts';
import { CatalogErrors } from './catalog.errors.ts';
import { publishEntries, type PublishOutcome } from './catalog.publish.ts';
import * as repo from './catalog.repository.ts';
import { DEFAULT_TYPE_LABELS, ITEM_TYPES, isPowerType, type ItemType, type ItemTypeLabel } from './catalog.types.rules.ts';
import { diffContent, type ContentDiff } from './diff.rules.ts';

// ── presentation ───────────────────────────────────────────────────────────

export type TypeLabels = Record<ItemType, ItemTypeLabel>;

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentItem(r: repo.ItemRow, labels: TypeLabels) {
  return {
    id: r.id,
    implCode: r.impl_code,
    baseCode: r.base_code,
    name: r.name,
    subItemName: r.sub_item_name,
    variant: r.variant,
    itemType: r.item_type,
    typeLabel: labels[r.item_type],
    kind: isPowerType(r.item_type) ? ('power' as const) : ('service' as const),
    regionCode: r.region_code,
    org: { id: r.org_id, name: r.org_name },
    level: r.level,
    status: r.status,
    currentVersion: r.current_version,
    visits: r.visits,
    online: r.online,
    statutoryDays: r.statutory_days,
    promisedDays: r.promised_days,
    applicantKinds: r.applicant_kinds,
    lifeEvents: r.life_events,
    commitmentAllowed: r.commitment_allowed,
    popularity: r.popularity,
    updatedAt: iso(r.updated_at),
  };
}
export type ItemSummary = ReturnType<typeof presentItem>;

export function presentVersion(v: repo.VersionRow) {
  return {
    versionNo: v.version_no,
    change: v.change,
    effectiveDate: v.effective_date,
    approvalDocNo: v.approval_doc_no,
    publishedAt: iso(v.published_at),
    reason: v.reason,
    basis: v.basis,
    adjustmentId: v.adjustment_id,
  };
}
export type VersionSummary = ReturnType<typeof presentVersion>;

const MAX_LIMIT = 200;
const clampLimit = (limit: number | undefined, dflt = 20) => Math.min(Math.max(limit ?? dflt, 1), MAX_LIMIT);

function badCursor(): never {
  throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor', in: 'query' }] });
}

/** Type labels: the deployment's overrides (catalog_type_labels) over the defaults. */
export async function loadTypeLabels(ex: Executor): Promise<TypeLabels> {
  const labels: TypeLabels = { ...DEFAULT_TYPE_LABELS };
  for (const r of await repo.typeLabelRows(ex)) labels[r.item_type] = { zh: r.zh, en: r.en, num: r.num, letters: r.letters };
  return labels;
}

export interface ItemQuery {
  type?: ItemType;
  kind?: 'power' | 'service';
  orgId?: number;
  regionCode?: string;
  level?: repo.ItemLevel;
  lifeEvent?: string;
  applicantKind?: 'person' | 'legal';
  visits?: number;
  online?: boolean;
  status?: 'published' | 'retired';
  q?: string;
  sort?: repo.ItemSort;
  cursor?: string;
  limit?: number;
}

function filterOf(q: ItemQuery): repo.ItemFilter {
  return {
    type: q.type,
    kind: q.kind,
    orgId: q.orgId,
    regionPrefix: q.regionCode === undefined ? undefined : subtreePrefix(q.regionCode),
    level: q.level,
    lifeEvent: q.lifeEvent,
    applicantKind: q.applicantKind,
    maxVisits: q.visits,
    online: q.online,
    status: q.status ?? 'published',
    q: q.q,
  };
}

/** Public reads of the catalog. Items never published (status draft) do not exist for the public. */
export class CatalogService {
  constructor(private readonly db: Db) {}

  async listItems(q: ItemQuery): Promise<Page<ItemSummary>> {
    const ex = executor(this.db);
    const limit = clampLimit(q.limit);
    const sort = q.sort ?? 'name';
    const after = decodeCursor(q.cursor);
    if (after && !(after.length === 2 && (sort === 'name' ? typeof after[0] === 'string' : Number.isInteger(after[0])) && Number.isInteger(after[1]))) badCursor();
    const rows = await repo.listItems(ex, filterOf(q), sort, after, limit);
    const page = paginate(rows, limit, (r) => (sort === 'name' ? [r.name, r.id] : [r.popularity, r.id]));
    const labels = await loadTypeLabels(ex);
    return { items: page.items.map((r) => presentItem(r, labels)), nextCursor: page.nextCursor };
  }

  private async publicItem(ex: Executor, id: number): Promise<repo.ItemWithContent> {
    const item = await repo.findItem(ex, id);
    if (!item || item.status === 'draft' || item.current_version === 0) throw CatalogErrors.ITEM_NOT_FOUND();
    return item;
  }

  /** The item in force: its current published content, version, type label and implementing body. */
  async getItem(id: number) {
    const ex = executor(this.db);
    const item = await this.publicItem(ex, id);
    const [current] = await repo.findVersions(ex, id, [item.current_version]);
    const labels = await loadTypeLabels(ex);
    return {
      ...presentItem(item, labels),
      content: item.content as ItemContent,
      version: current ? presentVersion(current) : null,
    };
  }

  async listVersions(id: number): Promise<{ itemId: number; currentVersion: number; items: VersionSummary[] }> {
    const ex = executor(this.db);
    const item = await this.publicItem(ex, id);
    const rows = await repo.listVersions(ex, id);
    return { itemId: id, currentVersion: item.current_version, items: rows.map(presentVersion) };
  }

  async getVersion(id: number, no: number) {
    const ex = executor(this.db);
    await this.publicItem(ex, id);
    const [v] = await repo.findVersions(ex, id, [no]);
    if (!v) throw CatalogErrors.VERSION_NOT_FOUND({ vars: { no } });
    return { itemId: id, ...presentVersion(v), content: v.content as ItemContent };
  }

  /** Field-by-field difference between two published versions (default: the one before the current → the current). */
  async diff(id: number, q: { from?: number; to?: number }): Promise<{ itemId: number; from: VersionSummary; to: VersionSummary } & ContentDiff> {
    const ex = executor(this.db);
    const item = await this.publicItem(ex, id);
    const to = q.to ?? item.current_version;
    const from = q.from ?? to - 1;
    if (from < 1) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'from', message: '第 1 版之前没有可比较的版本', messageEn: 'There is no version before version 1', in: 'query' }] });
    }
    const rows = await repo.findVersions(ex, id, [from, to]);
    const a = rows.find((r) => r.version_no === from);
    const b = rows.find((r) => r.version_no === to);
    if (!a) throw CatalogErrors.VERSION_NOT_FOUND({ vars: { no: from } });
    if (!b) throw CatalogErrors.VERSION_NOT_FOUND({ vars: { no: to } });
    return { itemId: id, from: presentVersion(a), to: presentVersion(b), ...diffContent(a.content as ItemContent, b.content as ItemContent) };
  }

  async types() {
    const labels = await loadTypeLabels(executor(this.db));
    return { items: ITEM_TYPES.map((t) => ({ itemType: t, ...labels[t], kind: isPowerType(t) ? ('power' as const) : ('service' as const) })) };
  }

  /** Published items that allow approval on commitment (告知承诺制). */
  async commitmentList(q: Pick<ItemQuery, 'type' | 'orgId' | 'regionCode' | 'cursor' | 'limit'>): Promise<Page<ItemSummary>> {
    const ex = executor(this.db);
    const limit = clampLimit(q.limit, 50);
    const after = decodeCursor(q.cursor);
    if (after && !(after.length === 2 && typeof after[0] === 'string' && Number.isInteger(after[1]))) badCursor();
    const rows = await repo.listItems(ex, { ...filterOf(q), status: 'published', commitmentAllowed: true }, 'name', after, limit);
    const page = paginate(rows, limit, (r) => [r.name, r.id]);
    const labels = await loadTypeLabels(ex);
    return { items: page.items.map((r) => presentItem(r, labels)), nextCursor: page.nextCursor };
  }

  /** Materials of published items that may be handed in after acceptance (容缺受理), each with its item. */
  async deferrableList(q: Pick<ItemQuery, 'type' | 'orgId' | 'regionCode' | 'cursor' | 'limit'>) {
    const ex = executor(this.db);
    const limit = clampLimit(q.limit, 50);
    const after = decodeCursor(q.cursor);
    if (after && !(after.length === 3 && typeof after[0] === 'string' && Number.isInteger(after[1]) && Number.isInteger(after[2]))) badCursor();
    const rows = await repo.listDeferrable(ex, { ...filterOf(q), status: 'published' }, after as [string, number, number] | undefined, limit);
    const page = paginate(rows, limit, (r) => [r.item_name, r.item_id, r.ord]);
    return {
      items: page.items.map((r) => ({
        item: { id: r.item_id, implCode: r.impl_code, name: r.item_name, itemType: r.item_type, org: { id: r.org_id, name: r.org_name }, regionCode: r.region_code },
        position: r.ord - 1,
        material: r.material,
      })),
      nextCursor: page.nextCursor,
    };
  }
}

// ── bulk publication ───────────────────────────────────────────────────────

export interface PublishDirectOptions {
  /** Approval document number of the list being loaded (e.g. 澄政发〔2025〕12号). */
  approvalDocNo: string;
  /** YYYY-MM-DD */
  effectiveDate: string;
  reason?: string | null;
  who: AuditWho;
}

/**
 * The bulk path for a power/service list that has already been approved and
 * published elsewhere (an import of the official list, the demo seed): each
 * content is published directly, without an adjustment request, under the
 * same rules as an adjustment (validation naming `items.<i>.<field>`,
 * 四级四同, immutable version = current + 1 with the approval document number
 * and effective date, search index, one `catalog.item_published` event per
 * item). An item whose implementation code is already in the catalog gets a
 * new version; one whose published content is identical is left alone
 * (counted as unchanged), so re-running an import is harmless. Rows are
 * written in batches of 500, and the batch is audited by ONE entry
 * (`catalog.bulk_published`) with its counts rather than one per item.
 * Runs in the caller's transaction: any refusal rolls back the whole batch.
 */
export async function publishDirect(
  tx: Executor,
  content: ItemContentInput | readonly ItemContentInput[],
  opts: PublishDirectOptions,
): Promise<PublishOutcome> {
  const list = Array.isArray(content) ? (content as readonly ItemContentInput[]) : [content as ItemContentInput];
  return publishEntries(
    tx,
    list.map((c, i) => ({ content: c, path: `items.${i}`, change: 'auto' as const })),
    { approvalDocNo: opts.approvalDocNo, effectiveDate: opts.effectiveDate, reason: opts.reason ?? null, who: opts.who },
    'batch',
  );
}
