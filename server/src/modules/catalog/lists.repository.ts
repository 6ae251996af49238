/** SQL of the devolution list and the proof-requirement list, and the reference lookups the lists need. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { OrgFacts } from './lists.rules.ts';
import type { DevolutionStatus, EvaluationResult, ProofReplacement, ProofStatus } from './lists.schema.ts';

const list = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// ── reference data ─────────────────────────────────────────────────────────

export async function findRegion(ex: Executor, code: string): Promise<{ code: string; name: string; level: string } | undefined> {
  const [row] = await query<{ code: string; name: string; level: string }>(ex, sql`select code, name, level from regions where code = ${code}`);
  return row;
}

interface OrgRow {
  id: number;
  name: string;
  type: string;
  level: string;
  region_code: string;
  active: boolean;
  path: number[];
}

const toOrg = (r: OrgRow): OrgFacts & { path: number[] } => ({ id: r.id, name: r.name, type: r.type, level: r.level, regionCode: r.region_code, active: r.active, path: r.path });

export async function findOrgs(ex: Executor, ids: number[]): Promise<Map<number, OrgFacts & { path: number[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await query<OrgRow>(ex, sql`select id, name, type, level, region_code, active, path from organisations where id in (${list(ids)})`);
  return new Map(rows.map((r) => [r.id, toOrg(r)]));
}

/** The town government (street office, zone committee) of a town-level region: its first active such body. */
export async function townGovernment(ex: Executor, regionCode: string): Promise<OrgFacts | null> {
  const [row] = await query<OrgRow>(
    ex,
    sql`select id, name, type, level, region_code, active, path from organisations
         where region_code = ${regionCode} and active and type in ('town_government', 'street_office', 'dev_zone')
         order by case type when 'town_government' then 0 when 'street_office' then 1 else 2 end, sort, id limit 1`,
  );
  return row ? toOrg(row) : null;
}

export interface ItemFacts {
  id: number;
  name: string;
  impl_code: string;
  item_type: string;
  status: string;
  region_code: string;
  org_id: number | null;
  org_path: number[] | null;
}

export async function findItem(ex: Executor, id: number): Promise<ItemFacts | undefined> {
  const [row] = await query<ItemFacts>(
    ex,
    sql`select i.id, i.name, i.impl_code, i.item_type, i.status, i.region_code, i.org_id, o.path as org_path
          from catalog_items i left join organisations o on o.id = i.org_id where i.id = ${id}`,
  );
  return row;
}

// ── devolutions ────────────────────────────────────────────────────────────

export interface DevolutionRow {
  id: number;
  item_id: number;
  item_name: string;
  impl_code: string;
  item_type: string;
  item_org_name: string;
  region_code: string;
  region_name: string | null;
  org_id: number | null;
  org_name: string | null;
  field: string;
  legal_basis: string;
  decision_no: string;
  decided_by: string | null;
  effective_date: string;
  status: DevolutionStatus;
  note: string | null;
  last_evaluated_on: string | null;
  last_result: EvaluationResult | null;
  version: number;
  updated_at: Date;
}

const DEV_SELECT = sql.raw(`select d.id, d.item_id, i.name as item_name, i.impl_code, i.item_type, i.org_name as item_org_name,
       d.region_code, r.name as region_name, d.org_id, o.name as org_name, d.field, d.legal_basis, d.decision_no, d.decided_by,
       to_char(d.effective_date, 'YYYY-MM-DD') as effective_date, d.status, d.note,
       to_char(d.last_evaluated_on, 'YYYY-MM-DD') as last_evaluated_on, d.last_result, d.version, d.updated_at
  from catalog_devolutions d
  join catalog_items i on i.id = d.item_id
  left join regions r on r.code = d.region_code
  left join organisations o on o.id = d.org_id`);

export interface DevolutionFilter {
  /** Region subtree prefix of the receiving town. */
  regionPrefix?: string;
  orgId?: number;
  field?: string;
  itemId?: number;
  status?: DevolutionStatus;
}

function devWhere(f: DevolutionFilter): SQL[] {
  const where: SQL[] = [sql`true`];
  if (f.regionPrefix) where.push(sql`d.region_code like ${`${f.regionPrefix}%`}`);
  if (f.orgId !== undefined) where.push(sql`d.org_id = ${f.orgId}`);
  if (f.field) where.push(sql`d.field = ${f.field}`);
  if (f.itemId !== undefined) where.push(sql`d.item_id = ${f.itemId}`);
  if (f.status) where.push(sql`d.status = ${f.status}`);
  return where;
}

export async function listDevolutions(ex: Executor, f: DevolutionFilter, after: [string, number] | undefined, limit: number): Promise<DevolutionRow[]> {
  const where = devWhere(f);
  if (after) where.push(sql`(d.region_code, d.id) > (${after[0]}, ${after[1]})`);
  return query<DevolutionRow>(ex, sql`${DEV_SELECT} where ${sql.join(where, sql` and `)} order by d.region_code, d.id limit ${limit + 1}`);
}

export interface DevolutionCountRow {
  region_code: string;
  region_name: string | null;
  item_type: string;
  field: string;
  n: number;
}

/** Counts of the filtered devolutions per receiving region, item type and field (the caller folds them). */
export async function countDevolutions(ex: Executor, f: DevolutionFilter): Promise<DevolutionCountRow[]> {
  return query<DevolutionCountRow>(
    ex,
    sql`select d.region_code, r.name as region_name, i.item_type, d.field, count(*)::int as n
          from catalog_devolutions d join catalog_items i on i.id = d.item_id left join regions r on r.code = d.region_code
         where ${sql.join(devWhere(f), sql` and `)}
         group by d.region_code, r.name, i.item_type, d.field
         order by d.region_code`,
  );
}

export async function findDevolution(ex: Executor, id: number): Promise<DevolutionRow | undefined> {
  const [row] = await query<DevolutionRow>(ex, sql`${DEV_SELECT} where d.id = ${id}`);
  return row;
}

/** The current (not withdrawn) devolution of an item to a region, if any. */
export async function currentDevolution(ex: Executor, itemId: number, regionCode: string): Promise<{ id: number } | undefined> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`select id from catalog_devolutions where item_id = ${itemId} and region_code = ${regionCode} and status <> 'withdrawn'`,
  );
  return row;
}

export interface DevolutionValues {
  orgId: number | null;
  field: string;
  legalBasis: string;
  decisionNo: string;
  decidedBy: string | null;
  effectiveDate: string;
  status: DevolutionStatus;
  note: string | null;
}

export async function insertDevolution(ex: Executor, itemId: number, regionCode: string, v: DevolutionValues): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_devolutions (item_id, region_code, org_id, field, legal_basis, decision_no, decided_by, effective_date, status, note)
        values (${itemId}, ${regionCode}, ${v.orgId}, ${v.field}, ${v.legalBasis}, ${v.decisionNo}, ${v.decidedBy}, ${v.effectiveDate}, ${v.status}, ${v.note})
        returning id`,
  );
  return row.id;
}

/** Optimistic update; false when the version moved. */
export async function updateDevolution(ex: Executor, id: number, version: number, v: DevolutionValues): Promise<boolean> {
  const rows = await query<{ id: number }>(
    ex,
    sql`update catalog_devolutions set org_id = ${v.orgId}, field = ${v.field}, legal_basis = ${v.legalBasis}, decision_no = ${v.decisionNo},
               decided_by = ${v.decidedBy}, effective_date = ${v.effectiveDate}, status = ${v.status}, note = ${v.note},
               updated_at = now(), version = version + 1
         where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

export interface EvaluationRow {
  id: number;
  evaluated_on: string;
  result: EvaluationResult;
  note: string | null;
  evaluated_by: number | null;
  created_at: Date;
}

export async function listEvaluations(ex: Executor, devolutionId: number): Promise<EvaluationRow[]> {
  return query<EvaluationRow>(
    ex,
    sql`select id, to_char(evaluated_on, 'YYYY-MM-DD') as evaluated_on, result, note, evaluated_by, created_at
          from catalog_devolution_evaluations where devolution_id = ${devolutionId} order by evaluated_on desc, id desc`,
  );
}

/** Appends an evaluation and records the latest one on the devolution (optimistic); false when the version moved. */
export async function addEvaluation(
  ex: Executor,
  d: { id: number; regionCode: string; version: number },
  e: { evaluatedOn: string; result: EvaluationResult; note: string | null; by: number | null },
): Promise<boolean> {
  const rows = await query<{ id: number }>(
    ex,
    sql`update catalog_devolutions set updated_at = now(), version = version + 1,
               last_evaluated_on = greatest(coalesce(last_evaluated_on, ${e.evaluatedOn}::date), ${e.evaluatedOn}::date),
               last_result = case when last_evaluated_on is null or last_evaluated_on <= ${e.evaluatedOn}::date then ${e.result} else last_result end
         where id = ${d.id} and version = ${d.version} returning id`,
  );
  if (rows.length === 0) return false;
  await ex.execute(
    sql`insert into catalog_devolution_evaluations (devolution_id, region_code, evaluated_on, result, note, evaluated_by)
        values (${d.id}, ${d.regionCode}, ${e.evaluatedOn}, ${e.result}, ${e.note}, ${e.by})`,
  );
  return true;
}

// ── proofs ─────────────────────────────────────────────────────────────────

export interface ProofRow {
  code: string;
  name: string;
  region_code: string;
  basis: string;
  requesting_unit: string;
  issuing_unit: string;
  guide: string;
  replacement: ProofReplacement;
  status: ProofStatus;
  note: string | null;
  version: number;
  updated_at: Date;
}

const PROOF_COLS = sql.raw('code, name, region_code, basis, requesting_unit, issuing_unit, guide, replacement, status, note, version, updated_at');

export interface ProofFilter {
  /** The list in force in a region: proofs published by it or an enclosing region. */
  regionCodes?: string[];
  q?: string;
  replacement?: ProofReplacement;
  status?: ProofStatus;
}

export async function listProofs(ex: Executor, f: ProofFilter, after: string | undefined, limit: number): Promise<ProofRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.regionCodes) where.push(sql`region_code in (${list(f.regionCodes)})`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(name like ${like} or code ilike ${like} or issuing_unit like ${like} or requesting_unit like ${like})`);
  }
  if (f.replacement) where.push(sql`replacement = ${f.replacement}`);
  if (f.status) where.push(sql`status = ${f.status}`);
  if (after !== undefined) where.push(sql`code > ${after}`);
  return query<ProofRow>(ex, sql`select ${PROOF_COLS} from catalog_proofs where ${sql.join(where, sql` and `)} order by code limit ${limit + 1}`);
}

export async function findProof(ex: Executor, code: string): Promise<ProofRow | undefined> {
  const [row] = await query<ProofRow>(ex, sql`select ${PROOF_COLS} from catalog_proofs where code = ${code}`);
  return row;
}

/** Status of each of these codes on the list, optionally only proofs published by one of `regionCodes`. */
export async function proofStatuses(ex: Executor, codes: string[], regionCodes?: string[]): Promise<Map<string, ProofStatus>> {
  if (codes.length === 0) return new Map();
  const rows = await query<{ code: string; status: ProofStatus }>(
    ex,
    sql`select code, status from catalog_proofs where code in (${list(codes)}) ${regionCodes ? sql`and region_code in (${list(regionCodes)})` : sql``}`,
  );
  return new Map(rows.map((r) => [r.code, r.status]));
}

export interface ProofValues {
  name: string;
  regionCode: string;
  basis: string;
  requestingUnit: string;
  issuingUnit: string;
  guide: string;
  replacement: ProofReplacement;
  status: ProofStatus;
  note: string | null;
}

export async function insertProof(ex: Executor, code: string, v: ProofValues): Promise<void> {
  await ex.execute(
    sql`insert into catalog_proofs (code, name, region_code, basis, requesting_unit, issuing_unit, guide, replacement, status, note)
        values (${code}, ${v.name}, ${v.regionCode}, ${v.basis}, ${v.requestingUnit}, ${v.issuingUnit}, ${v.guide}, ${v.replacement}, ${v.status}, ${v.note})`,
  );
}

/** Optimistic update; undefined when the version moved. */
export async function updateProof(ex: Executor, code: string, version: number, v: ProofValues): Promise<ProofRow | undefined> {
  const [row] = await query<ProofRow>(
    ex,
    sql`update catalog_proofs set name = ${v.name}, region_code = ${v.regionCode}, basis = ${v.basis}, requesting_unit = ${v.requestingUnit},
               issuing_unit = ${v.issuingUnit}, guide = ${v.guide}, replacement = ${v.replacement}, status = ${v.status}, note = ${v.note},
               updated_at = now(), version = version + 1
         where code = ${code} and version = ${version} returning ${PROOF_COLS}`,
  );
  return row;
}
