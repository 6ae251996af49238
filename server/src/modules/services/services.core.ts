/**
 * What every part of the services module shares: the workflow transition on
 * applications, visibility, notices, clocks and the presentation of an
 * application with its deadlines and the actions the caller may take.
 */
import { SYSTEM_ACTOR, canAct, type Actor } from '../../platform/access/index.ts';
import type { AuditWho } from '../../platform/audit/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { executor, type Executor, type Tx } from '../../platform/db/index.ts';
import { availableActions, type TransitionResult } from '../../platform/workflow/index.ts';
import type { SlaClock } from '../../platform/clock/index.ts';
import { notify } from '../../platform/notify/index.ts';
import type { AppContext } from '../../context.ts';
import * as repo from './services.repository.ts';
import { APPLICATION_WORKFLOW, APPLICANT_ACTIONS, SYSTEM_ACTIONS, applicationFlow, applicationStore, type ApplicationAction } from './services.workflow.ts';
import { intakeScopes, isApplicantOf, mayIntake, maySee, type IntakeCentre } from './services.policy.ts';
import { maskIdNumber, noticeNumber, reviewSteps } from './services.rules.ts';
import type { NoticeKind } from './services.schema.ts';
import type { ItemSnapshot } from './services.events.ts';

export type Who = AuditWho & { actor: Actor };
export const SYSTEM_WHO: Who = { actor: SYSTEM_ACTOR };

const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

/** An instant given by staff for back-dated intake (paper received earlier), else now. */
export function instant(at: string | undefined): Date {
  if (!at) return new Date();
  const d = new Date(at);
  // back-dating records what happened earlier; nothing is recorded ahead of time
  if (d.getTime() > Date.now() + 5 * 60_000) {
    throw CommonErrors.VALIDATION({ fields: [{ field: 'at', message: '时间不能晚于现在', messageEn: 'The time cannot be in the future', in: 'body' }] });
  }
  return d;
}

export class ServicesCore {
  constructor(readonly ctx: AppContext) {}

  get db() {
    return this.ctx.db;
  }

  /** One workflow transition on an application (locking, history, audit, clocks), with extra work in the same transaction. */
  transition(
    id: number,
    action: ApplicationAction,
    who: Who,
    opts: { version?: number; input?: Record<string, unknown>; note?: string; effect?: (tx: Tx, r: { from: string; to: string; version: number }) => Promise<void> } = {},
  ): Promise<TransitionResult> {
    return this.ctx.workflows.transition(applicationFlow, applicationStore, id, action, {
      who,
      expectedVersion: opts.version,
      input: opts.input,
      note: opts.note,
      effect: opts.effect,
    });
  }

  /** The application if the caller may see it; otherwise "not found" (never "not yours"). */
  async visible(actor: Actor, id: number, ex: Executor = executor(this.db)): Promise<repo.ApplicationRow> {
    const row = await repo.findApplication(ex, id);
    if (!row) throw CommonErrors.NOT_FOUND();
    if (maySee(actor, row)) return row;
    // the window that received it (a town centre taking a county item) reads it
    if (actor.kind === 'staff' && mayIntake(actor, row, await this.intakeCentre(ex, row))) return row;
    // a department asked to countersign reads the application it gives its opinion on
    const asked = actor.kind === 'staff' ? await repo.countersignsOf(ex, id) : [];
    if (asked.some((c) => canAct(actor, 'application:review', { regionCode: c.regionCode, orgIds: c.orgPath }))) return row;
    throw CommonErrors.NOT_FOUND();
  }

  /** The centre where the application was received at a window (null for online applications). */
  async intakeCentre(ex: Executor, row: Pick<repo.ApplicationRow, 'intakeOrgId'>): Promise<IntakeCentre | null> {
    if (row.intakeOrgId == null) return null;
    const org = await repo.findOrg(ex, row.intakeOrgId);
    return org ? { regionCode: org.regionCode, path: org.path } : null;
  }

  /** May the caller take intake steps on the application (its item's window scope, or the centre that received it)? */
  async mayIntake(actor: Actor, row: repo.ApplicationRow, ex: Executor = executor(this.db)): Promise<boolean> {
    return mayIntake(actor, row, await this.intakeCentre(ex, row));
  }

  /** The application if the caller is its applicant or agent. */
  async own(actor: Actor, id: number, ex: Executor = executor(this.db)): Promise<repo.ApplicationRow> {
    const row = await repo.findApplication(ex, id);
    if (!row || !isApplicantOf(actor, row)) throw CommonErrors.NOT_FOUND();
    return row;
  }

  /** Issues a notice (文书) and tells the applicant (and the agent) in their inbox, in the same transaction. */
  async issueNotice(tx: Executor, a: repo.ApplicationRow, kind: NoticeKind, content: Record<string, unknown>, at: Date, who: Who): Promise<repo.NoticeRow> {
    const n = (await repo.noticeCount(tx, a.id)) + 1;
    const title = typeof content.title === 'string' ? content.title : kind;
    const recipients = [...new Set([a.applicantAccountId, a.agentAccountId].filter((x): x is number => x !== null))];
    await notify(
      tx,
      recipients.map((accountId) => ({
        accountId,
        kind: `application.notice.${kind}`,
        title: `${a.itemName}：${title}`,
        titleEn: `${a.applicationNo}: a new notice (${kind})`,
        body: `申请编号 ${a.applicationNo}`,
        link: `/my/applications/${a.parentId ?? a.id}`,
        subjectType: APPLICATION_WORKFLOW,
        subjectId: a.id,
        regionCode: a.regionCode,
      })),
    );
    return repo.insertNotice(tx, {
      applicationId: a.id,
      regionCode: a.regionCode,
      kind,
      number: noticeNumber(kind, a.applicationNo, n),
      content: {
        applicationNo: a.applicationNo,
        itemName: a.itemName,
        applicant: a.applicantName,
        handlingOrg: a.handlingOrgName,
        verifyPath: `/verify/notice/${noticeNumber(kind, a.applicationNo, n)}`,
        statusPath: `/my/applications/${a.parentId ?? a.id}`,
        ...content,
      },
      issuedAt: at,
      issuedBy: who.actor.id > 0 ? who.actor.id : null,
    });
  }

  clocks(ex: Executor, id: number): Promise<SlaClock[]> {
    return this.ctx.calendar.clocks.ofSubject(ex, APPLICATION_WORKFLOW, id);
  }

  /** The open (or last) decision clock's due date. */
  async decisionClock(ex: Executor, id: number): Promise<SlaClock | undefined> {
    const all = await this.clocks(ex, id);
    return all.filter((c) => c.purpose === 'decision').at(-1);
  }

  /** The actions the caller may take now: the workflow's, narrowed to the caller's side of the counter. */
  actionsFor(actor: Actor, a: repo.ApplicationRow, centre: IntakeCentre | null = null): { action: string; label: { zh: string; en: string }; requires: readonly string[] }[] {
    const subject = { state: a.state, version: a.version, regionCode: a.regionCode, orgIds: a.handlingOrgPath, alsoScopes: intakeScopes(centre) };
    const applicant = isApplicantOf(actor, a);
    return availableActions(applicationFlow, subject, actor).filter(({ action }) => {
      if ((SYSTEM_ACTIONS as readonly string[]).includes(action)) return false;
      if ((APPLICANT_ACTIONS as readonly string[]).includes(action)) return applicant;
      if (a.kind === 'bundle' && ['advance', 'returnStep', 'requestCountersign', 'startSpecial', 'requestExtension', 'decide'].includes(action)) return false;
      if (action === 'acceptCommitment') return a.kind === 'single' && (a.itemSnapshot as ItemSnapshot).commitmentAllowed === true;
      if (action === 'requestCorrection') return !a.correctionIssued;
      return !applicant || actor.kind === 'staff';
    });
  }

  /** The application as the caller sees it, with its clocks and the actions the caller may take (incl. the receiving window's). */
  async view(actor: Actor, a: repo.ApplicationRow, ex: Executor = executor(this.db)) {
    return this.present(actor, a, await this.clocks(ex, a.id), actor.kind === 'staff' ? await this.intakeCentre(ex, a) : null);
  }

  present(actor: Actor, a: repo.ApplicationRow, clocks: SlaClock[] = [], centre: IntakeCentre | null = null) {
    const snap = a.itemSnapshot as ItemSnapshot;
    const steps = reviewSteps(snap.process);
    const label = applicationFlow.states[a.state as keyof typeof applicationFlow.states]?.label ?? { zh: a.state, en: a.state };
    return {
      id: a.id,
      applicationNo: a.applicationNo,
      kind: a.kind,
      parentId: a.parentId,
      itemId: a.itemId,
      implCode: a.implCode,
      itemName: a.itemName,
      bundleCode: a.bundleCode,
      applicant: { kind: a.applicantKind, name: a.applicantName, idNumber: maskIdNumber(a.applicantIdNumber), accountId: a.applicantAccountId },
      agent: a.agentAccountId ? { accountId: a.agentAccountId, name: a.agentName } : null,
      channel: a.channel,
      intakeOrgId: a.intakeOrgId,
      handlingOrg: { id: a.handlingOrgId, name: a.handlingOrgName },
      regionCode: a.regionCode,
      state: a.state,
      stateLabel: label,
      version: a.version,
      step: a.kind === 'bundle' ? null : { index: a.stepIndex, name: steps[a.stepIndex]?.name ?? null, total: steps.length, steps },
      formData: a.formData,
      answers: a.answers,
      promisedDays: a.promisedDays,
      statutoryDays: a.statutoryDays,
      decisionDays: a.decisionDays,
      acceptance: a.acceptance,
      correctionIssued: a.correctionIssued,
      outcome: a.outcome,
      decisionReason: a.decisionReason,
      decisionBasis: a.decisionBasis,
      extensionDays: a.extensionDays,
      extensionReason: a.extensionReason,
      special: a.special,
      receivedAt: iso(a.receivedAt),
      acceptedAt: iso(a.acceptedAt),
      decidedAt: iso(a.decidedAt),
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      warnedAt: iso(a.warnedAt),
      overdueAt: iso(a.overdueAt),
      overdueExplanation: a.overdueExplanation,
      deadlines: clocks.map((c) => ({
        purpose: c.purpose,
        state: c.state,
        startedAt: c.startedAt,
        budget: c.budget,
        pausedDays: c.pausedTotal,
        dueDate: c.dueDate,
        dueAt: c.dueAt,
        warnAt: c.warnAt,
        provisional: c.provisional,
        overdue: c.overdue,
      })),
      actions: this.actionsFor(actor, a, centre),
    };
  }
}

export function presentMaterial(m: repo.MaterialRow) {
  return {
    id: m.id,
    key: m.key,
    name: m.name,
    requirement: m.requirement,
    deferrable: m.deferrable,
    licenseType: m.licenseType,
    itemIds: m.itemIds,
    status: m.status,
    file: m.fileId ? { id: m.fileId, name: m.fileName, sha256: m.sha256 } : null,
    reusedLicence: m.reusedLicenceId ? { id: m.reusedLicenceId, licenceNo: m.reusedLicenceNo } : null,
    reusedMaterialId: m.reusedMaterialId,
    deferredUntil: m.deferredUntil,
  };
}

export function presentNotice(n: repo.NoticeRow) {
  return { id: n.id, applicationId: n.applicationId, kind: n.kind, number: n.number, content: n.content, issuedAt: iso(n.issuedAt) };
}
