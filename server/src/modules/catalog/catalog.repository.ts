/** SQL of catalog items, their published versions, base items and type labels. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { ItemType } from './catalog.types.rules.ts';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ── items ──────────────────────────────────────────────────────────────────

export type ItemStatus = 'draft' | 'published' | 'retired';
export type ItemLevel = 'province' | 'city' | 'county' | 'town';

export interface ItemRow {
  id: number;
  impl_code: string;
  base_code: string | null;
  item_type: ItemType;
  name: string;
  sub_item_name: string | null;
  variant: 'new' | 'change' | 'renew' | 'cancel' | null;
  region_code: string;
  org_id: number | null;
  org_name: string;
  level: ItemLevel;
  status: ItemStatus;
  current_version: number;
  visits: number | null;
  online: boolean;
  statutory_days: number | null;
  promised_days: number | null;
  applicant_kinds: string[];
  life_events: string[];
  commitment_allowed: boolean;
  popularity: number;
  version: number;
  updated_at: Date | string;
}

export interface ItemWithContent extends ItemRow {
  content: unknown;
  /** Path of the implementing organisation (empty without one). */
  org_path: number[];
}

const ITEM_COLS = sql.raw(`i.id, i.impl_code, i.base_code, i.item_type, i.name, i.sub_item_name, i.variant, i.region_code, i.org_id, i.org_name,
  i.level, i.status, i.current_version, i.visits, i.online, i.statutory_days, i.promised_days, i.applicant_kinds, i.life_events,
  i.commitment_allowed, i.popularity, i.version, i.updated_at`);

export async function findItem(ex: Executor, id: number, opts: { lock?: boolean } = {}): Promise<ItemWithContent | undefined> {
  const [row] = await query<ItemWithContent>(
    ex,
    sql`select ${ITEM_COLS}, i.content, coalesce((select o.path from organisations o where o.id = i.org_id), '{}'::int[]) as org_path
          from catalog_items i where i.id = ${id} ${opts.lock ? sql`for update of i` : sql``}`,
  );
  return row;
}

export interface ItemFilter {
  type?: ItemType;
  kind?: 'power' | 'service';
  orgId?: number;
  /** Region subtree prefix. */
  regionPrefix?: string;
  level?: ItemLevel;
  lifeEvent?: string;
  applicantKind?: 'person' | 'legal';
  maxVisits?: number;
  online?: boolean;
  status: ItemStatus;
  q?: string;
  commitmentAllowed?: boolean;
}

export type ItemSort = 'name' | 'popularity';

function itemWhere(f: ItemFilter): SQL[] {
  const where: SQL[] = [sql`i.status = ${f.status}`];
  if (f.type) where.push(sql`i.item_type = ${f.type}`);
  if (f.kind === 'power') where.push(sql`i.item_type <> 'public_service'`);
  if (f.kind === 'service') where.push(sql`i.item_type = 'public_service'`);
  if (f.orgId !== undefined) where.push(sql`i.org_id = ${f.orgId}`);
  if (f.regionPrefix !== undefined) where.push(sql`i.region_code like ${`${escapeLike(f.regionPrefix)}%`}`);
  if (f.level) where.push(sql`i.level = ${f.level}`);
  if (f.lifeEvent) where.push(sql`i.life_events @> array[${f.lifeEvent}]::text[]`);
  if (f.applicantKind) where.push(sql`i.applicant_kinds @> array[${f.applicantKind}]::text[]`);
  if (f.maxVisits !== undefined) where.push(sql`i.visits <= ${f.maxVisits}`);
  if (f.online !== undefined) where.push(sql`i.online = ${f.online}`);
  if (f.commitmentAllowed !== undefined) where.push(sql`i.commitment_allowed = ${f.commitmentAllowed}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(i.name like ${like} or i.sub_item_name like ${like})`);
  }
  return where;
}

/**
 * Items in (name, id) or (popularity desc, id) order; `after` is the cursor
 * key of the last row seen ([name, id] or [popularity, id]).
 */
export async function listItems(ex: Executor, f: ItemFilter, sort: ItemSort, after: unknown[] | undefined, limit: number): Promise<ItemRow[]> {
  const where = itemWhere(f);
  let order: SQL;
  if (sort === 'popularity') {
    if (after) where.push(sql`(i.popularity < ${after[0]} or (i.popularity = ${after[0]} and i.id > ${after[1]}))`);
    order = sql`i.popularity desc, i.id`;
  } else {
    if (after) where.push(sql`(i.name, i.id) > (${after[0]}, ${after[1]})`);
    order = sql`i.name, i.id`;
  }
  return query<ItemRow>(ex, sql`select ${ITEM_COLS} from catalog_items i where ${sql.join(where, sql` and `)} order by ${order} limit ${limit + 1}`);
}

export interface DeferrableRow {
  item_id: number;
  impl_code: string;
  item_name: string;
  item_type: ItemType;
  org_id: number | null;
  org_name: string;
  region_code: string;
  ord: number;
  material: Record<string, unknown>;
}

/** Materials that may be handed in after acceptance (容缺), with their item, in (item name, item id, position) order. */
export async function listDeferrable(ex: Executor, f: ItemFilter, after: [string, number, number] | undefined, limit: number): Promise<DeferrableRow[]> {
  const where = itemWhere(f);
  where.push(sql`coalesce((m.value ->> 'deferrable')::boolean, false)`);
  if (after) where.push(sql`(i.name, i.id, m.ord::int) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return query<DeferrableRow>(
    ex,
    sql`select i.id as item_id, i.impl_code, i.name as item_name, i.item_type, i.org_id, i.org_name, i.region_code, m.ord::int as ord, m.value as material
          from catalog_items i
          cross join lateral jsonb_array_elements(coalesce(i.content -> 'materials', '[]'::jsonb)) with ordinality as m(value, ord)
         where ${sql.join(where, sql` and `)}
         order by i.name, i.id, m.ord limit ${limit + 1}`,
  );
}

export interface ItemByCode {
  id: number;
  impl_code: string;
  region_code: string;
  current_version: number;
  status: ItemStatus;
  content: unknown;
}

/** Items by implementation code, locked until the transaction ends. */
export async function findItemIdsByImplCode(ex: Executor, codes: string[], opts: { lock?: boolean } = { lock: true }): Promise<Map<string, ItemByCode>> {
  if (codes.length === 0) return new Map();
  const rows = await query<ItemByCode>(
    ex,
    sql`select id, impl_code, region_code, current_version, status, content from catalog_items
         where impl_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb)) ${opts.lock ? sql`for update` : sql``}`,
  );
  return new Map(rows.map((r) => [r.impl_code, r]));
}

export async function publishedCount(ex: Executor): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from catalog_items where status = 'published'`);
  return row.n;
}

/** Reserves `n` ids of catalog_items (the implementation code of a new item may be derived from its id). */
export async function reserveItemIds(ex: Executor, n: number): Promise<number[]> {
  if (n === 0) return [];
  const rows = await query<{ id: number }>(
    ex,
    sql`select nextval(pg_get_serial_sequence('catalog_items', 'id'))::int as id from generate_series(1, ${n})`,
  );
  return rows.map((r) => r.id);
}

/** The columns of catalog_items a publication writes. */
export interface ItemValues {
  id: number;
  impl_code: string;
  base_code: string | null;
  item_type: ItemType;
  name: string;
  sub_item_name: string | null;
  variant: string | null;
  region_code: string;
  org_id: number | null;
  org_name: string;
  level: ItemLevel;
  status: ItemStatus;
  current_version: number;
  visits: number | null;
  online: boolean;
  statutory_days: number | null;
  promised_days: number | null;
  applicant_kinds: string[];
  life_events: string[];
  commitment_allowed: boolean;
  content: unknown;
}

const RECORD_COLS = sql.raw(`id int, impl_code text, base_code text, item_type text, name text, sub_item_name text, variant text,
  region_code text, org_id int, org_name text, level text, status text, current_version int, visits int, online boolean,
  statutory_days int, promised_days int, applicant_kinds jsonb, life_events jsonb, commitment_allowed boolean, content jsonb`);
const textArray = (col: string) => sql.raw(`array(select jsonb_array_elements_text(coalesce(v.${col}, '[]'::jsonb)))::text[]`);

/** Inserts new items (ids reserved with reserveItemIds); one statement per call. */
export async function insertItems(ex: Executor, rows: ItemValues[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.execute(sql`insert into catalog_items (id, impl_code, base_code, item_type, name, sub_item_name, variant, region_code, org_id, org_name,
      level, status, current_version, visits, online, statutory_days, promised_days, applicant_kinds, life_events, commitment_allowed, content)
    select v.id, v.impl_code, v.base_code, v.item_type, v.name, v.sub_item_name, v.variant, v.region_code, v.org_id, v.org_name,
      v.level, v.status, v.current_version, v.visits, v.online, v.statutory_days, v.promised_days, ${textArray('applicant_kinds')}, ${textArray('life_events')},
      v.commitment_allowed, v.content
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${RECORD_COLS})`);
}

/** Writes the published content and its filter columns over existing items; bumps their edit version. */
export async function updateItems(ex: Executor, rows: ItemValues[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.execute(sql`update catalog_items i set impl_code = v.impl_code, base_code = v.base_code, item_type = v.item_type, name = v.name,
      sub_item_name = v.sub_item_name, variant = v.variant, region_code = v.region_code, org_id = v.org_id, org_name = v.org_name,
      level = v.level, status = v.status, current_version = v.current_version, visits = v.visits, online = v.online,
      statutory_days = v.statutory_days, promised_days = v.promised_days, applicant_kinds = ${textArray('applicant_kinds')},
      life_events = ${textArray('life_events')}, commitment_allowed = v.commitment_allowed, content = v.content,
      version = i.version + 1, updated_at = now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(${RECORD_COLS})
    where i.id = v.id`);
}

// ── versions ───────────────────────────────────────────────────────────────

export interface VersionValues {
  item_id: number;
  version_no: number;
  content: unknown;
  change: 'create' | 'update' | 'retire';
  effective_date: string;
  approval_doc_no: string;
  adjustment_id: number | null;
  reason: string | null;
  published_by: number | null;
}

export async function insertVersions(ex: Executor, rows: VersionValues[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.execute(sql`insert into catalog_item_versions (item_id, version_no, content, change, effective_date, approval_doc_no, adjustment_id, reason, published_by)
    select v.item_id, v.version_no, v.content, v.change, v.effective_date, v.approval_doc_no, v.adjustment_id, v.reason, v.published_by
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(item_id int, version_no int, content jsonb, change text, effective_date date, approval_doc_no text, adjustment_id int, reason text, published_by int)`);
}

export interface VersionRow {
  version_no: number;
  change: 'create' | 'update' | 'retire';
  effective_date: string;
  approval_doc_no: string;
  adjustment_id: number | null;
  reason: string | null;
  basis: string | null;
  published_at: Date | string;
}

const VERSION_COLS = sql.raw(`v.version_no, v.change, to_char(v.effective_date, 'YYYY-MM-DD') as effective_date, v.approval_doc_no,
  v.adjustment_id, v.reason, a.basis, v.published_at`);

/** The item's published versions, newest first (without content). */
export async function listVersions(ex: Executor, itemId: number): Promise<VersionRow[]> {
  return query<VersionRow>(
    ex,
    sql`select ${VERSION_COLS} from catalog_item_versions v left join catalog_adjustments a on a.id = v.adjustment_id
         where v.item_id = ${itemId} order by v.version_no desc`,
  );
}

export async function findVersions(ex: Executor, itemId: number, nos: number[]): Promise<(VersionRow & { content: unknown })[]> {
  return query<VersionRow & { content: unknown }>(
    ex,
    sql`select ${VERSION_COLS}, v.content from catalog_item_versions v left join catalog_adjustments a on a.id = v.adjustment_id
         where v.item_id = ${itemId} and v.version_no in (select jsonb_array_elements_text(${JSON.stringify(nos.map(String))}::jsonb)::int)`,
  );
}

// ── base items (四级四同) ───────────────────────────────────────────────────

export interface BaseItemRow {
  base_code: string;
  name: string;
  item_type: ItemType;
}

export async function findBaseItems(ex: Executor, codes: string[]): Promise<Map<string, BaseItemRow>> {
  if (codes.length === 0) return new Map();
  const rows = await query<BaseItemRow>(
    ex,
    sql`select base_code, name, item_type from catalog_base_items where base_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
  return new Map(rows.map((r) => [r.base_code, r]));
}

/** Another item (not among `exclude`) implementing each base code: its name and type, for the 四级四同 check. */
export async function baseCodeUsers(ex: Executor, codes: string[], exclude: number[]): Promise<Map<string, { id: number; name: string; item_type: ItemType }>> {
  if (codes.length === 0) return new Map();
  const rows = await query<{ base_code: string; id: number; name: string; item_type: ItemType }>(
    ex,
    sql`select distinct on (base_code) base_code, id, name, item_type from catalog_items
         where base_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))
           and status = 'published'
           and id not in (select jsonb_array_elements_text(${JSON.stringify(exclude.map(String))}::jsonb)::int)
         order by base_code, id`,
  );
  return new Map(rows.map(({ base_code, ...r }) => [base_code, r]));
}

export async function insertBaseItems(ex: Executor, rows: { base_code: string; name: string; item_type: ItemType; legal_basis: unknown }[]): Promise<void> {
  if (rows.length === 0) return;
  await ex.execute(sql`insert into catalog_base_items (base_code, name, item_type, legal_basis)
    select v.base_code, v.name, v.item_type, v.legal_basis
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(base_code text, name text, item_type text, legal_basis jsonb)
    on conflict (base_code) do nothing`);
}

// ── organisations (read-only: implementing bodies) ─────────────────────────

export interface OrgRef {
  id: number;
  name: string;
  region_code: string;
  path: number[];
}

export async function findOrgRefs(ex: Executor, ids: number[]): Promise<Map<number, OrgRef>> {
  if (ids.length === 0) return new Map();
  const rows = await query<OrgRef>(
    ex,
    sql`select id, name, region_code, path from organisations where id in (select jsonb_array_elements_text(${JSON.stringify(ids.map(String))}::jsonb)::int)`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

// ── type labels ────────────────────────────────────────────────────────────

export async function typeLabelRows(ex: Executor): Promise<{ item_type: ItemType; zh: string; en: string; num: number; letters: string }[]> {
  return query(ex, sql`select item_type, zh, en, num, letters from catalog_type_labels`);
}
