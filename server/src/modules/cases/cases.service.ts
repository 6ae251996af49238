/**
 * The case loop's commands and queries. Every action is one workflow
 * transition (cases.workflow.ts) on the platform: scope, optimistic version,
 * history (with where the actor was), audit, SLA clock and outbox in one
 * transaction; this service adds the case-specific checks before it and
 * the column changes in its effect.
 */
import { sql, type SQL } from 'drizzle-orm';
import { canAct, SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import { executor, inTransaction, type Db, type Tx } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import type { SlaClocks } from '../../platform/clock/index.ts';
import type { FileService } from '../../platform/files/index.ts';
import { availableActions, type Workflows } from '../../platform/workflow/index.ts';
import { CaseErrors } from './cases.errors.ts';
import type { GridLocator } from './cases.grid.ts';
import { CaseIntake, pastInstant, type CaseIntakeInput, type IntakeResult, type Who } from './cases.intake.ts';
import { notifyStep } from './cases.notify.ts';
import { CaseQueues, type CaseListQuery } from './cases.queues.ts';
import { isCaseStaff, isRequester, subjectOf } from './cases.policy.ts';
import { presentCase, presentForRequester, stateLabel, traceOf } from './cases.present.ts';
import * as repo from './cases.repository.ts';
import { dispatchTargetProblems, everyCandidateReturned, nextEscalationLevel, warnBeforeFor, DEFAULT_DUPLICATES, type CaseClockUnit, type DuplicateSettings, type RouteSuggestion } from './cases.rules.ts';
import { ACTION_KINDS, caseFlow, caseStore, CLOCK, OPEN_STATES, STAY_ACTIONS, type CaseAction } from './cases.workflow.ts';

export interface CaseActionInput {
  /** The version the caller saw: a stale one is a 409 conflict. */
  version: number;
  note?: string;
  reason?: string;
  /** dispatch / reassign: the handling unit (default: the duty list's lead). */
  orgId?: number;
  /** request_extension: how much more time, in the case's limit unit. */
  amount?: number;
  /** feedback: what was done. */
  result?: string;
  /** verify: passed on site. */
  passed?: boolean;
  /** review: the reply is approved. */
  approved?: boolean;
  /** callback: the requester's satisfaction. */
  satisfaction?: 'satisfied' | 'unsatisfied';
  /** confirm: the complainant confirms the resolution (false: disputes it). */
  confirmed?: boolean;
  /** evaluate: 0–100. */
  score?: number;
  /** merge: the master case. */
  masterId?: number;
  photoFileIds?: string[];
  /** Where the actor was (trace). */
  lng?: number;
  lat?: number;
  /** When it happened (back-dated entry); default now. */
  at?: string;
}

const field = (f: string, zh: string, en: string): FieldError => ({ field: f, message: zh, messageEn: en, in: 'body' });
const invalid = (...fields: FieldError[]) => CaseErrors.INVALID({ fields });
const PHOTO_STAGE: Partial<Record<CaseAction, 'feedback' | 'verify' | 'report'>> = { feedback: 'feedback', verify: 'verify' };
const KIND_LABELS: Record<string, { zh: string; en: string }> = {
  event: { zh: '事件', en: 'event' },
  asset: { zh: '部件', en: 'asset' },
  hotline: { zh: '热线诉求', en: 'hotline' },
  complaint: { zh: '投诉', en: 'complaint' },
};

export interface CaseServiceOptions {
  grids?: GridLocator;
  duplicates?: DuplicateSettings;
}

export class CaseService {
  readonly intakeService: CaseIntake;
  private grids: GridLocator | undefined;

  constructor(
    private readonly db: Db,
    private readonly workflows: Workflows,
    private readonly clocks: SlaClocks,
    private readonly files: FileService,
    opts: CaseServiceOptions = {},
  ) {
    this.grids = opts.grids;
    this.intakeService = new CaseIntake(db, files, () => this.grids, opts.duplicates ?? DEFAULT_DUPLICATES);
  }

  /** Wires the grid lookup (modules/grids) once it is available. */
  useGrids(grids: GridLocator): void {
    this.grids = grids;
  }

  /** The one intake function of every channel (grid app, public page, 12345, enterprises, sensors, Open311). */
  intake(input: CaseIntakeInput, who: Who): Promise<IntakeResult> {
    return this.intakeService.intake(input, who);
  }

  /** The case as the caller may see it: staff get the full view with trace and actions; the requester a reduced one. */
  async get(actor: Actor, id: number) {
    const ex = executor(this.db);
    const c = await repo.findCase(ex, id);
    if (!c) throw CaseErrors.NOT_FOUND();
    if (isCaseStaff(actor, c)) {
      const history = await repo.historyOf(ex, caseFlow.name, id);
      const photos = await repo.photosOf(ex, id);
      const duplicates =
        c.lng != null && c.lat != null && OPEN_STATES.includes(c.state as never)
          ? await this.intakeService.duplicatesOf(ex, { id, categoryCode: c.category_code, lng: c.lng, lat: c.lat, reportedAt: new Date(c.reported_at) })
          : [];
      return {
        ...presentCase(c),
        photos: photos.map((p) => ({ fileId: p.file_id, stage: p.stage, at: new Date(p.created_at).toISOString() })),
        trace: traceOf(c, history),
        possibleDuplicates: duplicates,
        actions: this.actionsFor(actor, c),
      };
    }
    if (isRequester(actor, c)) {
      return { id: Number(c.id), ...presentForRequester(c), actions: this.actionsFor(actor, c) };
    }
    throw CaseErrors.NOT_FOUND();
  }

  private actionsFor(actor: Actor, c: repo.CaseRow) {
    return availableActions(caseFlow, subjectOf(c), actor).filter((a) => {
      const kinds = ACTION_KINDS[a.action as CaseAction];
      if (kinds && !kinds.includes(c.kind)) return false;
      if (a.action === 'escalate' || a.action === 'sla_warning') return false;
      if (a.action === 'confirm' && !actor.permissions.has('case:dispatch') && !isRequester(actor, c)) return false;
      if ((a.action === 'approve_extension' || a.action === 'deny_extension') && !c.pending_extension) return false;
      if (a.action === 'request_extension' && c.pending_extension) return false;
      return true;
    });
  }

  /** Takes a workflow action on a case. */
  async act(who: Who, id: number, action: string, body: CaseActionInput) {
    await this.transition(who, id, action, body);
    try {
      return await this.get(who.actor, id);
    } catch (e) {
      // the actor handed the case on (a return): it is no longer theirs to see
      if (!(e instanceof Error && 'code' in e && (e as { code: string }).code === 'cases.NOT_FOUND')) throw e;
      const c = (await repo.findCase(executor(this.db), id))!;
      return { id, caseNo: c.case_no, state: c.state, stateLabel: stateLabel(c.state), version: c.version };
    }
  }

  /** The action itself (one transaction); returns the new state and version. */
  async transition(who: Who, id: number, action: string, body: CaseActionInput): Promise<{ state: string; version: number }> {
    const actor = who.actor;
    const def = caseFlow.actions[action as CaseAction];
    if (!def) throw CommonErrors.NOT_FOUND();
    const a = action as CaseAction;
    return inTransaction(this.db, async (tx) => {
      const c = await repo.findCase(tx, id);
      if (!c) throw CaseErrors.NOT_FOUND();
      const requesterConfirm = a === 'confirm' && isRequester(actor, c) && !actor.permissions.has('case:dispatch');
      if (!actor.permissions.has(def.permission)) throw isCaseStaff(actor, c) || isRequester(actor, c) ? CommonErrors.FORBIDDEN() : CaseErrors.NOT_FOUND();
      if (a === 'confirm' && !requesterConfirm && !canAct(actor, 'case:dispatch', subjectOf(c))) throw CaseErrors.NOT_FOUND();
      if (!requesterConfirm && !canAct(actor, def.permission, subjectOf(c))) throw CaseErrors.NOT_FOUND();
      if (body.version !== c.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: c.version }, extra: { version: c.version } });
      const kinds = ACTION_KINDS[a];
      if (kinds && !kinds.includes(c.kind)) {
        const k = KIND_LABELS[c.kind] ?? { zh: c.kind, en: c.kind };
        throw CaseErrors.WRONG_KIND({ vars: { action: def.label.zh, actionEn: def.label.en, kind: k.zh, kindEn: k.en } });
      }
      const at = pastInstant(body.at);
      if (at.getTime() < new Date(c.reported_at).getTime()) throw invalid(field('at', '时间不能早于案件上报时间', 'The time may not be before the case was reported'));
      const input: Record<string, unknown> = { ...body, at: at.toISOString() };
      delete input.version;
      if (STAY_ACTIONS.includes(a)) input.stay = c.state;
      const route = ((c.route as { suggestion?: RouteSuggestion } | null)?.suggestion ?? null) as RouteSuggestion | null;
      const set: SQL[] = [];
      let after: ((tx: Tx) => Promise<void>) | undefined;
      const photoIds = [...new Set(body.photoFileIds ?? [])];
      if (photoIds.length) {
        const known = new Set((await this.files.metaMany(tx, photoIds)).map((f) => f.id));
        const bad = photoIds.map((p, i) => (known.has(p) ? null : field(`photoFileIds.${i}`, '照片文件不存在，请先上传', 'Unknown photo file; upload it first'))).filter((x) => x !== null);
        if (bad.length) throw invalid(...bad);
      }

      switch (a) {
        case 'dispatch':
        case 'reassign': {
          if (c.state === 'arbitration' && !canAct(actor, 'case:dispatch', { regionCode: c.region_code.slice(0, 6) })) throw CaseErrors.ARBITRATION_LEVEL();
          const orgId = body.orgId ?? route?.lead.orgId;
          if (orgId == null) throw invalid(field('orgId', '无法自动确定处置单位，请选择', 'No unit could be suggested; choose one'));
          const org = (await repo.orgFacts(tx, [orgId])).get(orgId) ?? null;
          const problems = dispatchTargetProblems(route, org, c.region_code);
          if (problems.length) throw route && org && problems[0].message.includes('不得派遣') ? CaseErrors.PUSH_DOWN({ fields: problems }) : invalid(...problems);
          input.orgId = orgId;
          set.push(sql`lead_org_id = ${orgId}`, sql`lead_org_path = ${repo.intArray(org!.path)}`, sql`first_dispatched_at = coalesce(first_dispatched_at, ${at.toISOString()})`);
          after = async (t) => {
            const open = (await this.clocks.ofSubject(t, caseFlow.name, id)).find((k) => k.purpose === CLOCK && k.state !== 'stopped');
            if (!open) await this.startClock(t, c, at);
          };
          break;
        }
        case 'return': {
          const lead = c.lead_org_id;
          const returned = lead == null || c.returned_org_ids.includes(lead) ? c.returned_org_ids : [...c.returned_org_ids, lead];
          const all = everyCandidateReturned(route, returned);
          input.allReturned = all;
          set.push(sql`returned_org_ids = ${repo.intArray(returned)}`, sql`lead_org_id = null`, sql`lead_org_path = '{}'::int[]`);
          if (all) set.push(sql`escalation_level = greatest(escalation_level, 1)`);
          break;
        }
        case 'request_extension': {
          if (c.pending_extension) throw CaseErrors.EXTENSION_PENDING();
          const amount = Number(body.amount);
          const whole = c.limit_unit !== 'working_hours';
          if (!Number.isFinite(amount) || amount <= 0 || (whole && !Number.isInteger(amount)) || amount > 60) {
            throw invalid(field('amount', whole ? '延期天数须为 1–60 的整数' : '延期时长须大于 0', whole ? 'Whole days from 1 to 60' : 'Must be greater than 0'));
          }
          set.push(sql`pending_extension = ${JSON.stringify({ amount, unit: c.limit_unit, reason: body.reason ?? '', by: actor.displayName, at: at.toISOString() })}::jsonb`);
          break;
        }
        case 'approve_extension': {
          if (!c.pending_extension) throw CaseErrors.NO_PENDING_EXTENSION();
          input.amount = c.pending_extension.amount;
          set.push(sql`pending_extension = null`, sql`extension_count = extension_count + 1`);
          after = (t) => this.syncDue(t, id);
          break;
        }
        case 'deny_extension':
          if (!c.pending_extension) throw CaseErrors.NO_PENDING_EXTENSION();
          set.push(sql`pending_extension = null`);
          break;
        case 'feedback':
          set.push(sql`handled_at = ${at.toISOString()}`);
          break;
        case 'verify':
        case 'review':
        case 'callback':
        case 'confirm': {
          if (a === 'callback' && body.satisfaction !== 'satisfied' && body.satisfaction !== 'unsatisfied') {
            throw invalid(field('satisfaction', '请选择满意或不满意', 'Choose satisfied or unsatisfied'));
          }
          const flag = a === 'verify' ? body.passed : a === 'review' ? body.approved : a === 'confirm' ? body.confirmed : body.satisfaction === 'satisfied';
          if (typeof flag !== 'boolean') throw invalid(field(a === 'verify' ? 'passed' : a === 'review' ? 'approved' : 'confirmed', '请选择是或否', 'Must be true or false'));
          if (a === 'callback') set.push(sql`satisfaction = ${body.satisfaction}`);
          if (a === 'confirm') set.push(sql`satisfaction = ${flag ? 'satisfied' : 'unsatisfied'}`);
          const closes = flag && a !== 'review';
          if (closes) after = (t) => this.closeCase(t, id, at);
          else if (!flag) {
            set.push(sql`rework_count = rework_count + 1`, sql`handled_at = null`);
            after = async (t) => this.startClock(t, c, at);
          }
          break;
        }
        case 'evaluate': {
          const score = body.score;
          if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) throw invalid(field('score', '评分须为 0–100 的整数', 'A whole number from 0 to 100'));
          set.push(sql`evaluation_score = ${score}`);
          break;
        }
        case 'urge':
          set.push(sql`urge_count = urge_count + 1`);
          break;
        case 'merge': {
          const masterId = Number(body.masterId);
          const master = Number.isInteger(masterId) ? await repo.findCase(tx, masterId) : undefined;
          if (!master || master.id === c.id || !OPEN_STATES.includes(master.state as never) || master.region_code.slice(0, 6) !== c.region_code.slice(0, 6) || !isCaseStaff(actor, master)) {
            throw CaseErrors.MERGE_TARGET({ fields: [field('masterId', '主案件不存在、已办结或不在同一县（市、区）', 'The master case does not exist, is closed or is in another county')] });
          }
          input.masterCaseNo = master.case_no;
          set.push(sql`merged_into = ${master.id}`);
          after = (t) => this.stopClocks(t, id, at);
          break;
        }
        default:
          break;
      }

      const done = await this.workflows.transition(caseFlow, caseStore, id, a, {
        expectedVersion: body.version,
        input,
        note: body.note ?? body.reason ?? body.result,
        who,
        effect: async (t, r) => {
          await repo.patchCase(t, id, set);
          const stage = PHOTO_STAGE[a];
          if (photoIds.length) await repo.insertPhotos(t, id, c.region_code, stage ?? 'feedback', photoIds, actor.id > 0 ? actor.id : null);
          if (after) await after(t);
          await notifyStep(t, c, a, { state: r.to, orgId: typeof input.orgId === 'number' ? input.orgId : undefined, note: body.note ?? body.reason });
        },
      });
      return { state: done.state, version: done.version };
    });
  }

  /** Starts a handling clock on the case's limit (at dispatch, and again on rework). */
  private async startClock(tx: Tx, c: repo.CaseRow, at: Date): Promise<void> {
    const unit = c.limit_unit as CaseClockUnit;
    const amount = Number(c.limit_amount);
    const clock = await this.clocks.start(tx, { type: caseFlow.name, id: c.id, regionCode: c.region_code, purpose: CLOCK }, unit, amount, at, warnBeforeFor({ amount, unit }));
    await repo.patchCase(tx, c.id, [sql`due_at = ${clock.dueAt}`]);
  }

  private async syncDue(tx: Tx, id: number): Promise<void> {
    const open = (await this.clocks.ofSubject(tx, caseFlow.name, id)).find((k) => k.purpose === CLOCK && k.state !== 'stopped');
    if (open) await repo.patchCase(tx, id, [sql`due_at = ${open.dueAt}`]);
  }

  private async stopClocks(tx: Tx, id: number, at: Date): Promise<void> {
    for (const k of await this.clocks.ofSubject(tx, caseFlow.name, id)) if (k.state !== 'stopped') await this.clocks.stop(tx, k.id, at);
  }

  /** Closes: on time when no handling clock of the case ran past its due time. */
  private async closeCase(tx: Tx, id: number, at: Date): Promise<void> {
    await this.stopClocks(tx, id, at);
    const clocks = (await this.clocks.ofSubject(tx, caseFlow.name, id)).filter((k) => k.purpose === CLOCK);
    const onTime = clocks.every((k) => k.overdue !== true);
    await repo.patchCase(tx, id, [sql`closed_at = ${at.toISOString()}`, sql`closed_on_time = ${onTime}`]);
  }

  /**
   * Escalation from the SLA watcher (system): a warning is recorded on the
   * trace; an overdue deadline moves the case one level up the command
   * hierarchy (town → county → city).
   */
  async onSla(kind: 'warning' | 'overdue', caseId: number, dueAt: string): Promise<void> {
    const c = await repo.findCase(executor(this.db), caseId);
    if (!c || !OPEN_STATES.includes(c.state as never)) return;
    const who = { actor: SYSTEM_ACTOR };
    if (kind === 'warning') {
      await this.workflows.transition(caseFlow, caseStore, caseId, 'sla_warning', { expectedVersion: c.version, input: { stay: c.state, dueAt }, note: `临期预警：${dueAt} 到期`, who });
      return;
    }
    const level = nextEscalationLevel(c.escalation_level) ?? c.escalation_level;
    await this.workflows.transition(caseFlow, caseStore, caseId, 'escalate', {
      expectedVersion: c.version,
      input: { stay: c.state, level, from: c.escalation_level, dueAt },
      note: `超期未办结，升级至${['镇（街道）', '县（市、区）', '市'][level]}指挥中心`,
      who,
      effect: async (tx) => {
        await repo.patchCase(tx, caseId, [sql`escalation_level = ${level}`]);
        await notifyStep(tx, c, 'escalate', { state: c.state, level });
      },
    });
  }

  /** Queues and lists (cases.queues.ts). */
  get queues(): CaseQueues {
    return (this.queuesCache ??= new CaseQueues(this.db));
  }
  private queuesCache: CaseQueues | undefined;

  /** Cases the staff member may see, newest first (CaseQueues.list). */
  list(actor: Actor, q: CaseListQuery) {
    return this.queues.list(actor, q);
  }

  /** Likely duplicates of a case (same sub-class, nearby, recent), for the dispatcher to merge. */
  async duplicates(actor: Actor, id: number) {
    const ex = executor(this.db);
    const c = await repo.findCase(ex, id);
    if (!c || !isCaseStaff(actor, c)) throw CaseErrors.NOT_FOUND();
    if (c.lng == null || c.lat == null) return { items: [] };
    return { items: await this.intakeService.duplicatesOf(ex, { id, categoryCode: c.category_code, lng: c.lng, lat: c.lat, reportedAt: new Date(c.reported_at) }) };
  }

  async findByNo(caseNo: string) {
    return repo.findCaseByNo(executor(this.db), caseNo);
  }
}
