/**
 * Review and decision (审查与决定): the item's process steps, return to an
 * earlier step, countersignatures (会签), special procedures (art. 45),
 * extensions (art. 42, approved by a supervisor), approval or denial, and the
 * join of a bundle when its last sub-application is decided.
 */
import { recordAudit } from '../../platform/audit/index.ts';
import type { Actor } from '../../platform/access/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { sql } from 'drizzle-orm';
import { executor, inTransaction, query, type Executor, type Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { canOnOrg, scopeCondition } from '../org/index.ts';
import * as repo from './services.repository.ts';
import { type ServicesCore, SYSTEM_WHO, instant, type Who } from './services.core.ts';
import { ServiceErrors } from './services.errors.ts';
import type { ApplyService } from './apply.service.ts';
import { staffMay } from './services.policy.ts';
import { isEarlierStep, joinOutcome, reviewSteps } from './services.rules.ts';
import {
  APPLICATION_APPROVED,
  APPLICATION_COMPLETED,
  APPLICATION_DENIED,
  APPLICATION_SUPERVISION_HANDOVER,
  completedEvent,
  decidedEvent,
  handoverEvent,
  type ItemSnapshot,
} from './services.events.ts';
import { EXTENSION_DAYS } from './services.workflow.ts';

const field = (f: string, zh: string, en: string): FieldError => ({ field: f, message: zh, messageEn: en, in: 'body' });

export class ReviewService {
  constructor(
    readonly core: ServicesCore,
    readonly apply: ApplyService,
  ) {}

  private async reviewRow(tx: Executor, actor: Actor, id: number, permission: 'application:review' | 'application:supervise' = 'application:review') {
    const row = await this.core.visible(actor, id, tx);
    if (!staffMay(actor, permission, row)) throw CommonErrors.NOT_FOUND();
    if (row.kind === 'bundle') throw ServiceErrors.BUNDLE_DECIDED_BY_SUBS();
    return row;
  }

  /** Passes the application on to the next process step. */
  async advance(actor: Actor, who: Who, id: number, input: { opinion?: string; version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      const steps = reviewSteps((row.itemSnapshot as ItemSnapshot).process);
      if (row.state === 'in_review' && row.stepIndex >= steps.length - 1) throw ServiceErrors.LAST_STEP();
      await this.core.transition(id, 'advance', who, {
        version: input.version,
        input: { fromStep: row.stepIndex, toStep: row.stepIndex + 1, opinion: input.opinion ?? null },
        note: input.opinion,
        effect: async (etx) => repo.updateApplication(etx, id, { stepIndex: row.stepIndex + 1 }),
      });
    });
    return this.apply.detail(actor, id);
  }

  /** Returns to an earlier step with a reason. */
  async returnStep(actor: Actor, who: Who, id: number, input: { toStep: number; reason: string; version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      if (row.state === 'in_review' && !isEarlierStep(row.stepIndex, input.toStep)) throw ServiceErrors.BAD_STEP({ fields: [field('toStep', '只能退回到之前的环节', 'Must be an earlier step')] });
      await this.core.transition(id, 'returnStep', who, {
        version: input.version,
        input: { fromStep: row.stepIndex, toStep: input.toStep, reason: input.reason },
        note: input.reason,
        effect: async (etx) => repo.updateApplication(etx, id, { stepIndex: input.toStep }),
      });
    });
    return this.apply.detail(actor, id);
  }

  /** Asks other departments to countersign; the decision waits for every answer. */
  async requestCountersign(actor: Actor, who: Who, id: number, input: { orgIds: number[]; question: string; version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      const orgs: repo.OrgFacts[] = [];
      for (const orgId of new Set(input.orgIds)) {
        const org = await repo.findOrg(tx, orgId);
        if (!org) throw ServiceErrors.ORG_NOT_FOUND({ vars: { id: orgId }, fields: [field('orgIds', `部门 ${orgId} 不存在`, `No organisation ${orgId}`)] });
        orgs.push(org);
      }
      await this.core.transition(id, 'requestCountersign', who, {
        version: input.version,
        input: { orgIds: orgs.map((o) => o.id), question: input.question },
        note: input.question,
        effect: async (etx) => {
          await repo.insertCountersigns(
            etx,
            orgs.map((o) => ({ applicationId: id, regionCode: row.regionCode, orgId: o.id, orgName: o.name, orgPath: o.path, question: input.question, requestedBy: actor.id > 0 ? actor.id : null })),
          );
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /** The countersign requests addressed to the caller's departments, open first. */
  async countersignQueue(actor: Actor) {
    const ex = executor(this.core.db);
    const cond = scopeCondition(actor, 'application:review', { region: sql.raw('c.region_code'), path: sql.raw('c.org_path') });
    const rows = await query<{ id: number; application_id: number; application_no: string; item_name: string; applicant_name: string; org_name: string; state: string; question: string; opinion: string | null; version: number; requested_at: string }>(
      ex,
      sql`select c.id, c.application_id, a.application_no, a.item_name, a.applicant_name, c.org_name, c.state, c.question, c.opinion, c.version, c.requested_at
          from application_countersigns c join applications a on a.id = c.application_id
          where ${cond} order by (c.state = 'pending') desc, c.id desc limit 200`,
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        applicationNo: r.application_no,
        itemName: r.item_name,
        applicantName: r.applicant_name,
        orgName: r.org_name,
        state: r.state,
        question: r.question,
        opinion: r.opinion,
        version: r.version,
        requestedAt: new Date(r.requested_at).toISOString(),
      })),
    };
  }

  /** A department answers a countersign request addressed to it. */
  async answerCountersign(actor: Actor, who: Who, countersignId: number, input: { agree: boolean; opinion: string; version: number }) {
    return inTransaction(this.core.db, async (tx) => {
      const c = await repo.findCountersign(tx, countersignId);
      if (!c || !canOnOrg(actor, 'application:review', { regionCode: c.regionCode, path: c.orgPath })) throw ServiceErrors.COUNTERSIGN_NOT_FOUND();
      if (c.state !== 'pending') throw ServiceErrors.COUNTERSIGN_ANSWERED();
      const out = await repo.answerCountersign(tx, countersignId, input.version, {
        state: input.agree ? 'agreed' : 'disagreed',
        opinion: input.opinion,
        answeredBy: actor.id,
        answeredAt: new Date(),
      });
      if (!out) throw CommonErrors.VERSION_CONFLICT({ vars: { current: c.version + 1 } });
      await recordAudit(tx, who, {
        action: 'application.countersign',
        entityType: 'application',
        entityId: c.applicationId,
        regionCode: c.regionCode,
        before: { countersign: c.id, state: 'pending' },
        after: { countersign: c.id, state: out.state, opinion: input.opinion },
      });
      return { id: out.id, applicationId: out.applicationId, state: out.state, opinion: out.opinion, version: out.version };
    });
  }

  /** Starts a special procedure of the guide; uncounted ones stop the clock and the applicant is told the duration (art. 45). */
  async startSpecial(actor: Actor, who: Who, id: number, input: { procedure: string; expectedDays: number; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      const proc = ((row.itemSnapshot as ItemSnapshot).specialProcedures ?? []).find((p) => p.name === input.procedure);
      if (!proc) throw ServiceErrors.SPECIAL_NOT_IN_GUIDE({ vars: { name: input.procedure }, fields: [field('procedure', '办事指南未规定该特别程序', 'Not a special procedure of the guide')] });
      if (proc.maxDays !== null && input.expectedDays > proc.maxDays) {
        throw CommonErrors.VALIDATION({ fields: [field('expectedDays', `不能超过办事指南规定的 ${proc.maxDays} 天`, `At most ${proc.maxDays} days (the guide)`)] });
      }
      const at = instant(input.at);
      const special = { name: proc.name, expectedDays: input.expectedDays, counted: proc.counted, basis: proc.basis ?? null, startedAt: at.toISOString() };
      await this.core.transition(id, 'startSpecial', who, {
        version: input.version,
        input: { procedure: proc.name, expectedDays: input.expectedDays, counted: proc.counted, at: at.toISOString() },
        effect: async (etx) => {
          await repo.updateApplication(etx, id, { special });
          await this.core.issueNotice(
            etx,
            row,
            'special_procedure',
            {
              title: '特别程序告知书',
              procedure: proc.name,
              expectedDays: input.expectedDays,
              counted: proc.counted,
              basis: proc.basis ?? '《中华人民共和国行政许可法》第四十五条',
              message: proc.counted
                ? `本件需进行${proc.name}，预计需要 ${input.expectedDays} 日，计入办理时限。`
                : `本件需进行${proc.name}，预计需要 ${input.expectedDays} 日，所需时间不计入办理时限（《中华人民共和国行政许可法》第四十五条）。`,
            },
            at,
            who,
          );
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /** Ends the special procedure; the clock resumes where it was paused. */
  async endSpecial(actor: Actor, who: Who, id: number, input: { result?: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      const special = (row.special ?? {}) as { counted?: boolean };
      const at = instant(input.at);
      await this.core.transition(id, 'endSpecial', who, {
        version: input.version,
        input: { counted: special.counted === true, result: input.result ?? null, at: at.toISOString() },
        note: input.result,
        effect: async (etx) => repo.updateApplication(etx, id, { special: null }),
      });
    });
    return this.apply.detail(actor, id);
  }

  /** Asks for +10 working days with reasons; someone holding application:supervise approves (art. 42). */
  async requestExtension(actor: Actor, who: Who, id: number, input: { reason: string; version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      if (row.extensionDays > 0) throw ServiceErrors.EXTENSION_USED();
      await this.core.transition(id, 'requestExtension', who, {
        version: input.version,
        input: { reason: input.reason, days: EXTENSION_DAYS },
        note: input.reason,
        effect: async (etx) => repo.updateApplication(etx, id, { extensionReason: input.reason, extensionRequestedBy: actor.id }),
      });
    });
    return this.apply.detail(actor, id);
  }

  async decideExtension(actor: Actor, who: Who, id: number, input: { approve: boolean; reason?: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.core.visible(actor, id, tx);
      if (!staffMay(actor, 'application:supervise', row)) throw CommonErrors.NOT_FOUND();
      if (row.extensionRequestedBy === actor.id) throw ServiceErrors.SELF_APPROVAL();
      const at = instant(input.at);
      if (!input.approve) {
        await this.core.transition(id, 'rejectExtension', who, { version: input.version, input: { reason: input.reason ?? '' }, note: input.reason });
        return;
      }
      await this.core.transition(id, 'approveExtension', who, {
        version: input.version,
        input: { days: EXTENSION_DAYS, reason: row.extensionReason, at: at.toISOString() },
        effect: async (etx) => {
          await repo.updateApplication(etx, id, { extensionDays: EXTENSION_DAYS });
          const clock = await this.core.decisionClock(etx, id);
          await this.core.issueNotice(
            etx,
            row,
            'extension',
            {
              title: '延长审批期限告知书',
              days: EXTENSION_DAYS,
              reason: row.extensionReason,
              newDueDate: clock?.dueDate ?? null,
              basis: '《中华人民共和国行政许可法》第四十二条',
            },
            at,
            who,
          );
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /** Approves or denies with reasons and legal basis; a sub-application's decision may complete its bundle. */
  async decide(actor: Actor, who: Who, id: number, input: { approve: boolean; reason: string; legalBasis?: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.reviewRow(tx, actor, id);
      if (!input.approve && !input.legalBasis) throw CommonErrors.VALIDATION({ fields: [field('legalBasis', '不予许可须说明法律依据', 'A denial must give its legal basis')] });
      const steps = reviewSteps((row.itemSnapshot as ItemSnapshot).process);
      if (row.state === 'in_review' && row.stepIndex < steps.length - 1) throw ServiceErrors.NOT_LAST_STEP({ vars: { step: steps[row.stepIndex]?.name ?? '' } });
      const pending = await repo.pendingCountersigns(tx, id);
      if (row.state === 'in_review' && pending > 0) throw ServiceErrors.COUNTERSIGN_PENDING({ vars: { n: pending } });
      const at = instant(input.at);
      await this.core.transition(id, 'decide', who, {
        version: input.version,
        input: { approve: input.approve, reason: input.reason, legalBasis: input.legalBasis ?? null, at: at.toISOString() },
        note: input.reason,
        effect: async (etx) => {
          const outcome = input.approve ? 'approved' : 'denied';
          await repo.updateApplication(etx, id, { decidedAt: at, outcome, decisionReason: input.reason, decisionBasis: input.legalBasis ?? null });
          const decided = (await repo.findApplication(etx, id))!;
          await this.core.issueNotice(
            etx,
            decided,
            'decision',
            {
              title: input.approve ? '准予行政许可决定书' : '不予行政许可决定书',
              approve: input.approve,
              reason: input.reason,
              legalBasis: input.legalBasis ?? null,
              decidedAt: at.toISOString(),
              ...(input.approve ? {} : { remedy: '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者六个月内依法提起行政诉讼。' }),
            },
            at,
            who,
          );
          const parent = decided.parentId !== null ? await repo.findApplication(etx, decided.parentId) : undefined;
          const payload = decidedEvent(decided, parent?.applicationNo ?? null, at, input.approve ? {} : { reason: input.reason, legalBasis: input.legalBasis ?? null });
          await emit(etx, input.approve ? APPLICATION_APPROVED : APPLICATION_DENIED, payload, { regionCode: decided.regionCode });
          if (input.approve) await emit(etx, APPLICATION_SUPERVISION_HANDOVER, handoverEvent(decided, at), { regionCode: decided.regionCode });
          if (decided.kind === 'single') await emit(etx, APPLICATION_COMPLETED, completedEvent(decided, at, outcome), { regionCode: decided.regionCode });
          if (decided.parentId !== null) await this.joinIfDone(etx, decided.parentId, at);
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /**
   * The bundle join, in the transaction of a sub-application's decision: the
   * parent row is locked first, so of two last decisions committing at once
   * the second sees the first and joins (exactly once).
   */
  private async joinIfDone(tx: Tx, parentId: number, at: Date): Promise<void> {
    const parent = await repo.findApplication(tx, parentId, true);
    if (!parent || parent.state !== 'parallel') return;
    const subs = await repo.subApplications(tx, parentId);
    const outcome = joinOutcome(subs.map((s) => s.state));
    if (!outcome) return;
    await this.core.transition(parentId, 'join', SYSTEM_WHO, {
      input: { outcome, at: at.toISOString(), subs: subs.map((s) => ({ applicationNo: s.applicationNo, state: s.state })) },
      effect: async (etx) => {
        await repo.updateApplication(etx, parentId, { decidedAt: at, outcome });
        const done = (await repo.findApplication(etx, parentId))!;
        await this.core.issueNotice(
          etx,
          done,
          'decision',
          {
            title: '“一件事”办结通知书',
            outcome,
            results: subs.map((s) => ({ applicationNo: s.applicationNo, itemName: s.itemName, org: s.handlingOrgName, state: s.state, reason: s.decisionReason })),
          },
          at,
          SYSTEM_WHO,
        );
        await emit(etx, APPLICATION_COMPLETED, completedEvent(done, at, outcome === 'denied' ? 'denied' : 'approved'), { regionCode: done.regionCode });
      },
    });
  }
}
