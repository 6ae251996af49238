import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, pgErrorOf, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { subtreePrefix } from '../org/index.ts';
import * as drepo from './lists.duties.repository.ts';
import { ListErrors } from './lists.errors.ts';
import * as repo from './lists.repository.ts';
import {
  composeRoute,
  dutyPushDownProblem,
  dutyUnitProblems,
  groupDuties,
  isTownRegion,
  regionAncestry,
  selectDutyEntry,
  type DutyEntryInput,
  type DutyRoute,
  type DutyRowFacts,
  type OrgFacts,
} from './lists.rules.ts';
import type { DutyStatus } from './lists.schema.ts';

export function presentDutyEntry(m: drepo.DutyMatterRow, rows: DutyRowFacts[]) {
  const units = groupDuties(rows);
  const unit = (u: (typeof units)[number]) => ({ unitKind: u.unitKind, orgId: u.orgId, unitName: u.unitName, duties: u.duties });
  const lead = units.find((u) => u.role === 'lead');
  return {
    id: m.id,
    matterCode: m.matter_code,
    name: m.name,
    field: m.field,
    regionCode: m.region_code,
    regionName: m.region_name,
    /** county: applies in every town of the region; town: this town only (overrides the county entry). */
    scope: isTownRegion(m.region_code) ? ('town' as const) : ('county' as const),
    leadKind: m.lead_kind,
    devolutionId: m.devolution_id,
    description: m.description,
    status: m.status,
    version: m.version,
    updatedAt: new Date(m.updated_at).toISOString(),
    lead: lead ? unit(lead) : null,
    supporting: units.filter((u) => u.role === 'support').map(unit),
  };
}
export type DutyEntry = ReturnType<typeof presentDutyEntry>;

export type DutyEntryUpdate = Omit<DutyEntryInput, 'matterCode' | 'regionCode'> & { version: number; status: DutyStatus };

/**
 * Routes a matter (case category code) arising in a region to its lead and
 * supporting units by the territorial-duty list. Null means not routable:
 * the case goes to the dispatcher's queue. A matter the list gives to a
 * county department is never led by a town (lists.rules.ts).
 */
export async function routeByDuty(ex: Executor, q: { matterCode: string; townRegionCode: string }): Promise<DutyRoute | null> {
  const entries = await drepo.activeEntries(ex, q.matterCode, regionAncestry(q.townRegionCode));
  const devIds = entries.flatMap((e) => (e.devolutionId == null ? [] : [e.devolutionId]));
  const selection = selectDutyEntry(entries, q.townRegionCode, await drepo.findDevolutions(ex, devIds));
  if (!selection) return null;
  const units = groupDuties(selection.entry.duties);
  const orgs = await repo.findOrgs(
    ex,
    units.flatMap((u) => (u.orgId == null ? [] : [u.orgId])),
  );
  const town = units.some((u) => u.unitKind === 'town' && u.orgId == null) ? await repo.townGovernment(ex, q.townRegionCode) : null;
  const resolved: (OrgFacts | null)[] = units.map((u) => {
    if (u.orgId != null) {
      const org = orgs.get(u.orgId) ?? null;
      // a town body named by a town entry serves only that town
      return org && u.unitKind === 'town' && org.regionCode !== q.townRegionCode ? null : org;
    }
    return u.unitKind === 'town' ? town : null;
  });
  return composeRoute(selection, units, resolved);
}

const conflict = (current: number) => CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });

/** The territorial-duty list: public reads and routing; staff writes (catalog:edit in the entry's region), audited. */
export class DutyService {
  constructor(private readonly db: Db) {}

  async list(f: { matterCode?: string; regionCode?: string; field?: string; q?: string; status?: DutyStatus; cursor?: string; limit?: number }): Promise<Page<DutyEntry>> {
    const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
    const key = decodeCursor(f.cursor);
    if (key !== undefined && !(key.length === 3 && typeof key[0] === 'string' && typeof key[1] === 'string' && Number.isInteger(key[2]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor', in: 'query' }] });
    }
    const ex = executor(this.db);
    const rows = await drepo.listMatters(
      ex,
      {
        matterCode: f.matterCode,
        field: f.field,
        q: f.q,
        status: f.status ?? 'active',
        regionCodes: f.regionCode ? regionAncestry(f.regionCode) : undefined,
        subtreePrefix: f.regionCode ? subtreePrefix(f.regionCode) : undefined,
      },
      key as [string, string, number] | undefined,
      limit,
    );
    const page = paginate(rows, limit, (r) => [r.matter_code, r.region_code, r.id]);
    const duties = await drepo.dutiesOf(
      ex,
      page.items.map((r) => r.id),
    );
    return { items: page.items.map((r) => presentDutyEntry(r, duties.get(r.id) ?? [])), nextCursor: page.nextCursor };
  }

  async get(id: number): Promise<DutyEntry> {
    const ex = executor(this.db);
    const row = await drepo.findMatter(ex, id);
    if (!row) throw ListErrors.DUTY_NOT_FOUND();
    return presentDutyEntry(row, (await drepo.dutiesOf(ex, [id])).get(id) ?? []);
  }

  route(q: { matterCode: string; regionCode: string }): Promise<DutyRoute | null> {
    return routeByDuty(executor(this.db), { matterCode: q.matterCode, townRegionCode: q.regionCode });
  }

  /** Units, bases and the no-push-down rule; throws a 400 naming the fields. */
  private async check(ex: Executor, e: DutyEntryInput): Promise<void> {
    const problems: FieldError[] = [];
    if (!(await repo.findRegion(ex, e.regionCode))) {
      problems.push({ field: 'regionCode', message: `行政区划 ${e.regionCode} 不存在`, messageEn: `Region ${e.regionCode} does not exist`, in: 'body' });
    }
    const orgIds = [e.lead, ...e.supporting].flatMap((u) => (u.orgId == null ? [] : [u.orgId]));
    problems.push(...dutyUnitProblems(e, await repo.findOrgs(ex, orgIds)));
    const devolution = e.devolutionId == null ? null : ((await drepo.findDevolutions(ex, [e.devolutionId])).get(e.devolutionId) ?? null);
    if (e.devolutionId != null && (!devolution || devolution.regionCode !== e.regionCode)) {
      problems.push({ field: 'devolutionId', message: '须引用赋权给本镇（街道）的赋权记录', messageEn: 'Must cite a devolution to this town', in: 'body' });
    }
    if (problems.length) throw ListErrors.LIST_INVALID({ fields: problems });
    const broader = (await drepo.activeEntries(ex, e.matterCode, regionAncestry(e.regionCode))).filter((b) => b.regionCode !== e.regionCode);
    const pushDown = dutyPushDownProblem(e, broader, devolution);
    if (pushDown.length) throw ListErrors.DUTY_PUSHED_DOWN({ vars: { matterCode: e.matterCode }, fields: pushDown });
  }

  async create(actor: Actor, who: AuditWho, e: DutyEntryInput): Promise<DutyEntry> {
    if (!canAct(actor, 'catalog:edit', { regionCode: e.regionCode, orgIds: [] })) {
      throw ListErrors.OUT_OF_SCOPE({ fields: [{ field: 'regionCode', message: '不在您的管辖范围内', messageEn: 'Outside your scope', in: 'body' }] });
    }
    return inTransaction(this.db, async (tx) => {
      const [existing] = await drepo.listMatters(tx, { matterCode: e.matterCode, regionCodes: [e.regionCode], status: 'active' }, undefined, 1);
      if (existing) {
        throw ListErrors.DUTY_EXISTS({ vars: { matterCode: e.matterCode, region: e.regionCode, id: existing.id }, extra: { existingId: existing.id } });
      }
      await this.check(tx, e);
      let id: number;
      try {
        id = await drepo.insertMatter(tx, e);
      } catch (err) {
        // a concurrent insert of the same entry (the transaction is aborted: no further queries)
        if (pgErrorOf(err)?.code === '23505') throw ListErrors.DUTY_EXISTS({ vars: { matterCode: e.matterCode, region: e.regionCode, id: '?' } });
        throw err;
      }
      await drepo.replaceDuties(tx, id, e.regionCode, e);
      const after = await this.get(id);
      await recordAudit(tx, who, { action: 'catalog.duty_created', entityType: 'territorial_duty', entityId: id, regionCode: e.regionCode, after });
      return after;
    });
  }

  async update(actor: Actor, who: AuditWho, id: number, u: DutyEntryUpdate): Promise<DutyEntry> {
    return inTransaction(this.db, async (tx) => {
      const row = await drepo.findMatter(tx, id);
      if (!row || !canAct(actor, 'catalog:edit', { regionCode: row.region_code, orgIds: [] })) throw ListErrors.DUTY_NOT_FOUND();
      if (row.version !== u.version) throw conflict(row.version);
      const e: DutyEntryInput = { ...u, matterCode: row.matter_code, regionCode: row.region_code };
      if (u.status === 'active') await this.check(tx, e);
      const before = await this.get(id);
      let ok: boolean;
      try {
        ok = await drepo.updateMatter(tx, id, u.version, e, u.status);
      } catch (err) {
        if (pgErrorOf(err)?.code !== '23505') throw err;
        throw ListErrors.DUTY_EXISTS({ vars: { matterCode: row.matter_code, region: row.region_code, id: '?' } });
      }
      if (!ok) throw conflict((await drepo.findMatter(tx, id))?.version ?? row.version);
      await drepo.replaceDuties(tx, id, row.region_code, e);
      const after = await this.get(id);
      await recordAudit(tx, who, { action: 'catalog.duty_updated', entityType: 'territorial_duty', entityId: id, regionCode: row.region_code, before, after });
      return after;
    });
  }
}
