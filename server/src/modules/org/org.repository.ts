/** SQL of the organisation module: regions, organisations, people, staffing. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { OrgLevel, OrgType, RegionLevel, TownKind } from './org.schema.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  town_kind: TownKind | null;
}

const REGION_COLS = sql.raw('code, name, level, parent_code, town_kind');

export async function listRegions(
  ex: Executor,
  f: { parent?: string; level?: RegionLevel; q?: string; after?: string; limit: number },
): Promise<RegionRow[]> {
  const where: SQL[] = [sql`true`];
  if (f.parent !== undefined) where.push(sql`parent_code = ${f.parent}`);
  if (f.level) where.push(sql`level = ${f.level}`);
  if (f.q) where.push(sql`name like ${`%${escapeLike(f.q)}%`}`);
  if (f.after !== undefined) where.push(sql`code > ${f.after}`);
  return query<RegionRow>(ex, sql`select ${REGION_COLS} from regions where ${sql.join(where, sql` and `)} order by code limit ${f.limit + 1}`);
}

export async function findRegion(ex: Executor, code: string): Promise<RegionRow | undefined> {
  const [row] = await query<RegionRow>(ex, sql`select ${REGION_COLS} from regions where code = ${code}`);
  return row;
}

/** The enclosing regions from the province down to the direct parent. */
export async function regionAncestors(ex: Executor, code: string): Promise<RegionRow[]> {
  const rows = await query<RegionRow & { depth: number }>(
    ex,
    sql`with recursive up as (
          select r.code, r.name, r.level, r.parent_code, r.town_kind, 0 as depth from regions r
           where r.code = (select parent_code from regions where code = ${code})
          union all
          select r.code, r.name, r.level, r.parent_code, r.town_kind, up.depth + 1 from regions r join up on r.code = up.parent_code
        )
        select code, name, level, parent_code, town_kind, depth from up order by depth desc`,
  );
  return rows.map(({ depth: _depth, ...r }) => r);
}

export async function regionChildCount(ex: Executor, code: string): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from regions where parent_code = ${code}`);
  return row.n;
}

/** Region counts per level (tests, start-up report). */
export async function regionCounts(ex: Executor): Promise<Record<RegionLevel, number>> {
  const rows = await query<{ level: RegionLevel; n: number }>(ex, sql`select level, count(*)::int as n from regions group by level`);
  const out: Record<RegionLevel, number> = { province: 0, city: 0, county: 0, town: 0 };
  for (const r of rows) out[r.level] = r.n;
  return out;
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// ── organisations ──────────────────────────────────────────────────────────

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  short_name: string | null;
  type: OrgType;
  parent_id: number | null;
  path: number[];
  region_code: string;
  region_name: string;
  uscc: string | null;
  level: OrgLevel;
  sort: number;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const ORG_COLS = sql.raw(`o.id, o.code, o.name, o.short_name, o.type, o.parent_id, o.path, o.region_code, r.name as region_name,
  o.uscc, o.level, o.sort, o.active, o.version, o.created_at, o.updated_at`);
const ORG_FROM = sql.raw('organisations o join regions r on r.code = o.region_code');

/** Scope columns of the `o` alias, for org.policy scopeCondition. */
export const ORG_SCOPE_COLS = { region: sql.raw('o.region_code'), path: sql.raw('o.path') };

export interface OrgFilter {
  /** Region subtree prefix (see org.rules subtreePrefix). */
  regionPrefix?: string;
  type?: OrgType;
  parentId?: number;
  q?: string;
  active?: boolean;
}

function orgWhere(f: OrgFilter, scope: SQL): SQL[] {
  const where: SQL[] = [scope];
  if (f.regionPrefix !== undefined) where.push(sql`o.region_code like ${`${f.regionPrefix}%`}`);
  if (f.type) where.push(sql`o.type = ${f.type}`);
  if (f.parentId !== undefined) where.push(sql`o.parent_id = ${f.parentId}`);
  if (f.active !== undefined) where.push(sql`o.active = ${f.active}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(o.name like ${like} or o.short_name like ${like} or o.code ilike ${like})`);
  }
  return where;
}

/** Organisations in (region, sort, id) order; `after` is the cursor key of the last row seen. */
export async function listOrgs(ex: Executor, f: OrgFilter, scope: SQL, after: [string, number, number] | undefined, limit: number): Promise<OrgRow[]> {
  const where = orgWhere(f, scope);
  if (after) where.push(sql`(o.region_code, o.sort, o.id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return query<OrgRow>(
    ex,
    sql`select ${ORG_COLS} from ${ORG_FROM} where ${sql.join(where, sql` and `)} order by o.region_code, o.sort, o.id limit ${limit + 1}`,
  );
}

export async function findOrg(ex: Executor, id: number): Promise<OrgRow | undefined> {
  const [row] = await query<OrgRow>(ex, sql`select ${ORG_COLS} from ${ORG_FROM} where o.id = ${id}`);
  return row;
}

export async function findOrgByCode(ex: Executor, code: string): Promise<OrgRow | undefined> {
  const [row] = await query<OrgRow>(ex, sql`select ${ORG_COLS} from ${ORG_FROM} where o.code = ${code}`);
  return row;
}

/** Direct children of an organisation that the scope condition lets through. */
export async function orgChildren(ex: Executor, id: number, scope: SQL): Promise<OrgRow[]> {
  return query<OrgRow>(ex, sql`select ${ORG_COLS} from ${ORG_FROM} where o.parent_id = ${id} and ${scope} order by o.sort, o.id`);
}

/** Every organisation under (and including) `rootId`, or all, that the scope lets through, parents first. */
export async function orgsForTree(ex: Executor, scope: SQL, rootId?: number): Promise<OrgRow[]> {
  const root = rootId === undefined ? sql`true` : sql`o.path @> array[${rootId}]::int[]`;
  return query<OrgRow>(
    ex,
    sql`select ${ORG_COLS} from ${ORG_FROM} where ${scope} and ${root} order by array_length(o.path, 1), o.sort, o.id`,
  );
}

export interface NewOrg {
  code: string;
  name: string;
  shortName?: string | null;
  type: OrgType;
  parentId?: number | null;
  regionCode: string;
  uscc?: string | null;
  level: OrgLevel;
  sort?: number;
  active?: boolean;
}

/**
 * Inserts an organisation and its (empty) staffing row; the path is the
 * parent's path plus the new id. Returns the id. A duplicate code or USCC
 * raises the unique-violation (23505) for the caller to map.
 */
export async function insertOrg(ex: Executor, o: NewOrg): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`with nid as (select nextval(pg_get_serial_sequence('organisations', 'id'))::int as id)
        insert into organisations (id, code, name, short_name, type, parent_id, path, region_code, uscc, level, sort, active)
        select nid.id, ${o.code}, ${o.name}, ${o.shortName ?? null}, ${o.type}, ${o.parentId ?? null},
               coalesce((select p.path from organisations p where p.id = ${o.parentId ?? null}), '{}'::int[]) || nid.id,
               ${o.regionCode}, ${o.uscc ?? null}, ${o.level}, ${o.sort ?? 0}, ${o.active ?? true}
          from nid
        returning id`,
  );
  await ex.execute(sql`insert into staffing (org_id) values (${row.id})`);
  return row.id;
}

export async function countPeople(ex: Executor, orgId: number): Promise<{ direct: number; subtree: number }> {
  const [row] = await query<{ direct: number; subtree: number }>(
    ex,
    sql`select count(*) filter (where p.org_id = ${orgId})::int as direct, count(*)::int as subtree
          from people p join organisations o on o.id = p.org_id
         where o.path @> array[${orgId}]::int[]`,
  );
  return row;
}

// ── people ─────────────────────────────────────────────────────────────────

export interface PersonRow {
  id: number;
  name: string;
  resident_id: string | null;
  org_id: number;
  org_name: string;
  org_path: number[];
  region_code: string;
  post: string;
  phone: string | null;
  account_id: number | null;
  sort: number;
}

export async function listPeople(
  ex: Executor,
  f: { orgId?: number; subtree?: boolean; q?: string },
  scope: SQL,
  after: [number, number, number] | undefined,
  limit: number,
): Promise<PersonRow[]> {
  const where: SQL[] = [scope];
  if (f.orgId !== undefined) where.push(f.subtree ? sql`o.path @> array[${f.orgId}]::int[]` : sql`p.org_id = ${f.orgId}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(p.name like ${like} or p.post like ${like})`);
  }
  if (after) where.push(sql`(p.org_id, p.sort, p.id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  return query<PersonRow>(
    ex,
    sql`select p.id, p.name, p.resident_id, p.org_id, o.name as org_name, o.path as org_path, p.region_code, p.post, p.phone, p.account_id, p.sort
          from people p join organisations o on o.id = p.org_id
         where ${sql.join(where, sql` and `)}
         order by p.org_id, p.sort, p.id limit ${limit + 1}`,
  );
}

/** Scope columns for people joined with their organisation `o`: the person's own region and the org path. */
export const PEOPLE_SCOPE_COLS = { region: sql.raw('p.region_code'), path: sql.raw('o.path') };

export interface NewPerson {
  name: string;
  residentId: string | null;
  orgId: number;
  regionCode: string;
  post: string;
  phone: string | null;
  accountId?: number | null;
  sort?: number;
}

/** Bulk insert (one JSON parameter per batch); rows already present for (org, resident ID) are skipped. */
export async function insertPeople(ex: Executor, rows: NewPerson[], batch = 2000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(
      rows.slice(i, i + batch).map((p) => ({
        name: p.name,
        resident_id: p.residentId,
        org_id: p.orgId,
        region_code: p.regionCode,
        post: p.post,
        phone: p.phone,
        account_id: p.accountId ?? null,
        sort: p.sort ?? 0,
      })),
    );
    const res = await query<{ id: number }>(
      ex,
      sql`insert into people (name, resident_id, org_id, region_code, post, phone, account_id, sort)
          select name, resident_id, org_id, region_code, post, phone, account_id, sort
            from jsonb_to_recordset(${json}::jsonb)
              as x(name text, resident_id text, org_id int, region_code text, post text, phone text, account_id int, sort int)
          on conflict (org_id, resident_id) where resident_id is not null do nothing
          returning id`,
    );
    inserted += res.length;
  }
  return inserted;
}

// ── staffing ───────────────────────────────────────────────────────────────

export interface StaffingRow {
  org_id: number;
  quota: number;
  actual: number;
  leader_quota: number;
  leader_actual: number;
  internal_units: number;
  updated_at: Date;
  version: number;
}

const STAFFING_COLS = sql.raw('org_id, quota, actual, leader_quota, leader_actual, internal_units, updated_at, version');

export async function findStaffing(ex: Executor, orgId: number): Promise<StaffingRow | undefined> {
  const [row] = await query<StaffingRow>(ex, sql`select ${STAFFING_COLS} from staffing where org_id = ${orgId}`);
  return row;
}

export interface StaffingValues {
  quota: number;
  actual: number;
  leaderQuota: number;
  leaderActual: number;
  internalUnits: number;
}

/** Optimistic update: only when the row is still at `version`; undefined otherwise. */
export async function updateStaffing(ex: Executor, orgId: number, version: number, v: StaffingValues): Promise<StaffingRow | undefined> {
  const [row] = await query<StaffingRow>(
    ex,
    sql`update staffing set quota = ${v.quota}, actual = ${v.actual}, leader_quota = ${v.leaderQuota},
               leader_actual = ${v.leaderActual}, internal_units = ${v.internalUnits}, updated_at = now(), version = version + 1
         where org_id = ${orgId} and version = ${version}
        returning ${STAFFING_COLS}`,
  );
  return row;
}

/** Sets staffing figures without a version check (seeding); bumps the version only when something changed. */
export async function setStaffing(ex: Executor, orgId: number, v: StaffingValues): Promise<void> {
  await ex.execute(
    sql`insert into staffing (org_id, quota, actual, leader_quota, leader_actual, internal_units)
        values (${orgId}, ${v.quota}, ${v.actual}, ${v.leaderQuota}, ${v.leaderActual}, ${v.internalUnits})
        on conflict (org_id) do update set quota = excluded.quota, actual = excluded.actual, leader_quota = excluded.leader_quota,
          leader_actual = excluded.leader_actual, internal_units = excluded.internal_units, updated_at = now(), version = staffing.version + 1
        where (staffing.quota, staffing.actual, staffing.leader_quota, staffing.leader_actual, staffing.internal_units)
          is distinct from (excluded.quota, excluded.actual, excluded.leader_quota, excluded.leader_actual, excluded.internal_units)`,
  );
}
