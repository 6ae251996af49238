/**
 * Adjustment requests (动态调整): every change to a published item goes
 * through one. The department or town drafts it (create, update or retire,
 * with the proposed content, the reason and the basis), edits it while it is
 * a draft or returned, and submits it; the staffing office reviews, approves
 * (approval document number, effective date) and publishes it. The
 * transitions run on platform/workflow (adjustment.workflow.ts); publication
 * is catalog.publish.ts, inside the `publish` transition.
 */
import type { Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { availableActions, type Workflows } from '../../platform/workflow/index.ts';
import { canonicalRegionCode } from '../org/index.ts';
import {
  EDITABLE_STATES,
  QUEUE_STATES,
  REQUESTER_ACTIONS,
  REVIEW_ACTIONS,
  adjustmentFlow,
  adjustmentStore,
  type AdjustmentAction,
  type AdjustmentState,
} from './adjustment.workflow.ts';
import type { ItemContent } from './catalog.content.ts';
import { CatalogErrors } from './catalog.errors.ts';
import { adjustmentVisibility, canRequest, canSeeAdjustment, isRequesterOf, isReviewer, mayReviewRequest, type CatalogScope } from './catalog.policy.ts';
import { assertContent, preflightContent, publishEntries } from './catalog.publish.ts';
import * as adjRepo from './adjustment.repository.ts';
import * as repo from './catalog.repository.ts';
import { diffContent, type ContentDiff } from './diff.rules.ts';

type Who = AuditWho & { actor: Actor };
export type AdjustmentChange = 'create' | 'update' | 'retire';

export interface CreateAdjustmentInput {
  change: AdjustmentChange;
  itemId?: number;
  /** The full proposed content (create, update); ignored for retire (the current content is retired). */
  proposed?: unknown;
  reason: string;
  basis: string;
  /** Submit at once instead of keeping a draft. */
  submit?: boolean;
}

export interface EditAdjustmentInput {
  version: number;
  proposed?: unknown;
  reason?: string;
  basis?: string;
  /** Base the request on the version in force now (after the item was published again); for retire, also takes its content. */
  rebase?: boolean;
}

export interface ActionInput {
  version: number;
  reason?: string;
  note?: string;
  approvalDocNo?: string;
  effectiveDate?: string;
}

const label = (state: string) => adjustmentFlow.states[state as AdjustmentState]?.label ?? { zh: state, en: state };
const iso = (d: Date | string) => new Date(d).toISOString();
const scopeOf = (a: { region_code: string; org_path: number[] }): CatalogScope => ({ regionCode: a.region_code, orgPath: a.org_path });
const subjectOf = (a: adjRepo.AdjustmentRow) => ({ state: a.state, version: a.version, regionCode: a.region_code, orgIds: a.org_path });

export function presentAdjustment(a: adjRepo.AdjustmentRow) {
  const proposed = a.proposed as Partial<ItemContent>;
  const current = a.item_current_version ?? 0;
  return {
    id: a.id,
    itemId: a.item_id,
    change: a.change,
    state: a.state as AdjustmentState,
    stateLabel: label(a.state),
    version: a.version,
    name: proposed.name ?? null,
    implCode: proposed.implCode ?? null,
    orgName: proposed.implementingBody?.name ?? null,
    regionCode: a.region_code,
    orgId: a.org_id,
    reason: a.reason,
    basis: a.basis,
    baseVersion: a.base_version,
    currentVersion: current,
    /** The item was published again after this request was based on it: it must be rebased before publication. */
    stale: a.item_id !== null && a.state !== 'published' && a.base_version !== current,
    requestedBy: { id: a.requested_by, name: a.requested_by_name },
    reviewNote: a.review_note,
    approvalDocNo: a.approval_doc_no,
    effectiveDate: a.effective_date,
    createdAt: iso(a.created_at),
    updatedAt: iso(a.updated_at),
  };
}
export type AdjustmentSummary = ReturnType<typeof presentAdjustment>;

export class AdjustmentService {
  constructor(
    private readonly db: Db,
    private readonly workflows: Workflows,
  ) {}

  /** The request if the actor may see it (as requester or reviewer); otherwise "not found". */
  private async visible(ex: Executor, actor: Actor, id: number, lock = false): Promise<adjRepo.AdjustmentRow> {
    assertCatalogStaff(actor);
    const a = await adjRepo.findAdjustment(ex, id, { lock });
    if (!a || !canSeeAdjustment(actor, scopeOf(a))) throw CatalogErrors.ADJUSTMENT_NOT_FOUND();
    return a;
  }

  /** Where proposed content will live (region and organisation path), for the requester's scope check. */
  private async proposedScope(ex: Executor, content: ItemContent, fallback?: repo.ItemWithContent): Promise<{ regionCode: string; orgPath: number[]; orgId: number | null }> {
    const orgId = content.implementingBody.orgId;
    const org = orgId === null ? undefined : (await repo.findOrgRefs(ex, [orgId])).get(orgId);
    if (orgId !== null && !org) {
      throw CatalogErrors.UNKNOWN_ORG({
        vars: { id: orgId },
        fields: [{ field: 'proposed.implementingBody.orgId', message: `机构 ${orgId} 不存在`, messageEn: `Organisation ${orgId} does not exist`, in: 'body' }],
      });
    }
    const given = content.regionCode ? (canonicalRegionCode(content.regionCode) ?? content.regionCode) : undefined;
    const regionCode = given ?? org?.region_code ?? fallback?.region_code;
    if (!regionCode) {
      throw CatalogErrors.REGION_REQUIRED({
        fields: [{ field: 'proposed.regionCode', message: '请填写行政区划代码或实施主体机构', messageEn: 'Give the region code or the implementing organisation', in: 'body' }],
      });
    }
    return { regionCode, orgPath: org?.path ?? [], orgId };
  }

  private async requireRequestScope(ex: Executor, actor: Actor, content: ItemContent, item?: repo.ItemWithContent) {
    const scope = await this.proposedScope(ex, content, item);
    if (!canRequest(actor, scope)) throw CatalogErrors.OUT_OF_SCOPE({ fields: [{ field: 'proposed.implementingBody', message: '不在您的职责范围内', messageEn: 'Outside your scope', in: 'body' }] });
    return scope;
  }

  /** The item a change applies to, when the actor may request changes to it. */
  private async requestableItem(ex: Executor, actor: Actor, itemId: number): Promise<repo.ItemWithContent> {
    const item = await repo.findItem(ex, itemId);
    if (!item || !canRequest(actor, { regionCode: item.region_code, orgPath: item.org_path })) throw CatalogErrors.ITEM_NOT_FOUND();
    return item;
  }

  async create(actor: Actor, who: Who, input: CreateAdjustmentInput) {
    return inTransaction(this.db, async (tx) => {
      let item: repo.ItemWithContent | undefined;
      let proposed: ItemContent;
      let regionCode: string;
      let orgId: number | null;
      if (input.change === 'create') {
        proposed = assertContent(input.proposed, 'proposed');
        const scope = await this.requireRequestScope(tx, actor, proposed);
        regionCode = scope.regionCode;
        orgId = scope.orgId;
        await preflightContent(tx, proposed, 'proposed', null);
      } else {
        if (input.itemId === undefined) throw requiredField('itemId');
        item = await this.requestableItem(tx, actor, input.itemId);
        regionCode = item.region_code;
        orgId = item.org_id;
        if (input.change === 'retire') {
          if (item.status !== 'published') throw CatalogErrors.ITEM_STATE({ vars: { status: item.status, changeZh: '注销', changeEn: 'retired' } });
          proposed = assertContent(item.content, 'proposed');
        } else {
          proposed = assertContent(input.proposed, 'proposed');
          await this.requireRequestScope(tx, actor, proposed, item);
          await preflightContent(tx, proposed, 'proposed', item.id);
        }
      }
      const id = await adjRepo.insertAdjustment(tx, {
        itemId: item?.id ?? null,
        change: input.change,
        proposed,
        baseVersion: item?.current_version ?? 0,
        reason: input.reason,
        basis: input.basis,
        state: adjustmentFlow.initial,
        regionCode,
        orgId,
        requestedBy: who.actor.id,
      });
      await recordAudit(tx, who, {
        action: 'catalog_adjustment.created',
        entityType: adjustmentFlow.name,
        entityId: id,
        regionCode,
        after: { change: input.change, itemId: item?.id ?? null, name: proposed.name, baseVersion: item?.current_version ?? 0, reason: input.reason, basis: input.basis },
      });
      if (input.submit) await this.workflows.transition(adjustmentFlow, adjustmentStore, id, 'submit', { expectedVersion: 1, who });
      return this.get(actor, id);
    });
  }

  /** Edits a draft or returned request (optimistic: the version the caller read). */
  async edit(actor: Actor, who: Who, id: number, input: EditAdjustmentInput) {
    return inTransaction(this.db, async (tx) => {
      const a = await this.visible(tx, actor, id, true);
      if (!canRequest(actor, scopeOf(a))) throw CatalogErrors.ADJUSTMENT_NOT_FOUND();
      if (!isRequesterOf(actor, a.requested_by, scopeOf(a))) throw CatalogErrors.NOT_REQUESTER();
      if (a.version !== input.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: a.version }, extra: { version: a.version } });
      if (!EDITABLE_STATES.includes(a.state as AdjustmentState)) {
        const l = label(a.state);
        throw CatalogErrors.NOT_EDITABLE({ vars: { state: l.zh, stateEn: l.en }, extra: { state: a.state } });
      }
      const item = a.item_id === null ? undefined : await repo.findItem(tx, a.item_id);
      let proposed = assertContent(a.proposed, 'proposed');
      let regionCode = a.region_code;
      let orgId = a.org_id;
      let baseVersion = a.base_version;
      if (input.rebase && item) baseVersion = item.current_version;
      if (a.change === 'retire') {
        if (input.proposed !== undefined) {
          throw CommonErrors.VALIDATION({ fields: [{ field: 'proposed', message: '注销申请不能修改事项内容', messageEn: 'A retire request has no content to edit', in: 'body' }] });
        }
        if (input.rebase && item) proposed = assertContent(item.content, 'proposed');
      } else if (input.proposed !== undefined) {
        proposed = assertContent(input.proposed, 'proposed');
        const scope = await this.requireRequestScope(tx, actor, proposed, item);
        if (a.change === 'create') {
          regionCode = scope.regionCode;
          orgId = scope.orgId;
        }
        await preflightContent(tx, proposed, 'proposed', a.item_id);
      }
      const before = assertContent(a.proposed, 'proposed');
      const version = await adjRepo.updateAdjustmentProposal(tx, id, input.version, {
        proposed,
        reason: input.reason ?? a.reason,
        basis: input.basis ?? a.basis,
        baseVersion,
        regionCode,
        orgId,
      });
      if (version === null) throw CommonErrors.VERSION_CONFLICT({ vars: { current: '?' } });
      await recordAudit(tx, who, {
        action: 'catalog_adjustment.edited',
        entityType: adjustmentFlow.name,
        entityId: id,
        regionCode,
        before: { version: a.version, baseVersion: a.base_version, reason: a.reason, basis: a.basis },
        after: { version, baseVersion, reason: input.reason ?? a.reason, basis: input.basis ?? a.basis, contentChanges: diffContent(before, proposed).summary },
      });
      return this.get(actor, id);
    });
  }

  /**
   * Requests the actor may see. Reviewers see their review queue (submitted,
   * reviewed, approved) unless they ask for a state; requesters see the
   * requests of their organisations; `mine` limits to the caller's own.
   */
  async list(actor: Actor, f: { state?: AdjustmentState; mine?: boolean; itemId?: number; cursor?: string; limit?: number }): Promise<Page<AdjustmentSummary>> {
    assertCatalogStaff(actor);
    const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
    const key = decodeCursor(f.cursor);
    if (key && !(key.length === 1 && Number.isInteger(key[0]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor', in: 'query' }] });
    }
    const states = f.state ? [f.state] : !f.mine && isReviewer(actor) ? QUEUE_STATES : undefined;
    const rows = await adjRepo.listAdjustments(
      executor(this.db),
      { states, requestedBy: f.mine ? actor.id : undefined, itemId: f.itemId },
      adjustmentVisibility(actor, adjRepo.ADJUSTMENT_SCOPE_COLS),
      key?.[0] as number | undefined,
      limit,
    );
    const page = paginate(rows, limit, (a) => [a.id]);
    return { items: page.items.map(presentAdjustment), nextCursor: page.nextCursor };
  }

  /** One request with its proposed content, the diff against the version in force, its history and what the caller may do. */
  async get(actor: Actor, id: number) {
    const ex = executor(this.db);
    const a = await this.visible(ex, actor, id);
    const item = a.item_id === null ? undefined : await repo.findItem(ex, a.item_id);
    const proposed = a.proposed as ItemContent;
    let diff: ContentDiff | null = null;
    if (item && item.current_version > 0) diff = diffContent(item.content as ItemContent, proposed);
    const history = await adjRepo.adjustmentHistory(ex, adjustmentFlow.name, id);
    return {
      ...presentAdjustment(a),
      proposed,
      diff,
      history: history.map((h) => ({
        action: h.action,
        from: h.from_state,
        to: h.to_state,
        version: h.version,
        actorName: h.actor_name,
        note: h.note,
        at: iso(h.at),
      })),
      actions: availableActions(adjustmentFlow, subjectOf(a), actor).filter((x) => sideAllows(actor, a, x.action as AdjustmentAction) === null),
    };
  }

  /** Takes a workflow action; `publish` publishes the proposal in the same transaction. */
  async act(actor: Actor, who: Who, id: number, action: AdjustmentAction, input: ActionInput) {
    await inTransaction(this.db, async (tx) => {
      // visibility first, so outsiders get "not found" whatever they send
      const a = await this.visible(tx, actor, id);
      const refusal = sideAllows(actor, a, action);
      // only when the workflow itself would allow it: otherwise its own answer (forbidden, wrong state) is the clearer one
      if (refusal && actor.permissions.has(adjustmentFlow.actions[action].permission)) throw refusal;
      const data: Record<string, unknown> = {};
      for (const k of ['reason', 'note', 'approvalDocNo', 'effectiveDate'] as const) if (input[k] !== undefined && input[k] !== '') data[k] = input[k];
      const note = (action === 'return' || action === 'reject' ? input.reason : input.note) ?? undefined;
      await this.workflows.transition(adjustmentFlow, adjustmentStore, id, action, {
        expectedVersion: input.version,
        input: data,
        note,
        who,
        effect: async (t) => {
          switch (action) {
            case 'review':
              await adjRepo.setAdjustmentFields(t, id, { reviewNote: input.note ?? null });
              return;
            case 'return':
            case 'reject':
              await adjRepo.setAdjustmentFields(t, id, { reviewNote: input.reason ?? null });
              return;
            case 'approve':
              await adjRepo.setAdjustmentFields(t, id, {
                approvalDocNo: input.approvalDocNo,
                effectiveDate: input.effectiveDate,
                ...(input.note ? { reviewNote: input.note } : {}),
              });
              return;
            case 'publish':
              await this.publish(t, who, id);
              return;
            default:
              await adjRepo.setAdjustmentFields(t, id, {});
          }
        },
      });
    });
    return this.get(actor, id);
  }

  private async publish(tx: Executor, who: Who, id: number) {
    const a = await adjRepo.findAdjustment(tx, id, { lock: true });
    if (!a) throw CatalogErrors.ADJUSTMENT_NOT_FOUND();
    if (!a.approval_doc_no || !a.effective_date) throw requiredField(!a.approval_doc_no ? 'approvalDocNo' : 'effectiveDate');
    const out = await publishEntries(
      tx,
      [{ content: a.proposed, path: 'proposed', change: a.change, itemId: a.item_id ?? undefined, baseVersion: a.item_id === null ? undefined : a.base_version, adjustmentId: id }],
      { approvalDocNo: a.approval_doc_no, effectiveDate: a.effective_date, reason: a.reason, who },
      'each',
    );
    const itemId = out.items[0]?.itemId;
    await adjRepo.setAdjustmentFields(tx, id, itemId !== undefined && a.item_id === null ? { itemId } : {});
  }
}

/**
 * The side rule on top of the workflow's permissions: requester actions for
 * the requesting side, review actions for a reviewer who did not make the
 * request. Null when allowed; otherwise the error to report.
 */
function sideAllows(actor: Actor, a: adjRepo.AdjustmentRow, action: AdjustmentAction) {
  const scope = scopeOf(a);
  if (REQUESTER_ACTIONS.includes(action) && !isRequesterOf(actor, a.requested_by, scope)) return CatalogErrors.NOT_REQUESTER();
  if (REVIEW_ACTIONS.includes(action) && !mayReviewRequest(actor, a.requested_by, scope)) {
    return a.requested_by === actor.id ? CatalogErrors.SELF_REVIEW() : CommonErrors.FORBIDDEN();
  }
  return null;
}

/** Requests are for requesters and reviewers only (the routes admit any signed-in caller, as either permission will do). */
function assertCatalogStaff(actor: Actor) {
  if (!actor.permissions.has('catalog:edit') && !actor.permissions.has('catalog:review')) throw CommonErrors.FORBIDDEN();
}

function requiredField(field: string) {
  return CommonErrors.VALIDATION({ fields: [{ field, message: '必填', messageEn: 'Required', in: 'body' }] });
}
