/**
 * GridService: the grid tree and point → grid lookup through an in-memory
 * spatial index shared by every request of the process, rebuilt from the
 * database when the revision stamp moves (checked at most once a second, so
 * edits made by other processes are picked up within about a second), plus
 * staff assignment.
 */
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { maskPhone } from '../org/index.ts';
import type { BBox, GridGeometry } from './geometry.rules.ts';
import { GridErrors } from './grids.errors.ts';
import * as repo from './grids.repository.ts';
import { GRID_ROLE_LABELS, type GridLevel, type GridRole } from './grids.schema.ts';
import { SpatialIndex } from './spatial.index.ts';

/** How long a process trusts its index before asking the database for the revision stamp (ms). */
export const REVALIDATE_MS = 1000;

export interface GridNode {
  id: number;
  code: string;
  name: string;
  level: GridLevel;
  parentId: number | null;
  townRegionCode: string;
  regionCode: string;
  households: number;
  firms: number;
  areaM2: number;
  bbox: BBox;
  version: number;
  childCount: number;
}

export interface GridPathEntry {
  id: number;
  code: string;
  name: string;
  level: GridLevel;
}

export interface LocateResult {
  gridId: number;
  code: string;
  name: string;
  level: GridLevel;
  townRegionCode: string;
  /** From the first level down to the grid itself. */
  path: GridPathEntry[];
}

export interface GridStaffMember {
  id: number;
  role: GridRole;
  roleLabel: { zh: string; en: string };
  personName: string;
  accountId: number | null;
  phone: string | null;
  orgId: number | null;
  sort: number;
}

interface Shape {
  id: number;
  bbox: BBox;
  geometry: GridGeometry;
}

interface Snapshot {
  revision: number;
  nodes: Map<number, GridNode>;
  geometry: Map<number, GridGeometry>;
  byCode: Map<string, number>;
  children: Map<number | null, number[]>;
  index: SpatialIndex<Shape>;
  fallback: SpatialIndex<Shape>[];
}

function nodeOf(r: repo.GridRow): GridNode {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    parentId: r.parent_id,
    townRegionCode: r.town_region_code,
    regionCode: r.region_code,
    households: r.households,
    firms: r.firms,
    areaM2: Math.round(Number(r.area_m2)),
    bbox: [Number(r.min_lng), Number(r.min_lat), Number(r.max_lng), Number(r.max_lat)],
    version: r.version,
    childCount: 0,
  };
}

export function presentStaff(s: repo.StaffRow, opts: { maskPhones: boolean }): GridStaffMember {
  return {
    id: s.id,
    role: s.role,
    roleLabel: GRID_ROLE_LABELS[s.role],
    personName: s.person_name,
    accountId: s.account_id,
    phone: opts.maskPhones ? maskPhone(s.phone) : s.phone,
    orgId: s.org_id,
    sort: s.sort,
  };
}

export interface StaffAssignment {
  role: GridRole;
  personName: string;
  accountId?: number | null;
  phone?: string | null;
  orgId?: number | null;
}

const services = new WeakMap<Db, GridService>();

export class GridService {
  private snapshot: Snapshot | undefined;
  private checkedAt = 0;
  private loading: Promise<Snapshot> | undefined;

  constructor(private readonly db: Db) {}

  /** The process-wide service of a database handle (one index shared by all requests). */
  static of(ctx: { db: Db }): GridService {
    let s = services.get(ctx.db);
    if (!s) services.set(ctx.db, (s = new GridService(ctx.db)));
    return s;
  }

  /** Forget the freshness check: the next call compares the revision stamp with the database. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  private async build(): Promise<Snapshot> {
    const ex = executor(this.db);
    const revision = await repo.currentRevision(ex);
    const rows = await repo.allActiveGrids(ex);
    const nodes = new Map<number, GridNode>();
    const geometry = new Map<number, GridGeometry>();
    const byCode = new Map<string, number>();
    const children = new Map<number | null, number[]>();
    for (const r of rows) {
      nodes.set(r.id, nodeOf(r));
      geometry.set(r.id, r.geometry);
      byCode.set(r.code, r.id);
    }
    for (const n of nodes.values()) {
      const key = n.parentId !== null && nodes.has(n.parentId) ? n.parentId : n.parentId === null ? null : undefined;
      if (key === undefined) continue;
      const list = children.get(key) ?? [];
      list.push(n.id);
      children.set(key, list);
      if (key !== null) (nodes.get(key) as GridNode).childCount++;
    }
    // the most specific grids (no active children) are what a point resolves to; where children leave a
    // gap inside their parent, the parent answers (indexes of the grids with children, deepest level first)
    const shape = (n: GridNode): Shape => ({ id: n.id, bbox: n.bbox, geometry: geometry.get(n.id) as GridGeometry });
    const sorted = [...nodes.values()].sort((a, b) => a.code.localeCompare(b.code));
    const index = new SpatialIndex(sorted.filter((n) => n.childCount === 0).map(shape));
    const fallback = ([2, 1] as const).map((l) => new SpatialIndex(sorted.filter((n) => n.childCount > 0 && n.level === l).map(shape)));
    return { revision, nodes, geometry, byCode, children, index, fallback };
  }

  /** The current snapshot, rebuilt when the revision stamp has moved. */
  async current(): Promise<Snapshot> {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < REVALIDATE_MS) return this.snapshot;
    this.loading ??= (async () => {
      try {
        const revision = await repo.currentRevision(executor(this.db));
        if (!this.snapshot || this.snapshot.revision !== revision) this.snapshot = await this.build();
        this.checkedAt = Date.now();
        return this.snapshot;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  private pathOf(s: Snapshot, id: number): GridPathEntry[] {
    const out: GridPathEntry[] = [];
    for (let n = s.nodes.get(id); n; n = n.parentId === null ? undefined : s.nodes.get(n.parentId)) out.unshift({ id: n.id, code: n.code, name: n.name, level: n.level });
    return out;
  }

  private locateIn(s: Snapshot, lng: number, lat: number): LocateResult | null {
    let hit = s.index.find(lng, lat);
    for (let i = 0; !hit && i < s.fallback.length; i++) hit = s.fallback[i].find(lng, lat);
    if (!hit) return null;
    const n = s.nodes.get(hit.id) as GridNode;
    return { gridId: n.id, code: n.code, name: n.name, level: n.level, townRegionCode: n.townRegionCode, path: this.pathOf(s, n.id) };
  }

  /** The most specific grid containing the point (lng, lat in WGS84), or null outside every grid. */
  async locate(lng: number, lat: number): Promise<LocateResult | null> {
    return this.locateIn(await this.current(), lng, lat);
  }

  async locateMany(points: readonly { lng: number; lat: number }[]): Promise<(LocateResult | null)[]> {
    const s = await this.current();
    return points.map((p) => this.locateIn(s, p.lng, p.lat));
  }

  async gridById(id: number): Promise<GridNode | undefined> {
    return (await this.current()).nodes.get(id);
  }

  async gridByCode(code: string): Promise<GridNode | undefined> {
    const s = await this.current();
    const id = s.byCode.get(code);
    return id === undefined ? undefined : s.nodes.get(id);
  }

  async pathOfGrid(id: number): Promise<GridPathEntry[]> {
    return this.pathOf(await this.current(), id);
  }

  async geometryOf(id: number): Promise<GridGeometry | undefined> {
    return (await this.current()).geometry.get(id);
  }

  /** Children of a grid (null: the first-level grids), ordered by code. */
  async children(parentId: number | null): Promise<GridNode[]> {
    const s = await this.current();
    return (s.children.get(parentId) ?? []).map((id) => s.nodes.get(id) as GridNode).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** Every grid of a level (optionally under one ancestor), ordered by code. */
  async list(f: { level?: GridLevel; parentId?: number | null; under?: number }): Promise<GridNode[]> {
    const s = await this.current();
    let out: GridNode[];
    if (f.parentId !== undefined) out = await this.children(f.parentId);
    else out = [...s.nodes.values()];
    if (f.under !== undefined) {
      const root = s.nodes.get(f.under);
      out = root ? out.filter((n) => n.code.startsWith(root.code) && n.id !== root.id) : [];
    }
    if (f.level !== undefined) out = out.filter((n) => n.level === f.level);
    return out.sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * The staff of a grid (head first). Phones in full by default, for other
   * modules (dispatch, notices); listings pass maskPhones.
   */
  async staffOf(gridId: number, opts: { maskPhones?: boolean } = {}): Promise<GridStaffMember[]> {
    const rows = await repo.staffRows(executor(this.db), [gridId]);
    return rows.map((r) => presentStaff(r, { maskPhones: opts.maskPhones ?? false }));
  }

  /** The grids where an account serves (optionally in one role), e.g. a grid worker's own grids; ordered by code. */
  async gridsOfAccount(accountId: number, role?: GridRole): Promise<GridNode[]> {
    const ids = await repo.gridIdsOfAccount(executor(this.db), accountId, role);
    const s = await this.current();
    return ids
      .map((id) => s.nodes.get(id))
      .filter((n): n is GridNode => n !== undefined)
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The revision stamp of the loaded index. */
  async revision(): Promise<number> {
    return (await this.current()).revision;
  }

  /**
   * Replaces the staff of a grid (org:manage in the grid's region). Optimistic:
   * `version` must be the grid's current version; the grid's version moves on.
   */
  async replaceStaff(actor: Actor, who: AuditWho, gridId: number, input: { version: number; staff: StaffAssignment[] }): Promise<{ version: number; staff: GridStaffMember[] }> {
    const result = await inTransaction(this.db, async (tx) => {
      const grid = await repo.gridRowById(tx, gridId, { forUpdate: true });
      if (!grid || !canAct(actor, 'org:manage', { regionCode: grid.region_code })) throw GridErrors.GRID_NOT_FOUND();
      if (grid.version !== input.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: grid.version } });
      const accountIds = [...new Set(input.staff.map((s) => s.accountId).filter((a): a is number => typeof a === 'number'))];
      const known = await repo.existingAccountIds(tx, accountIds);
      const fields = input.staff.flatMap((s, i) =>
        typeof s.accountId === 'number' && !known.has(s.accountId)
          ? [{ field: `staff.${i}.accountId`, in: 'body', message: `账号 ${s.accountId} 不存在`, messageEn: `Account ${s.accountId} does not exist` }]
          : [],
      );
      if (fields.length) throw CommonErrors.VALIDATION({ fields });
      const before = await repo.staffRows(tx, [gridId]);
      if (!(await repo.touchGrid(tx, gridId, input.version))) throw CommonErrors.VERSION_CONFLICT({ vars: { current: grid.version } });
      await repo.deleteStaff(tx, gridId);
      const order = new Map<GridRole, number>();
      await repo.insertStaff(
        tx,
        input.staff.map((s) => {
          const sort = order.get(s.role) ?? 0;
          order.set(s.role, sort + 1);
          return {
            gridId,
            role: s.role,
            personName: s.personName,
            accountId: s.accountId ?? null,
            phone: s.phone ?? null,
            orgId: s.orgId ?? null,
            regionCode: grid.region_code,
            sort: ROLE_ORDER[s.role] * 100 + sort,
          };
        }),
      );
      const after = await repo.staffRows(tx, [gridId]);
      const brief = (rows: repo.StaffRow[]) => rows.map((r) => ({ role: r.role, personName: r.person_name, accountId: r.account_id, phone: maskPhone(r.phone) }));
      await recordAudit(tx, who, { action: 'grid.staff.replaced', entityType: 'grid', entityId: gridId, regionCode: grid.region_code, before: brief(before), after: brief(after) });
      await repo.bumpRevision(tx);
      await emit(
        tx,
        'grid.staff.changed',
        { gridId, code: grid.code, townRegionCode: grid.town_region_code, accountIds: after.map((r) => r.account_id).filter((a) => a !== null) },
        { regionCode: grid.region_code },
      );
      return { version: grid.version + 1, staff: after.map((r) => presentStaff(r, { maskPhones: true })) };
    });
    this.invalidate();
    return result;
  }
}

const ROLE_ORDER: Record<GridRole, number> = { head: 0, grid_worker: 1, inspector: 2, informant: 3, patroller: 4, liaison: 5 };

