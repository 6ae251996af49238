import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, pgErrorOf, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { subtreePrefix } from '../org/index.ts';
import { ListErrors } from './lists.errors.ts';
import * as repo from './lists.repository.ts';
import { devolutionCategory, devolutionTargetProblems, normaliseProofCode, regionAncestry, unlistedProofs, type UnlistedProof } from './lists.rules.ts';
import type { DevolutionStatus, EvaluationResult, ProofReplacement, ProofStatus } from './lists.schema.ts';

// ── presentation ───────────────────────────────────────────────────────────

export function presentDevolution(r: repo.DevolutionRow) {
  return {
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    implCode: r.impl_code,
    itemType: r.item_type,
    category: devolutionCategory(r.item_type),
    fromOrgName: r.item_org_name,
    regionCode: r.region_code,
    regionName: r.region_name,
    orgId: r.org_id,
    orgName: r.org_name,
    field: r.field,
    legalBasis: r.legal_basis,
    decisionNo: r.decision_no,
    decidedBy: r.decided_by,
    effectiveDate: r.effective_date,
    status: r.status,
    note: r.note,
    lastEvaluatedOn: r.last_evaluated_on,
    lastResult: r.last_result,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
export type Devolution = ReturnType<typeof presentDevolution>;

export function presentProof(r: repo.ProofRow) {
  return {
    code: r.code,
    name: r.name,
    regionCode: r.region_code,
    basis: r.basis,
    requestingUnit: r.requesting_unit,
    issuingUnit: r.issuing_unit,
    guide: r.guide,
    replacement: r.replacement,
    status: r.status,
    note: r.note,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
export type Proof = ReturnType<typeof presentProof>;

export interface DevolutionCounts {
  total: number;
  byCategory: { approval_service: number; penalty_other: number };
  byTown: { regionCode: string; regionName: string | null; total: number; approvalService: number; penaltyOther: number }[];
  byField: { field: string; count: number }[];
}

/** Folds grouped count rows into totals per town, per category (Jiangyin's 75 + 815) and per field. */
export function foldCounts(rows: repo.DevolutionCountRow[]): DevolutionCounts {
  const out: DevolutionCounts = { total: 0, byCategory: { approval_service: 0, penalty_other: 0 }, byTown: [], byField: [] };
  const towns = new Map<string, DevolutionCounts['byTown'][number]>();
  const fields = new Map<string, number>();
  for (const r of rows) {
    const cat = devolutionCategory(r.item_type);
    out.total += r.n;
    out.byCategory[cat] += r.n;
    let t = towns.get(r.region_code);
    if (!t) {
      t = { regionCode: r.region_code, regionName: r.region_name, total: 0, approvalService: 0, penaltyOther: 0 };
      towns.set(r.region_code, t);
    }
    t.total += r.n;
    if (cat === 'approval_service') t.approvalService += r.n;
    else t.penaltyOther += r.n;
    fields.set(r.field, (fields.get(r.field) ?? 0) + r.n);
  }
  out.byTown = [...towns.values()];
  out.byField = [...fields].map(([field, count]) => ({ field, count })).sort((a, b) => b.count - a.count || a.field.localeCompare(b.field));
  return out;
}

// ── inputs ─────────────────────────────────────────────────────────────────

export interface DevolutionInput {
  itemId: number;
  regionCode: string;
  orgId?: number | null;
  field: string;
  legalBasis: string;
  decisionNo: string;
  decidedBy?: string | null;
  effectiveDate: string;
  status?: DevolutionStatus;
  note?: string | null;
}

export type DevolutionUpdate = Omit<DevolutionInput, 'itemId' | 'regionCode'> & { version: number; status: DevolutionStatus };

export interface ProofInput {
  code: string;
  name: string;
  regionCode: string;
  basis: string;
  requestingUnit: string;
  issuingUnit: string;
  guide: string;
  replacement: ProofReplacement;
  status?: ProofStatus;
  note?: string | null;
}

export type ProofUpdate = Omit<ProofInput, 'code'> & { version: number; status: ProofStatus };

const clampLimit = (limit: number | undefined) => Math.min(Math.max(limit ?? 50, 1), 500);

function cursorOf<T>(cursor: string | undefined, check: (k: unknown[]) => boolean): T | undefined {
  const key = decodeCursor(cursor);
  if (key === undefined) return undefined;
  if (!check(key)) throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor', in: 'query' }] });
  return key as T;
}

const conflict = (current: number) => CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });
const outOfScope = () => ListErrors.OUT_OF_SCOPE({ fields: [{ field: 'regionCode', message: '不在您的管辖范围内', messageEn: 'Outside your scope', in: 'body' }] });
const invalid = (fields: FieldError[]) => ListErrors.LIST_INVALID({ fields });

/**
 * The proofs among an item content's materials that the proof-requirement
 * list does not allow (Regulation art. 44): codes not listed, or cancelled.
 * With `regionCode`, only the lists published by that region and the regions
 * enclosing it count. The catalog calls this before publication.
 */
export async function checkProofs(
  ex: Executor,
  content: { materials?: { name: string; proofCode?: string | null }[] },
  opts: { regionCode?: string } = {},
): Promise<UnlistedProof[]> {
  const codes = [...new Set((content.materials ?? []).flatMap((m) => (m.proofCode?.trim() ? [normaliseProofCode(m.proofCode)] : [])))];
  const statuses = await repo.proofStatuses(ex, codes, opts.regionCode ? regionAncestry(opts.regionCode) : undefined);
  return unlistedProofs(content, statuses);
}

/**
 * The devolution list (赋权) and the proof-requirement list (证明事项清单):
 * public reads; staff writes within their region, each one transaction with
 * an audit entry, edits under optimistic locking.
 */
export class ListService {
  constructor(private readonly db: Db) {}

  // ── devolutions ──

  async listDevolutions(f: {
    regionCode?: string;
    orgId?: number;
    field?: string;
    itemId?: number;
    status?: DevolutionStatus;
    cursor?: string;
    limit?: number;
  }): Promise<Page<Devolution> & { counts: DevolutionCounts }> {
    const limit = clampLimit(f.limit);
    const after = cursorOf<[string, number]>(f.cursor, (k) => k.length === 2 && typeof k[0] === 'string' && Number.isInteger(k[1]));
    const filter: repo.DevolutionFilter = {
      regionPrefix: f.regionCode ? subtreePrefix(f.regionCode) : undefined,
      orgId: f.orgId,
      field: f.field,
      itemId: f.itemId,
      status: f.status ?? 'active',
    };
    const ex = executor(this.db);
    const rows = await repo.listDevolutions(ex, filter, after, limit);
    const counts = foldCounts(await repo.countDevolutions(ex, filter));
    const page = paginate(rows, limit, (r) => [r.region_code, r.id]);
    return { items: page.items.map(presentDevolution), nextCursor: page.nextCursor, counts };
  }

  async getDevolution(id: number) {
    const ex = executor(this.db);
    const row = await repo.findDevolution(ex, id);
    if (!row) throw ListErrors.DEVOLUTION_NOT_FOUND();
    const evaluations = await repo.listEvaluations(ex, id);
    return {
      ...presentDevolution(row),
      evaluations: evaluations.map((e) => ({ id: e.id, evaluatedOn: e.evaluated_on, result: e.result, note: e.note, evaluatedBy: e.evaluated_by })),
    };
  }

  /** Who may record or edit a devolution: catalog:edit over the receiving town and the item's department. */
  private async canWriteDevolution(ex: Executor, actor: Actor, itemId: number, regionCode: string): Promise<boolean> {
    const item = await repo.findItem(ex, itemId);
    return canAct(actor, 'catalog:edit', { regionCode, orgIds: item?.org_path ?? [] });
  }

  private async checkTarget(ex: Executor, regionCode: string, orgId: number | null | undefined): Promise<void> {
    const region = await repo.findRegion(ex, regionCode);
    const org = orgId == null ? null : (await repo.findOrgs(ex, [orgId])).get(orgId);
    const problems = devolutionTargetProblems(regionCode, region, org, orgId);
    if (problems.length) throw invalid(problems);
  }

  async createDevolution(actor: Actor, who: AuditWho, input: DevolutionInput) {
    return inTransaction(this.db, async (tx) => {
      const item = await repo.findItem(tx, input.itemId);
      if (!item) throw invalid([{ field: 'itemId', message: `事项 ${input.itemId} 不存在`, messageEn: `Item ${input.itemId} does not exist`, in: 'body' }]);
      if (!canAct(actor, 'catalog:edit', { regionCode: input.regionCode, orgIds: item.org_path ?? [] })) throw outOfScope();
      await this.checkTarget(tx, input.regionCode, input.orgId);
      const existing = await repo.currentDevolution(tx, input.itemId, input.regionCode);
      if (existing) throw ListErrors.DEVOLUTION_EXISTS({ vars: { region: input.regionCode, id: existing.id }, extra: { existingId: existing.id } });
      let id: number;
      try {
        id = await repo.insertDevolution(tx, input.itemId, input.regionCode, values(input, input.status ?? 'active'));
      } catch (e) {
        if (pgErrorOf(e)?.code === '23505') throw ListErrors.DEVOLUTION_EXISTS({ vars: { region: input.regionCode, id: '?' } });
        throw e;
      }
      const created = await repo.findDevolution(tx, id);
      if (!created) throw ListErrors.DEVOLUTION_NOT_FOUND();
      const after = presentDevolution(created);
      await recordAudit(tx, who, { action: 'catalog.devolution_created', entityType: 'devolution', entityId: id, regionCode: created.region_code, after });
      return this.getDevolution(id);
    });
  }

  async updateDevolution(actor: Actor, who: AuditWho, id: number, input: DevolutionUpdate) {
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findDevolution(tx, id);
      if (!before || !(await this.canWriteDevolution(tx, actor, before.item_id, before.region_code))) throw ListErrors.DEVOLUTION_NOT_FOUND();
      if (before.version !== input.version) throw conflict(before.version);
      await this.checkTarget(tx, before.region_code, input.orgId);
      if (before.status === 'withdrawn' && input.status !== 'withdrawn') {
        const other = await repo.currentDevolution(tx, before.item_id, before.region_code);
        if (other) throw ListErrors.DEVOLUTION_EXISTS({ vars: { region: before.region_code, id: other.id }, extra: { existingId: other.id } });
      }
      let ok: boolean;
      try {
        ok = await repo.updateDevolution(tx, id, input.version, values(input, input.status));
      } catch (e) {
        // reviving a withdrawn record while another is current (the transaction is aborted: no further queries)
        if (pgErrorOf(e)?.code === '23505') throw ListErrors.DEVOLUTION_EXISTS({ vars: { region: before.region_code, id: '?' } });
        throw e;
      }
      if (!ok) throw conflict((await repo.findDevolution(tx, id))?.version ?? before.version);
      const after = await repo.findDevolution(tx, id);
      await recordAudit(tx, who, {
        action: 'catalog.devolution_updated',
        entityType: 'devolution',
        entityId: id,
        regionCode: before.region_code,
        before: presentDevolution(before),
        after: after ? presentDevolution(after) : null,
      });
      return this.getDevolution(id);
    });
  }

  /** Records a periodic evaluation (catalog:review over the receiving town). */
  async evaluateDevolution(actor: Actor, who: AuditWho, id: number, input: { version: number; evaluatedOn: string; result: EvaluationResult; note?: string | null }) {
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findDevolution(tx, id);
      if (!before || !canAct(actor, 'catalog:review', { regionCode: before.region_code, orgIds: [] })) throw ListErrors.DEVOLUTION_NOT_FOUND();
      if (before.version !== input.version) throw conflict(before.version);
      const ok = await repo.addEvaluation(
        tx,
        { id, regionCode: before.region_code, version: input.version },
        { evaluatedOn: input.evaluatedOn, result: input.result, note: input.note ?? null, by: who.actor.id > 0 ? who.actor.id : null },
      );
      if (!ok) throw conflict((await repo.findDevolution(tx, id))?.version ?? before.version);
      await recordAudit(tx, who, {
        action: 'catalog.devolution_evaluated',
        entityType: 'devolution',
        entityId: id,
        regionCode: before.region_code,
        before: { lastEvaluatedOn: before.last_evaluated_on, lastResult: before.last_result, version: before.version },
        after: { evaluatedOn: input.evaluatedOn, result: input.result, note: input.note ?? null, version: before.version + 1 },
      });
      return this.getDevolution(id);
    });
  }

  // ── proofs ──

  async listProofs(f: { regionCode?: string; q?: string; replacement?: ProofReplacement; status?: ProofStatus; cursor?: string; limit?: number }): Promise<Page<Proof>> {
    const limit = clampLimit(f.limit);
    const after = cursorOf<[string]>(f.cursor, (k) => k.length === 1 && typeof k[0] === 'string');
    const rows = await repo.listProofs(
      executor(this.db),
      { regionCodes: f.regionCode ? regionAncestry(f.regionCode) : undefined, q: f.q, replacement: f.replacement, status: f.status ?? 'listed' },
      after?.[0],
      limit,
    );
    const page = paginate(rows, limit, (r) => [r.code]);
    return { items: page.items.map(presentProof), nextCursor: page.nextCursor };
  }

  async getProof(code: string): Promise<Proof> {
    const row = await repo.findProof(executor(this.db), normaliseProofCode(code));
    if (!row) throw ListErrors.PROOF_NOT_FOUND({ vars: { code } });
    return presentProof(row);
  }

  private async checkProofRegion(ex: Executor, regionCode: string) {
    if (!(await repo.findRegion(ex, regionCode))) {
      throw invalid([{ field: 'regionCode', message: `行政区划 ${regionCode} 不存在`, messageEn: `Region ${regionCode} does not exist`, in: 'body' }]);
    }
  }

  async createProof(actor: Actor, who: AuditWho, input: ProofInput): Promise<Proof> {
    const code = normaliseProofCode(input.code);
    if (!canAct(actor, 'catalog:edit', { regionCode: input.regionCode, orgIds: [] })) throw outOfScope();
    return inTransaction(this.db, async (tx) => {
      await this.checkProofRegion(tx, input.regionCode);
      if (await repo.findProof(tx, code)) throw ListErrors.PROOF_EXISTS({ vars: { code }, fields: [{ field: 'code', message: '编码已存在', messageEn: 'Code exists', in: 'body' }] });
      try {
        await repo.insertProof(tx, code, proofValues(input, input.status ?? 'listed'));
      } catch (e) {
        if (pgErrorOf(e)?.code === '23505') throw ListErrors.PROOF_EXISTS({ vars: { code } });
        throw e;
      }
      const row = await repo.findProof(tx, code);
      if (!row) throw ListErrors.PROOF_NOT_FOUND({ vars: { code } });
      const after = presentProof(row);
      await recordAudit(tx, who, { action: 'catalog.proof_created', entityType: 'proof', entityId: code, regionCode: row.region_code, after });
      return after;
    });
  }

  async updateProof(actor: Actor, who: AuditWho, rawCode: string, input: ProofUpdate): Promise<Proof> {
    const code = normaliseProofCode(rawCode);
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findProof(tx, code);
      if (!before || !canAct(actor, 'catalog:edit', { regionCode: before.region_code, orgIds: [] })) throw ListErrors.PROOF_NOT_FOUND({ vars: { code } });
      if (!canAct(actor, 'catalog:edit', { regionCode: input.regionCode, orgIds: [] })) throw outOfScope();
      if (before.version !== input.version) throw conflict(before.version);
      await this.checkProofRegion(tx, input.regionCode);
      const row = await repo.updateProof(tx, code, input.version, proofValues(input, input.status));
      if (!row) throw conflict((await repo.findProof(tx, code))?.version ?? before.version);
      const after = presentProof(row);
      await recordAudit(tx, who, { action: 'catalog.proof_updated', entityType: 'proof', entityId: code, regionCode: row.region_code, before: presentProof(before), after });
      return after;
    });
  }
}

function values(input: Omit<DevolutionInput, 'itemId' | 'regionCode'>, status: DevolutionStatus): repo.DevolutionValues {
  return {
    orgId: input.orgId ?? null,
    field: input.field,
    legalBasis: input.legalBasis,
    decisionNo: input.decisionNo,
    decidedBy: input.decidedBy ?? null,
    effectiveDate: input.effectiveDate,
    status,
    note: input.note ?? null,
  };
}

function proofValues(input: Omit<ProofInput, 'code'>, status: ProofStatus): repo.ProofValues {
  return {
    name: input.name,
    regionCode: input.regionCode,
    basis: input.basis,
    requestingUnit: input.requestingUnit,
    issuingUnit: input.issuingUnit,
    guide: input.guide,
    replacement: input.replacement,
    status,
    note: input.note ?? null,
  };
}
