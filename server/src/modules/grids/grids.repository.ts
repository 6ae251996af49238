/** SQL of the grids module: grids, their staff, the revision stamp. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { GridGeometry } from './geometry.rules.ts';
import { gridStaff, grids, type GridLevel, type GridRole } from './grids.schema.ts';

export interface GridRow {
  id: number;
  code: string;
  level: GridLevel;
  parent_id: number | null;
  name: string;
  town_region_code: string;
  region_code: string;
  geometry: GridGeometry;
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
  area_m2: number;
  households: number;
  firms: number;
  active: boolean;
  version: number;
  updated_at: string;
}

export interface StaffRow {
  id: number;
  grid_id: number;
  role: GridRole;
  person_name: string;
  account_id: number | null;
  phone: string | null;
  org_id: number | null;
  region_code: string;
  sort: number;
}

const list = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

const GRID_COLS = sql.raw(
  'id, code, level, parent_id, name, town_region_code, region_code, geometry, min_lng, min_lat, max_lng, max_lat, area_m2, households, firms, active, version, updated_at',
);
const STAFF_COLS = sql.raw('id, grid_id, role, person_name, account_id, phone, org_id, region_code, sort');

/** The revision stamp: bumped by every change to grids or their staff. */
export async function currentRevision(ex: Executor): Promise<number> {
  const [row] = await query<{ revision: number }>(ex, sql`select coalesce(max(revision), 0)::float8 as revision from grid_revision`);
  return Number(row.revision);
}

export async function bumpRevision(ex: Executor): Promise<number> {
  const [row] = await query<{ revision: number }>(
    ex,
    sql`insert into grid_revision (id, revision) values (1, 1)
        on conflict (id) do update set revision = grid_revision.revision + 1, updated_at = now()
        returning revision::float8 as revision`,
  );
  return Number(row.revision);
}

/** Every active grid with its geometry (the in-memory index is built from these). */
export async function allActiveGrids(ex: Executor): Promise<GridRow[]> {
  return query<GridRow>(ex, sql`select ${GRID_COLS} from grids where active order by level, code`);
}

export async function gridsByCodes(ex: Executor, codes: string[]): Promise<GridRow[]> {
  if (codes.length === 0) return [];
  return query<GridRow>(ex, sql`select ${GRID_COLS} from grids where code in (${list(codes)})`);
}

export async function gridRowById(ex: Executor, id: number, opts: { forUpdate?: boolean } = {}): Promise<GridRow | undefined> {
  const [row] = await query<GridRow>(ex, sql`select ${GRID_COLS} from grids where id = ${id} and active ${opts.forUpdate ? sql`for update` : sql``}`);
  return row;
}

/** Active children of the given parents (null: the first level). */
export async function childRows(ex: Executor, parentIds: (number | null)[]): Promise<GridRow[]> {
  const ids = parentIds.filter((p): p is number => p !== null);
  const conds: SQL[] = [];
  if (parentIds.includes(null)) conds.push(sql`parent_id is null`);
  if (ids.length) conds.push(sql`parent_id in (${list(ids)})`);
  if (!conds.length) return [];
  return query<GridRow>(ex, sql`select ${GRID_COLS} from grids where active and (${sql.join(conds, sql` or `)}) order by code`);
}

export interface NewGrid {
  code: string;
  level: GridLevel;
  parentId: number | null;
  name: string;
  townRegionCode: string;
  regionCode: string;
  geometry: GridGeometry;
  bbox: [number, number, number, number];
  areaM2: number;
  households: number;
  firms: number;
}

/** Inserts grids (parents must already exist); returns code → id. */
export async function insertGrids(ex: Executor, rows: NewGrid[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const ins = await ex
      .insert(grids)
      .values(
        batch.map((r) => ({
          code: r.code,
          level: r.level,
          parentId: r.parentId,
          name: r.name,
          townRegionCode: r.townRegionCode,
          regionCode: r.regionCode,
          geometry: r.geometry,
          minLng: r.bbox[0],
          minLat: r.bbox[1],
          maxLng: r.bbox[2],
          maxLat: r.bbox[3],
          areaM2: r.areaM2,
          households: r.households,
          firms: r.firms,
        })),
      )
      .returning({ id: grids.id, code: grids.code });
    for (const r of ins) out.set(r.code, r.id);
  }
  return out;
}

/** Updates a grid's shape and attributes, bumping its version. */
export async function updateGrid(ex: Executor, id: number, r: Omit<NewGrid, 'code' | 'level'>): Promise<void> {
  await ex.execute(sql`update grids set parent_id = ${r.parentId}, name = ${r.name}, town_region_code = ${r.townRegionCode}, region_code = ${r.regionCode},
      geometry = ${JSON.stringify(r.geometry)}::jsonb, min_lng = ${r.bbox[0]}, min_lat = ${r.bbox[1]}, max_lng = ${r.bbox[2]}, max_lat = ${r.bbox[3]},
      area_m2 = ${r.areaM2}, households = ${r.households}, firms = ${r.firms}, version = version + 1, updated_at = now()
    where id = ${id}`);
}

/** Bumps a grid's version if it is still `expected`; false when someone else changed it. */
export async function touchGrid(ex: Executor, id: number, expected: number): Promise<boolean> {
  const rows = await query<{ id: number }>(ex, sql`update grids set version = version + 1, updated_at = now() where id = ${id} and version = ${expected} returning id`);
  return rows.length === 1;
}

export interface NewStaff {
  gridId: number;
  role: GridRole;
  personName: string;
  accountId: number | null;
  phone: string | null;
  orgId: number | null;
  regionCode: string;
  sort: number;
}

export async function insertStaff(ex: Executor, rows: NewStaff[]): Promise<number> {
  for (let i = 0; i < rows.length; i += 1000) await ex.insert(gridStaff).values(rows.slice(i, i + 1000));
  return rows.length;
}

export async function staffRows(ex: Executor, gridIds: number[]): Promise<StaffRow[]> {
  if (!gridIds.length) return [];
  return query<StaffRow>(ex, sql`select ${STAFF_COLS} from grid_staff where grid_id in (${list(gridIds)}) order by grid_id, sort, id`);
}

/** Grid ids where an account holds a role (optionally one role). */
export async function gridIdsOfAccount(ex: Executor, accountId: number, role?: GridRole): Promise<number[]> {
  const rows = await query<{ grid_id: number }>(
    ex,
    sql`select distinct grid_id from grid_staff where account_id = ${accountId} ${role ? sql`and role = ${role}` : sql``} order by grid_id`,
  );
  return rows.map((r) => r.grid_id);
}

export async function deleteStaff(ex: Executor, gridId: number): Promise<void> {
  await ex.execute(sql`delete from grid_staff where grid_id = ${gridId}`);
}

export async function existingAccountIds(ex: Executor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await query<{ id: number }>(ex, sql`select id from accounts where id in (${list(ids)})`);
  return new Set(rows.map((r) => r.id));
}

/** Town-level region names (level-1 grids must be towns of the regions table). */
export async function townNames(ex: Executor, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await query<{ code: string; name: string }>(ex, sql`select code, name from regions where level = 'town' and code in (${list(codes)})`);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function countGrids(ex: Executor): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from grids`);
  return row.n;
}

/** Staff accounts holding the grid-worker role scoped to one town (the demo's `grid`). */
export async function townGridWorkers(ex: Executor): Promise<{ id: number; display_name: string; region_code: string; org_id: number | null }[]> {
  return query(
    ex,
    sql`select a.id, a.display_name, g.region_code, a.org_id from accounts a join role_grants g on g.account_id = a.id
         where g.role = 'grid_worker' and length(g.region_code) = 9 and a.kind = 'staff' order by a.id`,
  );
}
