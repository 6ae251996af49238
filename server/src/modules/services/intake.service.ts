/**
 * Window intake (综合受理): any window accepts any item for a walk-in
 * applicant, pre-checks the materials and then accepts (receipt), issues ONE
 * correction notice (art. 32), accepts with deferred materials (容缺), accepts
 * on commitment (告知承诺) or refuses with reason and legal basis. A bundle's
 * acceptance fans out one sub-application per item and department.
 */
import { COMMITMENT_CHECK_DAYS, openCommitmentCheck } from './commitment.checks.ts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { executor, inTransaction, type Executor, type Tx } from '../../platform/db/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { isResidentId, isUscc } from '../../platform/ids/index.ts';
import { citizens, findEntityByUscc } from '../registry/index.ts';
import * as repo from './services.repository.ts';
import { type ServicesCore, SYSTEM_WHO, instant, presentMaterial, type Who } from './services.core.ts';
import { ServiceErrors } from './services.errors.ts';
import { checkForm, resubmitRow, type ApplyService, type DraftInput } from './apply.service.ts';
import { checkDeferral, fanOutPlan, maskIdNumber, missingMaterials } from './services.rules.ts';
import {
  APPLICATION_ACCEPTED,
  APPLICATION_APPROVED,
  APPLICATION_COMMITMENT_VERIFICATION,
  APPLICATION_COMPLETED,
  APPLICATION_SUPERVISION_HANDOVER,
  completedEvent,
  decidedEvent,
  handoverEvent,
  holderOf,
  type ApplicationAcceptedEvent,
  type CommitmentVerificationEvent,
  type ItemSnapshot,
} from './services.events.ts';
import { INTAKE_STATES } from './services.workflow.ts';

/** Commitment-based approvals are verified within this many working days (local practice). */
export const COMMITMENT_VERIFY_DAYS = COMMITMENT_CHECK_DAYS;

const field = (f: string, zh: string, en: string): FieldError => ({ field: f, message: zh, messageEn: en, in: 'body' });

export interface WindowInput extends DraftInput {
  /** The walk-in applicant's resident ID or USCC. */
  idNumber: string;
  /** Name as on the ID (defaults to the registry's). */
  name?: string;
  at?: string;
}

export class IntakeService {
  constructor(
    readonly core: ServicesCore,
    readonly apply: ApplyService,
  ) {}

  /** Who is at the window: a citizen by resident ID or a market entity by USCC, from the registry. */
  async identify(idNumber: string) {
    const ex = executor(this.core.db);
    const id = idNumber.trim().toUpperCase();
    if (id.length === 18 && isResidentId(id)) {
      const [c] = await ex.select({ name: citizens.name, regionCode: citizens.regionCode }).from(citizens).where(eq(citizens.residentId, id));
      const acc = await repo.findAccount(ex, { residentId: id });
      if (!c && !acc) throw ServiceErrors.IDENTITY_NOT_FOUND();
      return { kind: 'person' as const, idNumber: maskIdNumber(id), name: c?.name ?? acc?.display_name ?? '', regionCode: c?.regionCode ?? null, accountId: acc?.id ?? null, status: null };
    }
    if (isUscc(id)) {
      const e = await findEntityByUscc(ex, id);
      const acc = await repo.findAccount(ex, { uscc: id });
      if (!e && !acc) throw ServiceErrors.IDENTITY_NOT_FOUND();
      return { kind: 'legal' as const, idNumber: id, name: e?.name ?? acc?.display_name ?? '', regionCode: e?.region_code ?? null, accountId: acc?.id ?? null, status: e?.status ?? null };
    }
    throw CommonErrors.VALIDATION({ fields: [{ field: 'idNumber', message: '请输入有效的居民身份证号码或统一社会信用代码', messageEn: 'Enter a valid resident ID or USCC', in: 'query' }] });
  }

  /** Creates the application for a walk-in and receives it at the window in one go (clocks start at receipt). */
  async windowCreate(actor: Actor, who: Who, input: WindowInput) {
    const id = input.idNumber.trim().toUpperCase();
    const person = id.length === 18 && isResidentId(id);
    if (!person && !isUscc(id)) throw CommonErrors.VALIDATION({ fields: [field('idNumber', '请输入有效的居民身份证号码或统一社会信用代码', 'Enter a valid resident ID or USCC')] });
    const t = await this.apply.target(actor, input);
    const at = instant(input.at);
    const appId = await inTransaction(this.core.db, async (tx) => {
      const known = await this.identify(id).catch(() => null);
      const name = input.name?.trim() || known?.name;
      if (!name) throw CommonErrors.VALIDATION({ fields: [field('name', '登记信息中查不到该主体，请填写申请人名称', 'Not in the registry: give the applicant’s name')] });
      const clerk = await repo.findAccount(tx, { id: actor.id });
      const row = await this.apply.insertDraft(
        tx,
        t,
        { accountId: known?.accountId ?? null, kind: person ? 'person' : 'legal', name, idNumber: id, agent: null },
        { channel: 'window', intakeOrgId: clerk?.org_id ?? null, createdBy: actor.id, formData: input.formData ?? {}, at },
      );
      if (!(await this.core.mayIntake(actor, row, tx))) throw CommonErrors.NOT_FOUND();
      await this.apply.audit(tx, who, row, 'application.create', { state: 'draft', channel: 'window', applicationNo: row.applicationNo });
      await this.apply.submitRow(row, 'windowSubmit', who, { at });
      return row.id;
    });
    return this.apply.detail(actor, appId);
  }

  /** The window's pre-check: each material's state and what is still missing. */
  async precheck(actor: Actor, id: number) {
    const ex = executor(this.core.db);
    const row = await this.core.visible(actor, id, ex);
    if (!(await this.core.mayIntake(actor, row, ex))) throw CommonErrors.NOT_FOUND();
    const materials = await repo.materialsOf(ex, id);
    const missing = missingMaterials(materials);
    return {
      applicationId: id,
      state: row.state,
      complete: missing.length === 0,
      correctionIssued: row.correctionIssued,
      commitmentAllowed: row.kind === 'single' && (row.itemSnapshot as ItemSnapshot).commitmentAllowed === true,
      materials: materials.map((m) => ({
        ...presentMaterial(m),
        ok: m.status !== 'missing' || m.requirement !== 'required',
        deferrableNow: m.status === 'missing' && m.deferrable,
      })),
      missing: missing.map((m) => ({ key: m.key, name: m.name, deferrable: m.deferrable })),
    };
  }

  private async intakeRow(tx: Executor, actor: Actor, id: number): Promise<repo.ApplicationRow> {
    const row = await this.core.visible(actor, id, tx);
    if (!(await this.core.mayIntake(actor, row, tx))) throw CommonErrors.NOT_FOUND();
    return row;
  }

  /** Accepts: every required material is in; a receipt with the number, promised date and clock start. */
  async accept(actor: Actor, who: Who, id: number, input: { version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      if (INTAKE_STATES.includes(row.state as never)) checkForm(row);
      const missing = INTAKE_STATES.includes(row.state as never) ? missingMaterials(await repo.materialsOf(tx, id)) : [];
      if (missing.length) {
        throw ServiceErrors.INCOMPLETE({
          vars: { n: missing.length, names: missing.map((m) => m.name).join('、') },
          fields: missing.map((m) => field(`materials.${m.key}`, `缺少：${m.name}`, `Missing: ${m.name}`)),
        });
      }
      await this.acceptRow(row, 'accept', who, { version: input.version, at: instant(input.at), acceptance: 'normal' });
    });
    return this.apply.detail(actor, id);
  }

  /** The acceptance transition shared by accept, deferred acceptance and the art. 32 deemed acceptance. */
  async acceptRow(row: repo.ApplicationRow, action: 'accept' | 'acceptDeferred' | 'deemAccept', who: Who, o: { version?: number; at: Date; acceptance: string; deferred?: string[]; deferredUntil?: string }) {
    const bundle = row.kind === 'bundle';
    await this.core.transition(row.id, action, who, {
      version: o.version,
      input: { bundle, at: o.at.toISOString(), ...(o.deferred ? { deferred: o.deferred, deferredUntil: o.deferredUntil } : {}) },
      effect: async (tx) => {
        await repo.updateApplication(tx, row.id, { acceptedAt: o.at, acceptance: o.acceptance });
        const materials = await repo.materialsOf(tx, row.id);
        const deferred = materials.filter((m) => o.deferred?.includes(m.key));
        for (const m of deferred) await repo.updateMaterial(tx, m.id, { status: 'deferred', deferredUntil: o.deferredUntil });
        const clock = await this.core.decisionClock(tx, row.id);
        await this.core.issueNotice(
          tx,
          row,
          'receipt',
          {
            title: o.acceptance === 'deemed' ? '受理通知书（逾期未告知补正，自收到申请材料之日起即为受理）' : '受理通知书',
            acceptance: o.acceptance,
            receivedAt: row.receivedAt?.toISOString() ?? null,
            acceptedAt: o.at.toISOString(),
            clockStart: clock?.startedAt ?? null,
            promisedDate: clock?.dueDate ?? null,
            decisionDays: row.decisionDays,
            deferred: deferred.map((m) => ({ key: m.key, name: m.name })),
            deferredUntil: o.deferredUntil ?? null,
            basis: o.acceptance === 'deemed' ? '《中华人民共和国行政许可法》第三十二条' : '《中华人民共和国行政许可法》第三十二条第一款第（五）项',
          },
          o.at,
          who,
        );
        const ev: ApplicationAcceptedEvent = {
          applicationId: row.id,
          applicationNo: row.applicationNo,
          acceptance: o.acceptance,
          acceptedAt: o.at.toISOString(),
          promisedDate: clock?.dueDate ?? null,
          regionCode: row.regionCode,
          handlingOrgId: row.handlingOrgId,
        };
        await emit(tx, APPLICATION_ACCEPTED, ev, { regionCode: row.regionCode });
        if (bundle) await this.fanOut(tx, row, o.at);
      },
    });
  }

  /** One sub-application per applicable member item, in its department, each with its own decision clock. */
  private async fanOut(tx: Tx, parent: repo.ApplicationRow, at: Date) {
    const snap = parent.itemSnapshot as ItemSnapshot;
    const materials = await repo.materialsOf(tx, parent.id);
    const members = snap.members ?? [];
    const items = [];
    for (const m of members) {
      const item = await this.apply.catalog.getItem(m.itemId);
      items.push({ item, plan: { itemId: item.id, implCode: item.implCode, name: item.name, orgId: item.org.id, orgName: item.org.name, promisedDays: item.promisedDays, statutoryDays: item.statutoryDays } });
    }
    const plan = fanOutPlan(
      items.map((i) => i.plan),
      materials,
    );
    for (const [i, p] of plan.entries()) {
      const item = items[i].item;
      const org = p.orgId !== null ? await repo.findOrg(tx, p.orgId) : undefined;
      const sub = await repo.insertApplication(tx, {
        applicationNo: `${parent.applicationNo}-${String(i + 1).padStart(2, '0')}`,
        kind: 'sub',
        parentId: parent.id,
        itemId: p.itemId,
        implCode: p.implCode,
        baseCode: item.baseCode,
        itemName: p.name,
        bundleCode: parent.bundleCode,
        itemSnapshot: {
          baseCode: item.baseCode,
          process: item.content.process,
          specialProcedures: item.content.specialProcedures,
          result: item.content.result ?? null,
          commitmentAllowed: false,
          legalBasis: item.content.legalBasis.map((b) => ({ law: b.law, article: b.article })),
        } satisfies ItemSnapshot,
        applicantAccountId: parent.applicantAccountId,
        applicantKind: parent.applicantKind,
        applicantName: parent.applicantName,
        applicantIdNumber: parent.applicantIdNumber,
        agentAccountId: parent.agentAccountId,
        agentName: parent.agentName,
        channel: parent.channel,
        intakeOrgId: parent.intakeOrgId,
        handlingOrgId: p.orgId,
        handlingOrgName: org?.name ?? p.orgName,
        handlingOrgPath: org?.path ?? [],
        regionCode: item.regionCode,
        formData: parent.formData,
        answers: parent.answers,
        state: 'fanout',
        promisedDays: item.promisedDays,
        statutoryDays: item.statutoryDays,
        decisionDays: p.decisionDays,
        receivedAt: parent.receivedAt,
        submittedAt: parent.submittedAt,
        acceptedAt: at,
        acceptance: parent.acceptance,
        createdBy: parent.createdBy,
      });
      await repo.insertMaterials(
        tx,
        materials
          .filter((m) => p.materialKeys.includes(m.key))
          .map((m) => ({
            applicationId: sub.id,
            regionCode: sub.regionCode,
            key: m.key,
            name: m.name,
            requirement: m.requirement,
            deferrable: m.deferrable,
            licenseType: m.licenseType,
            itemIds: [p.itemId],
            sort: m.sort,
            status: m.status,
            fileId: m.fileId,
            fileName: m.fileName,
            sha256: m.sha256,
            reusedLicenceId: m.reusedLicenceId,
            reusedLicenceNo: m.reusedLicenceNo,
            reusedMaterialId: m.reusedMaterialId,
            deferredUntil: m.deferredUntil,
          })),
      );
      await this.core.transition(sub.id, 'dispatch', SYSTEM_WHO, { input: { decisionDays: p.decisionDays, at: at.toISOString(), parent: parent.applicationNo } });
    }
  }

  /** ONE correction notice listing everything missing (art. 32); the decision clock pauses. */
  async requestCorrection(actor: Actor, who: Who, id: number, input: { missing: { key: string; reason?: string }[]; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      if (row.correctionIssued) throw ServiceErrors.CORRECTION_ONCE();
      const materials = await repo.materialsOf(tx, id);
      const byKey = new Map(materials.map((m) => [m.key, m]));
      const unknown = input.missing.filter((m) => !byKey.has(m.key));
      if (input.missing.length === 0) throw ServiceErrors.NOTHING_MISSING({ fields: [field('missing', '请列明需要补正的材料', 'List the materials to correct')] });
      if (unknown.length) throw CommonErrors.VALIDATION({ fields: unknown.map((m) => field('missing', `没有材料“${m.key}”`, `No material "${m.key}"`)) });
      const listed = new Set(input.missing.map((m) => m.key));
      const omitted = missingMaterials(materials).filter((m) => !listed.has(m.key));
      if (omitted.length) {
        throw CommonErrors.VALIDATION({
          fields: omitted.map((m) => field('missing', `须一次性告知全部缺少的材料，遗漏了：${m.name}`, `Everything missing must be listed at once; left out: ${m.name}`)),
        });
      }
      const at = instant(input.at);
      await this.core.transition(id, 'requestCorrection', who, {
        version: input.version,
        input: { missing: input.missing, at: at.toISOString() },
        effect: async (etx) => {
          await repo.updateApplication(etx, id, { correctionIssued: true });
          for (const m of input.missing) {
            const mat = byKey.get(m.key)!;
            // a provided but defective material must be handed in again
            if (mat.status !== 'missing') await repo.updateMaterial(etx, mat.id, { status: 'missing', fileId: null, fileName: null, sha256: null, reusedLicenceId: null, reusedLicenceNo: null, reusedMaterialId: null });
          }
          const clock = await this.core.decisionClock(etx, id);
          await this.core.issueNotice(
            etx,
            row,
            'correction',
            {
              title: '补正材料通知书（一次性告知）',
              missing: input.missing.map((m) => ({ key: m.key, name: byKey.get(m.key)!.name, reason: m.reason ?? '未提交' })),
              receivedAt: row.receivedAt?.toISOString() ?? null,
              clockPausedAt: at.toISOString(),
              clockState: clock?.state ?? null,
              note: '办理时限自通知之日起暂停计算，自收到全部补正材料之日起继续计算。',
              basis: '《中华人民共和国行政许可法》第三十二条第一款第（四）项',
            },
            at,
            who,
          );
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /** The window receives the corrections; the clock resumes (the due date moves by the paused working days). */
  async receiveCorrection(actor: Actor, who: Who, id: number, input: { version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      await resubmitRow(this.core, tx, row, 'receiveCorrection', who, { version: input.version, at: instant(input.at) });
    });
    return this.apply.detail(actor, id);
  }

  /** 容缺受理: accepts with the deferrable materials `deferred` due by `deferredUntil`. */
  async acceptDeferred(actor: Actor, who: Who, id: number, input: { deferred: string[]; deferredUntil: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      const materials = await repo.materialsOf(tx, id);
      const check = checkDeferral(materials, input.deferred);
      if (!check.ok) {
        const fields = [
          ...check.unknown.map((k) => field('deferred', `没有材料“${k}”`, `No material "${k}"`)),
          ...check.notDeferrable.map((k) => field('deferred', `“${materials.find((m) => m.key === k)?.name}”不可容缺`, `"${k}" may not be deferred`)),
          ...check.stillMissing.map((k) => field(`materials.${k}`, `缺少：${materials.find((m) => m.key === k)?.name}`, `Missing: ${k}`)),
        ];
        throw ServiceErrors.NOT_DEFERRABLE({ fields: fields.length ? fields : [field('deferred', '请列明容缺的材料', 'List the deferred materials')] });
      }
      const at = instant(input.at);
      if (input.deferredUntil < at.toISOString().slice(0, 10)) throw CommonErrors.VALIDATION({ fields: [field('deferredUntil', '补交期限不能早于受理日', 'Must not be before acceptance')] });
      await this.acceptRow(row, 'acceptDeferred', who, { version: input.version, at, acceptance: 'deferred', deferred: input.deferred, deferredUntil: input.deferredUntil });
    });
    return this.apply.detail(actor, id);
  }

  /** 告知承诺: the decision now (approval), a verification task for the supervising department later. */
  async acceptCommitment(actor: Actor, who: Who, id: number, input: { commitments: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      if (row.kind !== 'single' || (row.itemSnapshot as ItemSnapshot).commitmentAllowed !== true) throw ServiceErrors.COMMITMENT_NOT_ALLOWED();
      const at = instant(input.at);
      await this.core.transition(id, 'acceptCommitment', who, {
        version: input.version,
        input: { at: at.toISOString(), commitments: input.commitments },
        effect: async (etx) => {
          await repo.updateApplication(etx, id, {
            acceptedAt: at,
            acceptance: 'commitment',
            decidedAt: at,
            outcome: 'approved',
            decisionReason: `申请人已书面承诺符合许可条件：${input.commitments}`,
            decisionBasis: '告知承诺制',
          });
          const decided = (await repo.findApplication(etx, id))!;
          await this.core.issueNotice(
            etx,
            decided,
            'decision',
            { title: '准予行政许可决定书（告知承诺）', approve: true, commitment: true, commitments: input.commitments, decidedAt: at.toISOString(), verifyWithinDays: COMMITMENT_VERIFY_DAYS },
            at,
            who,
          );
          await emit(etx, APPLICATION_APPROVED, decidedEvent(decided, null, at), { regionCode: row.regionCode });
          const verification: CommitmentVerificationEvent = {
            applicationId: id,
            applicationNo: row.applicationNo,
            itemId: row.itemId ?? 0,
            itemName: row.itemName,
            holder: holderOf(row),
            handlingOrgId: row.handlingOrgId,
            handlingOrgName: row.handlingOrgName,
            regionCode: row.regionCode,
            approvedAt: at.toISOString(),
            verifyWithinDays: COMMITMENT_VERIFY_DAYS,
            commitments: input.commitments,
          };
          await emit(etx, APPLICATION_COMMITMENT_VERIFICATION, verification, { regionCode: row.regionCode });
          // the verification task itself, with its own clock, on the supervisor's list
          await openCommitmentCheck(this.core.ctx, etx, {
            applicationId: id,
            applicationNo: row.applicationNo,
            itemName: row.itemName,
            holderName: row.applicantName,
            commitments: input.commitments,
            handlingOrgId: row.handlingOrgId,
            handlingOrgName: row.handlingOrgName,
            handlingOrgPath: row.handlingOrgPath,
            regionCode: row.regionCode,
            approvedAt: at,
          });
          await emit(etx, APPLICATION_SUPERVISION_HANDOVER, handoverEvent(decided, at), { regionCode: row.regionCode });
          await emit(etx, APPLICATION_COMPLETED, completedEvent(decided, at, 'approved'), { regionCode: row.regionCode });
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /** 不予受理: with reason and legal basis, in writing. */
  async refuse(actor: Actor, who: Who, id: number, input: { reason: string; legalBasis: string; version?: number; at?: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.intakeRow(tx, actor, id);
      const at = instant(input.at);
      await this.core.transition(id, 'refuse', who, {
        version: input.version,
        input: { reason: input.reason, legalBasis: input.legalBasis, at: at.toISOString() },
        effect: async (etx) => {
          await repo.updateApplication(etx, id, { decidedAt: at, outcome: 'refused', decisionReason: input.reason, decisionBasis: input.legalBasis });
          await this.core.issueNotice(
            etx,
            row,
            'refusal',
            { title: '不予受理通知书', reason: input.reason, legalBasis: input.legalBasis, remedy: '如不服本决定，可以依法申请行政复议或者提起行政诉讼。' },
            at,
            who,
          );
          const done = (await repo.findApplication(etx, id))!;
          await emit(etx, APPLICATION_COMPLETED, completedEvent(done, at, 'refused'), { regionCode: row.regionCode });
        },
      });
    });
    return this.apply.detail(actor, id);
  }

  /**
   * Licensing Law art. 32: no correction notice within 5 working days of
   * receipt → accepted as of the day received. Run by the correction clock's
   * sla.overdue event; a no-op when the application moved on meanwhile.
   */
  async deemAccept(tx: Tx, id: number): Promise<boolean> {
    const row = await repo.findApplication(tx, id);
    if (!row || row.state !== 'submitted' || row.correctionIssued || !row.receivedAt) return false;
    await this.acceptRow(row, 'deemAccept', SYSTEM_WHO, { at: row.receivedAt, acceptance: 'deemed' });
    return true;
  }
}
