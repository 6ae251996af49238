import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, pgErrorOf, type Db, type Page } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { requireValid, validateUscc } from '../../platform/ids/index.ts';
import { OrgErrors } from './org.errors.ts';
import { canOnOrg, scopeCondition } from './org.policy.ts';
import * as repo from './org.repository.ts';
import { maskPhone, maskResidentId, staffingFlags, staffingProblems, subtreePrefix, type StaffingFigures } from './org.rules.ts';
import type { OrgLevel, OrgType, RegionLevel } from './org.schema.ts';

// ── presentation ───────────────────────────────────────────────────────────

export function presentRegion(r: repo.RegionRow) {
  return { code: r.code, name: r.name, level: r.level, townKind: r.town_kind, parentCode: r.parent_code };
}
export type Region = ReturnType<typeof presentRegion>;

export function presentOrg(o: repo.OrgRow) {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    shortName: o.short_name,
    type: o.type,
    level: o.level,
    parentId: o.parent_id,
    regionCode: o.region_code,
    regionName: o.region_name,
    uscc: o.uscc,
    sort: o.sort,
    active: o.active,
    version: o.version,
  };
}
export type OrgSummary = ReturnType<typeof presentOrg>;

export function presentStaffing(s: repo.StaffingRow) {
  const figures: StaffingFigures = {
    quota: s.quota,
    actual: s.actual,
    leaderQuota: s.leader_quota,
    leaderActual: s.leader_actual,
    internalUnits: s.internal_units,
  };
  return { orgId: s.org_id, ...figures, ...staffingFlags(figures), updatedAt: new Date(s.updated_at).toISOString(), version: s.version };
}
export type Staffing = ReturnType<typeof presentStaffing>;

export interface OrgTreeNode extends OrgSummary {
  children: OrgTreeNode[];
}

const MAX_LIMIT = 500;
const clampLimit = (limit: number | undefined, dflt = 50) => Math.min(Math.max(limit ?? dflt, 1), MAX_LIMIT);

function cursorKey<T extends unknown[]>(cursor: string | undefined, check: (k: unknown[]) => boolean): T | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  if (!check(key)) throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor' }] });
  return key as T;
}

export interface CreateOrgInput {
  code: string;
  name: string;
  shortName?: string | null;
  type: OrgType;
  level: OrgLevel;
  parentId?: number | null;
  regionCode: string;
  uscc?: string | null;
  sort?: number;
}

export interface StaffingUpdate extends StaffingFigures {
  version: number;
}

/**
 * Regions, organisations, people and staffing. Reads are scoped: an
 * organisation outside the actor's grants is reported as not found.
 */
export class OrgService {
  constructor(private readonly db: Db) {}

  // ── regions (public reference data) ──

  async listRegions(f: { parent?: string; level?: RegionLevel; q?: string; cursor?: string; limit?: number }): Promise<Page<Region>> {
    const limit = clampLimit(f.limit, 100);
    const after = cursorKey<[string]>(f.cursor, (k) => k.length === 1 && typeof k[0] === 'string');
    const rows = await repo.listRegions(executor(this.db), { parent: f.parent, level: f.level, q: f.q, after: after?.[0], limit });
    const page = paginate(rows, limit, (r) => [r.code]);
    return { items: page.items.map(presentRegion), nextCursor: page.nextCursor };
  }

  async getRegion(code: string) {
    const ex = executor(this.db);
    const row = await repo.findRegion(ex, code);
    if (!row) throw OrgErrors.REGION_NOT_FOUND({ vars: { code } });
    // sequential: inside a transaction the executor is one connection
    const ancestors = await repo.regionAncestors(ex, code);
    const childCount = await repo.regionChildCount(ex, code);
    return { ...presentRegion(row), ancestors: ancestors.map(presentRegion), childCount };
  }

  // ── organisations ──

  /** The organisation when the actor may read it; otherwise "not found". */
  private async visibleOrg(actor: Actor, id: number): Promise<repo.OrgRow> {
    const org = await repo.findOrg(executor(this.db), id);
    if (!org || !canOnOrg(actor, 'org:read', { regionCode: org.region_code, path: org.path })) throw OrgErrors.ORG_NOT_FOUND();
    return org;
  }

  async listOrgs(
    actor: Actor,
    f: { regionCode?: string; type?: OrgType; parentId?: number; q?: string; active?: boolean; cursor?: string; limit?: number },
  ): Promise<Page<OrgSummary>> {
    const limit = clampLimit(f.limit);
    const after = cursorKey<[string, number, number]>(
      f.cursor,
      (k) => k.length === 3 && typeof k[0] === 'string' && Number.isInteger(k[1]) && Number.isInteger(k[2]),
    );
    const scope = scopeCondition(actor, 'org:read', repo.ORG_SCOPE_COLS);
    const rows = await repo.listOrgs(
      executor(this.db),
      { regionPrefix: f.regionCode === undefined ? undefined : subtreePrefix(f.regionCode), type: f.type, parentId: f.parentId, q: f.q, active: f.active },
      scope,
      after,
      limit,
    );
    const page = paginate(rows, limit, (o) => [o.region_code, o.sort, o.id]);
    return { items: page.items.map(presentOrg), nextCursor: page.nextCursor };
  }

  /** One organisation with its parent, children, staffing and head counts. */
  async getOrg(actor: Actor, id: number) {
    const org = await this.visibleOrg(actor, id);
    const ex = executor(this.db);
    const scope = scopeCondition(actor, 'org:read', repo.ORG_SCOPE_COLS);
    // sequential: inside a transaction (createOrg) the executor is one connection
    const parent = org.parent_id === null ? undefined : await repo.findOrg(ex, org.parent_id);
    const children = await repo.orgChildren(ex, org.id, scope);
    const staffing = await repo.findStaffing(ex, org.id);
    const people = await repo.countPeople(ex, org.id);
    const parentVisible = parent && canOnOrg(actor, 'org:read', { regionCode: parent.region_code, path: parent.path });
    return {
      ...presentOrg(org),
      path: org.path,
      parent: parentVisible ? presentOrg(parent) : null,
      children: children.map(presentOrg),
      staffing: staffing ? presentStaffing(staffing) : null,
      peopleCount: people.direct,
      peopleCountSubtree: people.subtree,
      actions: {
        manage: canOnOrg(actor, 'org:manage', { regionCode: org.region_code, path: org.path }),
        editStaffing: canOnOrg(actor, 'staffing:manage', { regionCode: org.region_code, path: org.path }),
      },
    };
  }

  /**
   * The hierarchy the actor may see, as nested nodes. With `root`, the
   * subtree under that organisation; without, every visible organisation,
   * where one whose parent is out of sight becomes a root.
   */
  async tree(actor: Actor, rootId?: number): Promise<OrgTreeNode[]> {
    if (rootId !== undefined) await this.visibleOrg(actor, rootId);
    const rows = await repo.orgsForTree(executor(this.db), scopeCondition(actor, 'org:read', repo.ORG_SCOPE_COLS), rootId);
    const nodes = new Map<number, OrgTreeNode>();
    const roots: OrgTreeNode[] = [];
    for (const row of rows) {
      const node: OrgTreeNode = { ...presentOrg(row), children: [] };
      nodes.set(row.id, node);
      const parent = row.parent_id === null || row.id === rootId ? undefined : nodes.get(row.parent_id);
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    return roots;
  }

  async createOrg(actor: Actor, who: AuditWho, input: CreateOrgInput) {
    return inTransaction(this.db, async (tx) => {
      const region = await repo.findRegion(tx, input.regionCode);
      if (!region) {
        throw OrgErrors.UNKNOWN_REGION({
          vars: { code: input.regionCode },
          fields: [{ field: 'regionCode', message: `行政区划代码 ${input.regionCode} 不存在`, messageEn: `Region code ${input.regionCode} does not exist` }],
        });
      }
      let parentPath: number[] = [];
      if (input.parentId != null) {
        const parent = await repo.findOrg(tx, input.parentId);
        if (!parent || !canOnOrg(actor, 'org:read', { regionCode: parent.region_code, path: parent.path })) {
          throw OrgErrors.UNKNOWN_PARENT({ fields: [{ field: 'parentId', message: '上级机构不存在', messageEn: 'The parent organisation does not exist' }] });
        }
        if (!input.regionCode.startsWith(subtreePrefix(parent.region_code))) {
          const vars = { code: input.regionCode, parent: parent.region_code };
          throw OrgErrors.REGION_OUTSIDE_PARENT({
            vars,
            fields: [{ field: 'regionCode', message: `不在上级机构的区划 ${parent.region_code} 范围内`, messageEn: `Outside the parent's region ${parent.region_code}` }],
          });
        }
        parentPath = parent.path;
      }
      // The new organisation sits under its parent: the actor needs org:manage over that place.
      if (!canAct(actor, 'org:manage', { regionCode: input.regionCode, orgIds: parentPath })) {
        throw input.parentId != null
          ? OrgErrors.UNKNOWN_PARENT({ fields: [{ field: 'parentId', message: '上级机构不存在', messageEn: 'The parent organisation does not exist' }] })
          : CommonErrors.FORBIDDEN();
      }
      const uscc = input.uscc ? requireValid(validateUscc(input.uscc), 'uscc') : null;
      let id: number;
      try {
        id = await repo.insertOrg(tx, { ...input, uscc });
      } catch (e) {
        const pg = pgErrorOf(e);
        if (pg?.code === '23505' && pg.constraint === 'organisations_uscc') {
          throw OrgErrors.DUPLICATE_USCC({ vars: { uscc: uscc ?? '' }, fields: [{ field: 'uscc', message: '已登记给其他机构', messageEn: 'Already registered' }] });
        }
        if (pg?.code === '23505') {
          throw OrgErrors.DUPLICATE_CODE({ vars: { code: input.code }, fields: [{ field: 'code', message: '机构编码已被使用', messageEn: 'Code already in use' }] });
        }
        throw e;
      }
      const created = await repo.findOrg(tx, id);
      if (!created) throw OrgErrors.ORG_NOT_FOUND();
      await recordAudit(tx, who, { action: 'org.created', entityType: 'organisation', entityId: id, regionCode: created.region_code, after: presentOrg(created) });
      return this.getOrg(actor, id);
    });
  }

  // ── staffing ──

  /** Updates staffing figures under optimistic locking; audited with before → after. */
  async updateStaffing(actor: Actor, who: AuditWho, orgId: number, input: StaffingUpdate): Promise<Staffing> {
    const problems = staffingProblems(input);
    if (problems.length) throw OrgErrors.STAFFING_INVALID({ fields: problems });
    return inTransaction(this.db, async (tx) => {
      const org = await repo.findOrg(tx, orgId);
      const scope = org && { regionCode: org.region_code, path: org.path };
      if (!org || !scope || !canOnOrg(actor, 'staffing:manage', scope)) throw OrgErrors.ORG_NOT_FOUND();
      const before = await repo.findStaffing(tx, orgId);
      if (!before) throw OrgErrors.ORG_NOT_FOUND();
      const after = await repo.updateStaffing(tx, orgId, input.version, input);
      if (!after) {
        const current = (await repo.findStaffing(tx, orgId))?.version ?? before.version;
        throw CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });
      }
      const b = presentStaffing(before);
      const a = presentStaffing(after);
      await recordAudit(tx, who, {
        action: 'org.staffing_updated',
        entityType: 'staffing',
        entityId: orgId,
        regionCode: org.region_code,
        before: { quota: b.quota, actual: b.actual, leaderQuota: b.leaderQuota, leaderActual: b.leaderActual, internalUnits: b.internalUnits, version: b.version },
        after: { quota: a.quota, actual: a.actual, leaderQuota: a.leaderQuota, leaderActual: a.leaderActual, internalUnits: a.internalUnits, version: a.version },
      });
      return a;
    });
  }

  // ── people ──

  /**
   * People of the organisations the actor may read. Resident IDs and phone
   * numbers are masked unless the actor holds org:manage over the person's
   * organisation; every unmasked read is audited.
   */
  async listPeople(actor: Actor, who: AuditWho, f: { orgId?: number; subtree?: boolean; q?: string; cursor?: string; limit?: number }) {
    if (f.orgId !== undefined) await this.visibleOrg(actor, f.orgId);
    const limit = clampLimit(f.limit);
    const after = cursorKey<[number, number, number]>(f.cursor, (k) => k.length === 3 && k.every((v) => Number.isInteger(v)));
    const rows = await repo.listPeople(
      executor(this.db),
      { orgId: f.orgId, subtree: f.subtree, q: f.q },
      scopeCondition(actor, 'org:read', repo.PEOPLE_SCOPE_COLS),
      after,
      limit,
    );
    const page = paginate(rows, limit, (p) => [p.org_id, p.sort, p.id]);
    const revealed: number[] = [];
    const items = page.items.map((p) => {
      const full = canOnOrg(actor, 'org:manage', { regionCode: p.region_code, path: p.org_path });
      if (full && p.resident_id) revealed.push(p.id);
      return {
        id: p.id,
        name: p.name,
        residentId: full ? p.resident_id : maskResidentId(p.resident_id),
        residentIdMasked: !full,
        orgId: p.org_id,
        orgName: p.org_name,
        regionCode: p.region_code,
        post: p.post,
        phone: full ? p.phone : maskPhone(p.phone),
        accountId: p.account_id,
      };
    });
    if (revealed.length) {
      await recordAudit(executor(this.db), who, {
        action: 'org.people_read',
        entityType: 'person',
        entityId: revealed.length === 1 ? revealed[0] : null,
        regionCode: page.items[0]?.region_code ?? null,
        after: { personIds: revealed, orgId: f.orgId ?? null, q: f.q ?? null },
      });
    }
    return { items, nextCursor: page.nextCursor };
  }
}
