/** SQL of the cases module: categories, cases, photos. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { CategoryKind, HotlineKind, LimitUnit, Urgency } from './cases.schema.ts';
import type { DuplicateCandidate, OrgFacts } from './cases.rules.ts';

// ── categories ─────────────────────────────────────────────────────────────

export interface CategoryRow {
  id: number;
  code: string;
  kind: CategoryKind;
  class_name: string;
  name: string;
  filing_conditions: string;
  closing_conditions: string;
  limit_amount: number;
  limit_unit: LimitUnit;
  default_urgency: Urgency;
  duty_matter_code: string | null;
  hotline_kind: HotlineKind | null;
  call_script: string | null;
  sort: number;
  active: boolean;
  version: number;
  updated_at: string;
}

export interface CategoryValues {
  kind: CategoryKind;
  className: string;
  name: string;
  filingConditions: string;
  closingConditions: string;
  limitAmount: number;
  limitUnit: LimitUnit;
  defaultUrgency: Urgency;
  dutyMatterCode: string | null;
  hotlineKind: HotlineKind | null;
  callScript: string | null;
  sort: number;
  active: boolean;
}

export async function listCategories(ex: Executor, f: { kind?: CategoryKind; includeInactive?: boolean }): Promise<CategoryRow[]> {
  const conds: SQL[] = [sql`true`];
  if (f.kind) conds.push(sql`kind = ${f.kind}`);
  if (!f.includeInactive) conds.push(sql`active`);
  return query<CategoryRow>(ex, sql`select * from case_categories where ${sql.join(conds, sql` and `)} order by sort, id`);
}

export async function findCategory(ex: Executor, id: number): Promise<CategoryRow | undefined> {
  const [r] = await query<CategoryRow>(ex, sql`select * from case_categories where id = ${id}`);
  return r;
}

export async function findCategoryByCode(ex: Executor, code: string): Promise<CategoryRow | undefined> {
  const [r] = await query<CategoryRow>(ex, sql`select * from case_categories where code = ${code}`);
  return r;
}

/** The active hotline category of a 12345 request kind (its limit is the kind's default limit). */
export async function hotlineKindCategory(ex: Executor, kind: HotlineKind): Promise<CategoryRow | undefined> {
  const [r] = await query<CategoryRow>(ex, sql`select * from case_categories where kind = 'hotline' and hotline_kind = ${kind} and active order by sort, id limit 1`);
  return r;
}

export async function insertCategory(ex: Executor, code: string, v: CategoryValues): Promise<number> {
  const [r] = await query<{ id: number }>(
    ex,
    sql`insert into case_categories (code, kind, class_name, name, filing_conditions, closing_conditions, limit_amount, limit_unit, default_urgency,
          duty_matter_code, hotline_kind, call_script, sort, active)
        values (${code}, ${v.kind}, ${v.className}, ${v.name}, ${v.filingConditions}, ${v.closingConditions}, ${v.limitAmount}, ${v.limitUnit},
          ${v.defaultUrgency}, ${v.dutyMatterCode}, ${v.hotlineKind}, ${v.callScript}, ${v.sort}, ${v.active})
        returning id`,
  );
  return r.id;
}

export async function updateCategory(ex: Executor, id: number, version: number, v: CategoryValues): Promise<boolean> {
  const rows = await query<{ id: number }>(
    ex,
    sql`update case_categories set kind = ${v.kind}, class_name = ${v.className}, name = ${v.name}, filing_conditions = ${v.filingConditions},
          closing_conditions = ${v.closingConditions}, limit_amount = ${v.limitAmount}, limit_unit = ${v.limitUnit}, default_urgency = ${v.defaultUrgency},
          duty_matter_code = ${v.dutyMatterCode}, hotline_kind = ${v.hotlineKind}, call_script = ${v.callScript}, sort = ${v.sort}, active = ${v.active},
          version = version + 1, updated_at = now()
        where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

// ── cases ──────────────────────────────────────────────────────────────────

export interface CaseRow {
  id: number;
  case_no: string;
  kind: string;
  source: string;
  category_id: number;
  category_code: string;
  category_version: number;
  limit_amount: number;
  limit_unit: string;
  title: string | null;
  description: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  grid_id: string | null;
  grid_code: string | null;
  grid_name: string | null;
  town_region_code: string | null;
  region_code: string;
  requester_kind: string;
  requester_account_id: number | null;
  requester_name: string | null;
  requester_phone: string | null;
  requester_phone_masked: string | null;
  requester_uscc: string | null;
  reporter_account_id: number | null;
  hotline_kind: HotlineKind | null;
  urgency: Urgency;
  state: string;
  version: number;
  route: unknown;
  routable: boolean;
  lead_org_id: number | null;
  lead_org_name: string | null;
  lead_org_path: number[];
  supporting_org_ids: number[];
  returned_org_ids: number[];
  escalation_level: number;
  rework_count: number;
  extension_count: number;
  urge_count: number;
  pending_extension: { amount: number; reason: string; by: string; at: string } | null;
  due_at: string | null;
  first_dispatched_at: string | null;
  handled_at: string | null;
  closed_at: string | null;
  closed_on_time: boolean | null;
  satisfaction: string | null;
  evaluation_score: number | null;
  merged_into: number | null;
  external_ref: string | null;
  reported_at: string;
  created_at: string;
  updated_at: string;
  category_name: string;
  category_class: string;
}

const SELECT_CASE = sql`select c.id::float8 as id, c.case_no, c.kind, c.source, c.category_id, c.category_code, c.category_version, c.limit_amount, c.limit_unit,
  c.title, c.description, c.lng, c.lat, c.address, c.grid_id, c.grid_code, c.grid_name, c.town_region_code, c.region_code, c.requester_kind,
  c.requester_account_id, c.requester_name, c.requester_phone, c.requester_phone_masked, c.requester_uscc, c.reporter_account_id, c.hotline_kind,
  c.urgency, c.state, c.version, c.route, c.routable, c.lead_org_id, o.name as lead_org_name, c.lead_org_path, c.supporting_org_ids, c.returned_org_ids,
  c.escalation_level, c.rework_count, c.extension_count, c.urge_count, c.pending_extension, c.due_at, c.first_dispatched_at, c.handled_at, c.closed_at,
  c.closed_on_time, c.satisfaction, c.evaluation_score, c.merged_into::float8 as merged_into, c.external_ref, c.reported_at, c.created_at, c.updated_at,
  k.name as category_name, k.class_name as category_class
  from cases c join case_categories k on k.id = c.category_id left join organisations o on o.id = c.lead_org_id`;

export async function findCase(ex: Executor, id: number): Promise<CaseRow | undefined> {
  const [r] = await query<CaseRow>(ex, sql`${SELECT_CASE} where c.id = ${id}`);
  return r;
}

export async function findCaseByNo(ex: Executor, caseNo: string): Promise<CaseRow | undefined> {
  const [r] = await query<CaseRow>(ex, sql`${SELECT_CASE} where c.case_no = ${caseNo}`);
  return r;
}

export async function findByExternalRef(ex: Executor, source: string, ref: string): Promise<CaseRow | undefined> {
  const [r] = await query<CaseRow>(ex, sql`${SELECT_CASE} where c.source = ${source} and c.external_ref = ${ref}`);
  return r;
}

export async function nextCaseId(ex: Executor): Promise<number> {
  const [r] = await query<{ id: number }>(ex, sql`select nextval(pg_get_serial_sequence('cases', 'id'))::float8 as id`);
  return Number(r.id);
}

export interface NewCase {
  id: number;
  caseNo: string;
  kind: string;
  source: string;
  categoryId: number;
  categoryCode: string;
  categoryVersion: number;
  limitAmount: number;
  limitUnit: string;
  title: string | null;
  description: string;
  lng: number | null;
  lat: number | null;
  address: string | null;
  gridId: string | null;
  gridCode: string | null;
  gridName: string | null;
  townRegionCode: string | null;
  regionCode: string;
  requesterKind: string;
  requesterAccountId: number | null;
  requesterName: string | null;
  requesterPhone: string | null;
  requesterPhoneMasked: string | null;
  requesterPhoneHash: string | null;
  requesterUscc: string | null;
  reporterAccountId: number | null;
  hotlineKind: string | null;
  urgency: string;
  state: string;
  route: unknown;
  routable: boolean;
  supportingOrgIds: number[];
  externalRef: string | null;
  reportedAt: string;
}

export async function insertCase(ex: Executor, c: NewCase): Promise<void> {
  await ex.execute(sql`insert into cases (id, case_no, kind, source, category_id, category_code, category_version, limit_amount, limit_unit, title, description,
      lng, lat, address, grid_id, grid_code, grid_name, town_region_code, region_code, requester_kind, requester_account_id, requester_name, requester_phone,
      requester_phone_masked, requester_phone_hash, requester_uscc, reporter_account_id, hotline_kind, urgency, state, route, routable, supporting_org_ids,
      external_ref, reported_at)
    values (${c.id}, ${c.caseNo}, ${c.kind}, ${c.source}, ${c.categoryId}, ${c.categoryCode}, ${c.categoryVersion}, ${c.limitAmount}, ${c.limitUnit}, ${c.title},
      ${c.description}, ${c.lng}, ${c.lat}, ${c.address}, ${c.gridId}, ${c.gridCode}, ${c.gridName}, ${c.townRegionCode}, ${c.regionCode}, ${c.requesterKind},
      ${c.requesterAccountId}, ${c.requesterName}, ${c.requesterPhone}, ${c.requesterPhoneMasked}, ${c.requesterPhoneHash}, ${c.requesterUscc},
      ${c.reporterAccountId}, ${c.hotlineKind}, ${c.urgency}, ${c.state}, ${JSON.stringify(c.route)}::jsonb, ${c.routable},
      ${sql.raw(`'{${c.supportingOrgIds.join(',')}}'::int[]`)}, ${c.externalRef}, ${c.reportedAt})`);
}

/** Sets columns of a case (inside a workflow transition's effect: the row is already locked by the state update). */
export async function patchCase(ex: Executor, id: number, set: SQL[]): Promise<void> {
  if (set.length === 0) return;
  await ex.execute(sql`update cases set ${sql.join(set, sql`, `)}, updated_at = now() where id = ${id}`);
}

export const intArray = (ids: readonly number[]) => sql.raw(`'{${ids.map((i) => Math.trunc(i)).join(',')}}'::int[]`);

/** Open cases of a sub-class inside a box and a time window: candidates for the exact duplicate rule. */
export async function duplicateCandidates(
  ex: Executor,
  q: { categoryCode: string; minLng: number; maxLng: number; minLat: number; maxLat: number; from: string; to: string; states: readonly string[] },
): Promise<DuplicateCandidate[]> {
  const rows = await query<{ id: number; case_no: string; category_code: string; lng: number; lat: number; reported_at: string; state: string }>(
    ex,
    sql`select id::float8 as id, case_no, category_code, lng, lat, reported_at, state from cases
        where category_code = ${q.categoryCode} and reported_at between ${q.from} and ${q.to}
          and lng between ${q.minLng} and ${q.maxLng} and lat between ${q.minLat} and ${q.maxLat}
          and state in (${sql.join(
            q.states.map((s) => sql`${s}`),
            sql`, `,
          )})
        limit 200`,
  );
  return rows.map((r) => ({ id: Number(r.id), caseNo: r.case_no, categoryCode: r.category_code, lng: r.lng, lat: r.lat, reportedAt: new Date(r.reported_at), state: r.state }));
}

export interface ListFilter {
  scope: SQL;
  states?: readonly string[];
  kind?: string;
  source?: string;
  categoryCode?: string;
  gridId?: string;
  leadOrgId?: number;
  reporterAccountId?: number;
  requesterAccountId?: number;
  phoneHash?: string;
  overdueAt?: string;
  q?: string;
}

export type CaseOrder = 'recent' | 'due' | 'queue';

/** A page of cases. Orders: recent (newest first), due (overdue first, then due soonest, urgency), queue (urgency, oldest first). */
export async function listCases(ex: Executor, f: ListFilter, order: CaseOrder, offset: number, limit: number): Promise<CaseRow[]> {
  const conds: SQL[] = [f.scope];
  if (f.states?.length) conds.push(sql`c.state in (${sql.join(f.states.map((s) => sql`${s}`), sql`, `)})`);
  if (f.kind) conds.push(sql`c.kind = ${f.kind}`);
  if (f.source) conds.push(sql`c.source = ${f.source}`);
  if (f.categoryCode) conds.push(sql`c.category_code = ${f.categoryCode}`);
  if (f.gridId) conds.push(sql`c.grid_id = ${f.gridId}`);
  if (f.leadOrgId !== undefined) conds.push(sql`c.lead_org_id = ${f.leadOrgId}`);
  if (f.reporterAccountId !== undefined) conds.push(sql`c.reporter_account_id = ${f.reporterAccountId}`);
  if (f.requesterAccountId !== undefined) conds.push(sql`c.requester_account_id = ${f.requesterAccountId}`);
  if (f.phoneHash) conds.push(sql`c.requester_phone_hash = ${f.phoneHash}`);
  if (f.overdueAt) conds.push(sql`c.state in ('dispatched', 'signed', 'returned', 'arbitration') and c.due_at < ${f.overdueAt}`);
  if (f.q) conds.push(sql`(c.case_no = ${f.q} or c.description like ${`%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`})`);
  const urgencyRank = sql`case c.urgency when 'emergency' then 0 when 'urgent' then 1 else 2 end`;
  const orderBy =
    order === 'due'
      ? sql`(c.due_at is null), c.due_at, ${urgencyRank}, c.id`
      : order === 'queue'
        ? sql`${urgencyRank}, c.escalation_level desc, c.reported_at, c.id`
        : sql`c.reported_at desc, c.id desc`;
  return query<CaseRow>(ex, sql`${SELECT_CASE} where ${sql.join(conds, sql` and `)} order by ${orderBy} offset ${offset} limit ${limit}`);
}

// ── organisations (read-only facts for routing and dispatch) ───────────────

export async function orgFacts(ex: Executor, ids: readonly number[]): Promise<Map<number, OrgFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await query<{ id: number; name: string; type: string; level: string; region_code: string; active: boolean; path: number[] }>(
    ex,
    sql`select id, name, type, level, region_code, active, path from organisations where id = any(${intArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, type: r.type, level: r.level, regionCode: r.region_code, active: r.active, path: r.path }]));
}

// ── photos ─────────────────────────────────────────────────────────────────

export async function insertPhotos(ex: Executor, caseId: number, regionCode: string, stage: string, fileIds: readonly string[], by: number | null): Promise<void> {
  for (const f of fileIds) {
    await ex.execute(sql`insert into case_photos (case_id, file_id, stage, region_code, added_by) values (${caseId}, ${f}, ${stage}, ${regionCode}, ${by})
      on conflict do nothing`);
  }
}

export async function photosOf(ex: Executor, caseId: number): Promise<{ file_id: string; stage: string; created_at: string }[]> {
  return query(ex, sql`select file_id, stage, created_at from case_photos where case_id = ${caseId} order by id`);
}

/**
 * The case's workflow history (the trace), read in the current transaction
 * (Workflows.history reads outside it, which a single-connection PGlite
 * cannot serve while a transaction is open).
 */
export async function historyOf(ex: Executor, workflow: string, id: number) {
  return query<{ action: string; from_state: string; to_state: string; actor_name: string; note: string | null; at: string; data: unknown }>(
    ex,
    sql`select action, from_state, to_state, actor_name, note, data, at from workflow_history where workflow = ${workflow} and subject_id = ${String(id)} order by id`,
  );
}
