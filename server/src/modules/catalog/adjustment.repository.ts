/** SQL of adjustment requests (catalog_adjustments) and their workflow history. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { ItemStatus } from './catalog.repository.ts';

export interface AdjustmentRow {
  id: number;
  item_id: number | null;
  change: 'create' | 'update' | 'retire';
  proposed: unknown;
  base_version: number;
  reason: string;
  basis: string;
  state: string;
  version: number;
  region_code: string;
  org_id: number | null;
  requested_by: number;
  requested_by_name: string | null;
  review_note: string | null;
  approval_doc_no: string | null;
  effective_date: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  /** The item's version in force now (0 for a create, or before the first publication). */
  item_current_version: number | null;
  item_status: ItemStatus | null;
  org_path: number[];
}

const ADJ_SELECT = sql.raw(`select a.id, a.item_id, a.change, a.proposed, a.base_version, a.reason, a.basis, a.state, a.version, a.region_code,
    a.org_id, a.requested_by, acc.display_name as requested_by_name, a.review_note, a.approval_doc_no,
    to_char(a.effective_date, 'YYYY-MM-DD') as effective_date, a.created_at, a.updated_at,
    i.current_version as item_current_version, i.status as item_status,
    coalesce(o.path, '{}'::int[]) as org_path
  from catalog_adjustments a
  left join catalog_items i on i.id = a.item_id
  left join organisations o on o.id = a.org_id
  left join accounts acc on acc.id = a.requested_by`);

/** Scope columns of the adjustment listing, for the policy's SQL condition. */
export const ADJUSTMENT_SCOPE_COLS = { region: sql.raw('a.region_code'), path: sql.raw(`coalesce(o.path, '{}'::int[])`) };

export async function findAdjustment(ex: Executor, id: number, opts: { lock?: boolean } = {}): Promise<AdjustmentRow | undefined> {
  const [row] = await query<AdjustmentRow>(ex, sql`${ADJ_SELECT} where a.id = ${id} ${opts.lock ? sql`for update of a` : sql``}`);
  return row;
}

export interface NewAdjustment {
  itemId: number | null;
  change: 'create' | 'update' | 'retire';
  proposed: unknown;
  baseVersion: number;
  reason: string;
  basis: string;
  state: string;
  regionCode: string;
  orgId: number | null;
  requestedBy: number;
}

export async function insertAdjustment(ex: Executor, a: NewAdjustment): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_adjustments (item_id, change, proposed, base_version, reason, basis, state, region_code, org_id, requested_by)
        values (${a.itemId}, ${a.change}, ${JSON.stringify(a.proposed)}::jsonb, ${a.baseVersion}, ${a.reason}, ${a.basis}, ${a.state},
                ${a.regionCode}, ${a.orgId}, ${a.requestedBy})
        returning id`,
  );
  return row.id;
}

/** Edits a draft or returned request if the version still matches; returns the new version or null. */
export async function updateAdjustmentProposal(
  ex: Executor,
  id: number,
  expectedVersion: number,
  v: { proposed: unknown; reason: string; basis: string; baseVersion: number; regionCode: string; orgId: number | null },
): Promise<number | null> {
  const [row] = await query<{ version: number }>(
    ex,
    sql`update catalog_adjustments set proposed = ${JSON.stringify(v.proposed)}::jsonb, reason = ${v.reason}, basis = ${v.basis},
          base_version = ${v.baseVersion}, region_code = ${v.regionCode}, org_id = ${v.orgId}, version = version + 1, updated_at = now()
        where id = ${id} and version = ${expectedVersion} and state in ('draft', 'returned')
        returning version`,
  );
  return row ? row.version : null;
}

/** Fields the workflow's actions record on the request (review note, approval). */
export async function setAdjustmentFields(
  ex: Executor,
  id: number,
  v: { reviewNote?: string | null; approvalDocNo?: string; effectiveDate?: string; itemId?: number },
): Promise<void> {
  const sets: SQL[] = [sql`updated_at = now()`];
  if (v.reviewNote !== undefined) sets.push(sql`review_note = ${v.reviewNote}`);
  if (v.approvalDocNo !== undefined) sets.push(sql`approval_doc_no = ${v.approvalDocNo}`);
  if (v.effectiveDate !== undefined) sets.push(sql`effective_date = ${v.effectiveDate}`);
  if (v.itemId !== undefined) sets.push(sql`item_id = ${v.itemId}`);
  await ex.execute(sql`update catalog_adjustments set ${sql.join(sets, sql`, `)} where id = ${id}`);
}

export interface AdjustmentFilter {
  states?: readonly string[];
  requestedBy?: number;
  itemId?: number;
}

/** Requests visible under `scope`, newest first; `after` is the id of the last row seen. */
export async function listAdjustments(ex: Executor, f: AdjustmentFilter, scope: SQL, after: number | undefined, limit: number): Promise<AdjustmentRow[]> {
  const where: SQL[] = [scope];
  if (f.states?.length) where.push(sql`a.state in (select jsonb_array_elements_text(${JSON.stringify(f.states)}::jsonb))`);
  if (f.requestedBy !== undefined) where.push(sql`a.requested_by = ${f.requestedBy}`);
  if (f.itemId !== undefined) where.push(sql`a.item_id = ${f.itemId}`);
  if (after !== undefined) where.push(sql`a.id < ${after}`);
  return query<AdjustmentRow>(ex, sql`${ADJ_SELECT} where ${sql.join(where, sql` and `)} order by a.id desc limit ${limit + 1}`);
}

export interface TransitionRow {
  action: string;
  from_state: string;
  to_state: string;
  version: number;
  actor_name: string;
  note: string | null;
  at: Date | string;
}

/**
 * A request's transitions, oldest first (workflow_history, read through the
 * caller's executor so a request inside a transaction sees its own writes).
 */
export async function adjustmentHistory(ex: Executor, workflow: string, id: number): Promise<TransitionRow[]> {
  return query<TransitionRow>(
    ex,
    sql`select action, from_state, to_state, version, actor_name, note, at from workflow_history
         where workflow = ${workflow} and subject_id = ${String(id)} order by id`,
  );
}
