/**
 * The bad-rating loop for the rated unit, the supervisor and the rater. The
 * unit's staff never see who rated: responses carry a pseudonym and a masked
 * phone for the relayed call-back; only a supervisor may read the identity,
 * and every such read is audited.
 */
import { sql } from 'drizzle-orm';
import { executor, inTransaction, type Db } from '../../platform/db/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { availableActions, type Workflows } from '../../platform/workflow/index.ts';
import type { SlaEventPayload } from '../../platform/clock/index.ts';
import type { Tx } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/jobs/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { maskPhone, scopeCondition } from '../org/index.ts';
import { RatingErrors } from './ratings.errors.ts';
import * as repo from './ratings.repository.ts';
import { BAD_REASONS, LEVELS, pseudonymOf, type RatingInput, type RatingSettings } from './ratings.rules.ts';
import { RATING_EXCLUDED, presentRating, type RatingService } from './ratings.service.ts';
import type { RectificationOutcome } from './ratings.schema.ts';
import {
  CALLBACK_CLOCK,
  OPEN_STATES,
  RATER_ACTIONS,
  RECTIFICATION_WORKFLOW,
  rectificationFlow,
  rectificationStore,
  type RectificationAction,
  type RectificationState,
} from './rectification.workflow.ts';

type Who = AuditWho & { actor: Actor };

const OUTCOME_LABELS: Record<RectificationOutcome, { zh: string; en: string }> = {
  fix_now: { zh: '立即整改', en: 'Fixed now' },
  log_fix: { zh: '限期整改', en: 'Logged, to be fixed by a date' },
  explain: { zh: '解释说明', en: 'Explained' },
};

export interface UnitActionInput {
  version: number;
  note?: string;
  outcome?: RectificationOutcome;
  fixBy?: string;
  reason?: string;
}

export class RectificationService {
  constructor(
    private readonly db: Db,
    private readonly workflows: Workflows,
    private readonly ratings: RatingService,
    private readonly settings: RatingSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private visibleTo(actor: Actor, x: { region_code: string; org_path: number[] }) {
    const res = { regionCode: x.region_code, orgIds: x.org_path };
    return canAct(actor, 'rating:handle', res) || canAct(actor, 'rating:supervise', res);
  }

  private async load(actor: Actor, id: number) {
    const x = await repo.findRectification(executor(this.db), id);
    if (!x || x.state === 'new' || !this.visibleTo(actor, x)) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    return x;
  }

  /** Bad ratings of the caller's units (and, for supervisors, their region), with pseudonyms only. */
  async list(actor: Actor, f: { states?: RectificationState[]; open?: boolean; before?: number; limit: number }) {
    const cols = { region: sql`x.region_code`, path: sql`x.org_path` };
    const scope = sql`(${scopeCondition(actor, 'rating:handle', cols)} or ${scopeCondition(actor, 'rating:supervise', cols)})`;
    const rows = await repo.listRectifications(executor(this.db), scope, { states: f.states ?? (f.open ? OPEN_STATES : undefined), afterId: f.before, limit: f.limit + 1 });
    const page = rows.slice(0, f.limit);
    const items = [];
    for (const x of page) items.push(await this.present(actor, x, false));
    return { items, nextBefore: rows.length > f.limit ? page[page.length - 1].id : null };
  }

  async get(actor: Actor, id: number) {
    return this.present(actor, await this.load(actor, id), true);
  }

  /** The staff view: the rating, the matter without its number, the rater as a pseudonym with a masked phone. */
  private async present(actor: Actor, x: repo.RectificationRow, withHistory: boolean) {
    const rating = await repo.findRating(executor(this.db), x.rating_id);
    const matter = await repo.findMatter(executor(this.db), x.matter_id);
    if (!rating || !matter) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    const pseudonym = pseudonymOf(rating.id, rating.rater_account_id, this.settings.pseudonymKey);
    const contact = rating.rater_account_id === null ? null : await repo.raterContact(executor(this.db), rating.rater_account_id);
    const subject = { state: x.state, version: x.version, regionCode: x.region_code, orgIds: x.org_path };
    const actions = availableActions(rectificationFlow, subject, actor).filter((a) => !(RATER_ACTIONS as readonly string[]).includes(a.action) && a.action !== 'assign');
    const history = withHistory
      ? (await repo.historyOf(executor(this.db), x.id)).map((h) => ({
          action: h.action,
          label: rectificationFlow.actions[h.action as RectificationAction]?.label ?? { zh: h.action, en: h.action },
          from: h.from_state,
          to: h.to_state,
          // the rater's own steps are shown under the pseudonym, never the account name
          by: (RATER_ACTIONS as readonly string[]).includes(h.action) ? pseudonym : h.actor_name,
          note: h.note,
          at: h.at,
        }))
      : undefined;
    return {
      id: x.id,
      state: x.state,
      stateLabel: rectificationFlow.states[x.state as RectificationState].label,
      version: x.version,
      rating: { ...presentRating(rating), reasonLabels: rating.reasons.map((r) => BAD_REASONS[r as keyof typeof BAD_REASONS] ?? { zh: r, en: r }) },
      matter: {
        itemName: matter.item_name,
        handlingOrgId: matter.handling_org_id,
        handlingOrgName: matter.handling_org_name,
        intakeOrgName: matter.intake_org_name,
        channel: matter.channel,
        completedOn: matter.completed_at.slice(0, 10),
      },
      rater: {
        pseudonym,
        named: x.named,
        maskedPhone: maskPhone(contact?.phone ?? null),
        relay: { zh: '请通过平台中转号码回访，勿索要评价人身份信息', en: 'Call back through the platform relay; do not ask for the rater’s identity' },
      },
      callback: { dueAt: x.callback_due_at, warned: x.callback_warned, overdue: x.callback_overdue, calledBackAt: x.called_back_at, note: x.callback_note },
      outcome: x.outcome,
      outcomeLabel: x.outcome ? OUTCOME_LABELS[x.outcome] : null,
      outcomeNote: x.outcome_note,
      fixBy: x.fix_by,
      fixedAt: x.fixed_at,
      notifiedAt: x.notified_at,
      appeal: x.appeal_reason ? { reason: x.appeal_reason, decision: x.appeal_decision, ownAppeal: x.appealed_by === actor.id } : null,
      actions,
      history,
    };
  }

  /** The unit's and the supervisor's steps: callBack, resolve, completeFix, appeal, uphold, rejectAppeal. */
  async act(who: Who, id: number, action: Exclude<RectificationAction, 'assign' | 'rerate' | 'accept'>, input: UnitActionInput) {
    const x = await this.load(who.actor, id);
    if ((action === 'uphold' || action === 'rejectAppeal') && who.actor.id > 0 && x.appealed_by === who.actor.id) throw RatingErrors.OWN_APPEAL();
    const now = this.now();
    const at = now.toISOString();
    const rating = await repo.findRating(executor(this.db), x.rating_id);
    if (!rating) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    const note = input.note?.trim();
    await this.workflows.transition(rectificationFlow, rectificationStore, id, action, {
      who,
      expectedVersion: input.version,
      input: { note, outcome: input.outcome, fixBy: input.fixBy, reason: input.reason?.trim(), at },
      note: note ?? input.reason,
      effect: async (tx, r) => {
        switch (action) {
          case 'callBack':
            await repo.updateRectification(tx, id, sql`called_back_at = ${at}, callback_note = ${note ?? null}`);
            return;
          case 'resolve': {
            const outcome = input.outcome as RectificationOutcome;
            if (outcome === 'log_fix' && !input.fixBy) throw RatingErrors.BAD_OUTCOME({ fields: [{ field: 'fixBy', in: 'body', message: '限期整改须填写整改期限', messageEn: 'A fix-by date is required' }] });
            if (outcome === 'log_fix' && input.fixBy! < at.slice(0, 10)) throw RatingErrors.BAD_OUTCOME({ fields: [{ field: 'fixBy', in: 'body', message: '整改期限不能早于今天', messageEn: 'The fix-by date may not be in the past' }] });
            await repo.updateRectification(tx, id, sql`outcome = ${outcome}, outcome_note = ${note ?? null}, fix_by = ${outcome === 'log_fix' ? input.fixBy! : null}`);
            if (r.to === 'notified') await this.notify(tx, x, rating, outcome, note ?? '', at);
            else if (rating.rater_account_id !== null) {
              await repo.insertNotice(tx, {
                accountId: rating.rater_account_id,
                ratingId: rating.id,
                rectificationId: id,
                kind: 'fix_scheduled',
                zh: `您对「${await this.itemName(tx, x.matter_id)}」的评价已回访，单位承诺于 ${input.fixBy} 前整改：${note}`,
                en: `Your rating was followed up; the unit will fix it by ${input.fixBy}: ${note}`,
              });
            }
            return;
          }
          case 'completeFix':
            await repo.updateRectification(tx, id, sql`fixed_at = ${at}`);
            await this.notify(tx, x, rating, 'log_fix', note ?? '', at);
            return;
          case 'appeal':
            await repo.updateRectification(tx, id, sql`appeal_reason = ${input.reason?.trim() ?? null}, appealed_by = ${who.actor.id}`);
            return;
          case 'uphold':
            await repo.updateRectification(tx, id, sql`appeal_decision = 'upheld', appeal_decided_by = ${who.actor.id}, closed_at = ${at}`);
            await repo.excludeRating(tx, rating.id);
            await emit(tx, RATING_EXCLUDED, { ratingId: rating.id, matterId: x.matter_id, rectificationId: id, handlingOrgId: x.handling_org_id }, { regionCode: x.region_code });
            return;
          case 'rejectAppeal':
            await repo.updateRectification(tx, id, sql`appeal_decision = 'rejected', appeal_decided_by = ${who.actor.id}`);
            return;
        }
      },
    });
    return this.get(who.actor, id);
  }

  private async itemName(tx: Tx, matterId: number) {
    return (await repo.findMatter(tx, matterId))?.item_name ?? '';
  }

  /** Tells the rater the outcome (a notice in the applicant centre). */
  private async notify(tx: Tx, x: repo.RectificationRow, rating: repo.RatingRow, outcome: RectificationOutcome, note: string, at: string) {
    await repo.updateRectification(tx, x.id, sql`notified_at = ${at}`);
    if (rating.rater_account_id === null) return;
    const label = OUTCOME_LABELS[outcome];
    await repo.insertNotice(tx, {
      accountId: rating.rater_account_id,
      ratingId: rating.id,
      rectificationId: x.id,
      kind: 'outcome',
      zh: `您对「${await this.itemName(tx, x.matter_id)}」的评价已处理（${label.zh}）：${note}。您可以重新评价。`,
      en: `Your rating has been dealt with (${label.en}): ${note}. You may rate again.`,
    });
  }

  /** The rater re-rates after being told (the new level replaces the old one in statistics) or accepts the outcome. */
  async raterAct(who: Who, ratingId: number, action: 'rerate' | 'accept', input: { version: number } & Partial<RatingInput>) {
    const rating = await repo.findRating(executor(this.db), ratingId);
    const x = rating ? await repo.rectificationOfRating(executor(this.db), ratingId) : undefined;
    if (!rating || !x || rating.rater_account_id !== who.actor.id || rating.superseded_at !== null) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    const at = this.now().toISOString();
    let result: unknown = null;
    await this.workflows.transition(rectificationFlow, rectificationStore, x.id, action, {
      who,
      expectedVersion: input.version,
      input: { at },
      effect: async (tx) => {
        await repo.updateRectification(tx, x.id, sql`closed_at = ${at}`);
        if (action === 'rerate') {
          const matter = await repo.findMatter(tx, rating.matter_id, true);
          if (!matter) throw RatingErrors.RECTIFICATION_NOT_FOUND();
          result = await this.ratings.record(tx, who, matter, rating.channel, rating.visit_id, rating.rating_key, rating.rater_account_id, {
            level: input.level as number,
            dimensions: input.dimensions ?? {},
            comment: input.comment,
            reasons: input.reasons,
          }, rating);
        }
      },
    });
    return { rectificationId: x.id, state: 'closed', rating: result };
  }

  /** The rater's identity, for a supervisor only; the read itself is audited. */
  async raterIdentity(who: Who, id: number) {
    const x = await repo.findRectification(executor(this.db), id);
    if (!x || x.state === 'new' || !canAct(who.actor, 'rating:supervise', { regionCode: x.region_code, orgIds: x.org_path })) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    const rating = await repo.findRating(executor(this.db), x.rating_id);
    const matter = await repo.findMatter(executor(this.db), x.matter_id);
    if (!rating || !matter) throw RatingErrors.RECTIFICATION_NOT_FOUND();
    const a = rating.rater_account_id === null ? undefined : await repo.raterContact(executor(this.db), rating.rater_account_id);
    await inTransaction(this.db, (tx) =>
      recordAudit(tx, who, {
        action: 'rating.rater_identity_read',
        entityType: 'rating_rectification',
        entityId: id,
        regionCode: x.region_code,
        after: { ratingId: rating.id, raterAccountId: rating.rater_account_id, fields: ['displayName', 'username', 'residentId', 'uscc', 'phone'] },
      }),
    );
    return {
      rectificationId: id,
      named: x.named,
      matterNo: matter.matter_no,
      subjectType: matter.subject_type,
      subjectId: matter.subject_id,
      rater: a ? { accountId: a.id, kind: a.kind, displayName: a.display_name, username: a.username, residentId: a.resident_id, uscc: a.uscc, phone: a.phone } : null,
    };
  }

  /** SLA watcher subscriber: marks warned and overdue call-backs (only this workflow's callback clocks). */
  async onSla(event: OutboxEvent, tx: Tx, flag: 'warned' | 'overdue'): Promise<void> {
    const p = event.payload as SlaEventPayload;
    if (p?.subjectType !== RECTIFICATION_WORKFLOW || p.purpose !== CALLBACK_CLOCK) return;
    await repo.setCallbackFlag(tx, p.subjectId, flag);
  }
}

export { LEVELS };
