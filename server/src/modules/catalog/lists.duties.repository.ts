/** SQL of the territorial-duty list (属地管理事项): entries per matter and region, and their duties. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { DevolutionFacts, DutyEntryFacts, DutyEntryInput, DutyRowFacts } from './lists.rules.ts';
import type { DutyStatus, DutyUnitKind } from './lists.schema.ts';

const list = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

export interface DutyMatterRow {
  id: number;
  matter_code: string;
  name: string;
  field: string;
  region_code: string;
  region_name: string | null;
  lead_kind: DutyUnitKind;
  devolution_id: number | null;
  description: string | null;
  status: DutyStatus;
  version: number;
  updated_at: Date;
}

interface DutyRow {
  id: number;
  matter_id: number;
  role: DutyRowFacts['role'];
  unit_kind: DutyUnitKind;
  org_id: number | null;
  unit_name: string;
  duty: string;
  basis: string;
  sort: number;
}

const MATTER_SELECT = sql.raw(`select m.id, m.matter_code, m.name, m.field, m.region_code, r.name as region_name, m.lead_kind, m.devolution_id,
       m.description, m.status, m.version, m.updated_at
  from catalog_duty_matters m left join regions r on r.code = m.region_code`);

export interface DutyFilter {
  matterCode?: string;
  field?: string;
  /** Entries in force in a region (its own and its enclosing regions') and, with `subtreePrefix`, those below it. */
  regionCodes?: string[];
  subtreePrefix?: string;
  status?: DutyStatus;
  q?: string;
}

export async function listMatters(ex: Executor, f: DutyFilter, after: [string, string, number] | undefined, limit: number): Promise<DutyMatterRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.matterCode) where.push(sql`m.matter_code = ${f.matterCode}`);
  if (f.field) where.push(sql`m.field = ${f.field}`);
  if (f.status) where.push(sql`m.status = ${f.status}`);
  const regionConds: SQL[] = [];
  if (f.regionCodes) regionConds.push(sql`m.region_code in (${list(f.regionCodes)})`);
  if (f.subtreePrefix) regionConds.push(sql`m.region_code like ${`${f.subtreePrefix}%`}`);
  if (regionConds.length) where.push(sql`(${sql.join(regionConds, sql` or `)})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(m.name like ${like} or m.matter_code like ${like})`);
  }
  if (after) where.push(sql`(m.matter_code, m.region_code, m.id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return query<DutyMatterRow>(ex, sql`${MATTER_SELECT} where ${sql.join(where, sql` and `)} order by m.matter_code, m.region_code, m.id limit ${limit + 1}`);
}

export async function findMatter(ex: Executor, id: number): Promise<DutyMatterRow | undefined> {
  const [row] = await query<DutyMatterRow>(ex, sql`${MATTER_SELECT} where m.id = ${id}`);
  return row;
}

/** The duty rows of these entries, keyed by entry id. */
export async function dutiesOf(ex: Executor, matterIds: number[]): Promise<Map<number, DutyRowFacts[]>> {
  const out = new Map<number, DutyRowFacts[]>();
  if (matterIds.length === 0) return out;
  const rows = await query<DutyRow>(
    ex,
    sql`select id, matter_id, role, unit_kind, org_id, unit_name, duty, basis, sort from catalog_duties
         where matter_id in (${list(matterIds)}) order by matter_id, case role when 'lead' then 0 else 1 end, sort, id`,
  );
  for (const r of rows) {
    const facts: DutyRowFacts = { id: r.id, role: r.role, unitKind: r.unit_kind, orgId: r.org_id, unitName: r.unit_name, duty: r.duty, basis: r.basis, sort: r.sort };
    out.set(r.matter_id, [...(out.get(r.matter_id) ?? []), facts]);
  }
  return out;
}

/** Active entries for a matter in any of these regions, with their duties (routing input). */
export async function activeEntries(ex: Executor, matterCode: string, regionCodes: string[]): Promise<DutyEntryFacts[]> {
  if (regionCodes.length === 0) return [];
  const rows = await query<DutyMatterRow>(
    ex,
    sql`${MATTER_SELECT} where m.matter_code = ${matterCode} and m.status = 'active' and m.region_code in (${list(regionCodes)})`,
  );
  const duties = await dutiesOf(
    ex,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    matterCode: r.matter_code,
    name: r.name,
    field: r.field,
    regionCode: r.region_code,
    leadKind: r.lead_kind,
    devolutionId: r.devolution_id,
    duties: duties.get(r.id) ?? [],
  }));
}

export async function findDevolutions(ex: Executor, ids: number[]): Promise<Map<number, DevolutionFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await query<{ id: number; region_code: string; status: string; decision_no: string }>(
    ex,
    sql`select id, region_code, status, decision_no from catalog_devolutions where id in (${list(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, regionCode: r.region_code, status: r.status, decisionNo: r.decision_no }]));
}

export async function insertMatter(ex: Executor, e: DutyEntryInput): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_duty_matters (matter_code, name, field, region_code, lead_kind, devolution_id, description)
        values (${e.matterCode}, ${e.name}, ${e.field}, ${e.regionCode}, ${e.lead.unitKind}, ${e.devolutionId}, ${e.description ?? null})
        returning id`,
  );
  return row.id;
}

/** Optimistic update of an entry's header; false when the version moved. */
export async function updateMatter(ex: Executor, id: number, version: number, e: Omit<DutyEntryInput, 'matterCode' | 'regionCode'>, status: DutyStatus): Promise<boolean> {
  const rows = await query<{ id: number }>(
    ex,
    sql`update catalog_duty_matters set name = ${e.name}, field = ${e.field}, lead_kind = ${e.lead.unitKind}, devolution_id = ${e.devolutionId},
               description = ${e.description ?? null}, status = ${status}, updated_at = now(), version = version + 1
         where id = ${id} and version = ${version} returning id`,
  );
  return rows.length > 0;
}

/** Replaces the duty rows of an entry from its lead and supporting units. */
export async function replaceDuties(ex: Executor, matterId: number, regionCode: string, e: Pick<DutyEntryInput, 'lead' | 'supporting'>): Promise<void> {
  await ex.execute(sql`delete from catalog_duties where matter_id = ${matterId}`);
  const rows: Record<string, unknown>[] = [];
  let sort = 0;
  for (const [role, units] of [
    ['lead', [e.lead]],
    ['support', e.supporting],
  ] as const) {
    for (const u of units) {
      for (const d of u.duties) {
        rows.push({ role, unit_kind: u.unitKind, org_id: u.orgId, unit_name: u.unitName, duty: d.text, basis: d.basis, sort: (sort += 10) });
      }
    }
  }
  if (rows.length === 0) return;
  await ex.execute(
    sql`insert into catalog_duties (matter_id, region_code, role, unit_kind, org_id, unit_name, duty, basis, sort)
        select ${matterId}, ${regionCode}, role, unit_kind, org_id, unit_name, duty, basis, sort
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as x(role text, unit_kind text, org_id int, unit_name text, duty text, basis text, sort int)`,
  );
}
