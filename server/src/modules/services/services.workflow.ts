import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/index.ts';
import type { WorkflowDef, WorkflowStore } from '../../platform/workflow/index.ts';
import { intakeScopes } from './services.policy.ts';

/**
 * The application workflow (办件流程), as data. Two clocks, both started at
 * receipt (Licensing Law art. 32 counts from the day received):
 * - `correction`: 5 working days to tell the applicant everything missing;
 *   when it runs out with no notice the application counts as accepted
 *   (`deemAccept`, driven by the SLA watcher's sla.overdue event);
 * - `decision`: the item's promised days (statutory as the cap, 20 by
 *   default), paused during 补正 and uncounted special procedures (art. 45),
 *   +10 on an approved extension (art. 42), stopped by the decision.
 */
export const APPLICATION_WORKFLOW = 'application';

export const CORRECTION_DAYS = 5;
export const EXTENSION_DAYS = 10;
/** Warnings: the yellow light comes this many working days before the deadline (local practice). */
export const DECISION_WARN_DAYS = 3;
export const CORRECTION_WARN_DAYS = 1;

export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'correction',
  'resubmitted',
  'fanout',
  'in_review',
  'parallel',
  'special_procedure',
  'extension_requested',
  'approved',
  'denied',
  'refused',
  'completed',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

/** States in which the matter is finished. */
export const FINAL_STATES: readonly ApplicationState[] = ['approved', 'denied', 'refused', 'completed'];
/** States awaiting the window's intake decision. */
export const INTAKE_STATES: readonly ApplicationState[] = ['submitted', 'resubmitted'];

const startClocks = [
  { op: 'start', clock: 'correction', unit: 'working_days', budget: CORRECTION_DAYS, warnBefore: CORRECTION_WARN_DAYS },
  { op: 'start', clock: 'decision', unit: 'working_days', budget: (d: Record<string, unknown>) => Number(d.decisionDays), warnBefore: DECISION_WARN_DAYS },
] as const;
const stopCorrection = { op: 'stop', clock: 'correction', optional: true } as const;
const acceptedState = (input: Record<string, unknown>): ApplicationState => (input.bundle === true ? 'parallel' : 'in_review');

export const applicationFlow: WorkflowDef<ApplicationState> = {
  name: APPLICATION_WORKFLOW,
  initial: 'draft',
  states: {
    draft: { label: { zh: '草稿', en: 'Draft' } },
    submitted: { label: { zh: '已收件待受理', en: 'Received, awaiting intake' } },
    correction: { label: { zh: '待补正', en: 'Awaiting corrections' } },
    resubmitted: { label: { zh: '已补正待受理', en: 'Corrected, awaiting intake' } },
    fanout: { label: { zh: '已分办', en: 'Dispatched' } },
    in_review: { label: { zh: '审查中', en: 'Under review' } },
    parallel: { label: { zh: '并联审批中', en: 'Parallel review' } },
    special_procedure: { label: { zh: '特别程序中', en: 'Special procedure' } },
    extension_requested: { label: { zh: '延期待批准', en: 'Extension awaiting approval' } },
    approved: { label: { zh: '准予许可', en: 'Approved' }, final: true },
    denied: { label: { zh: '不予许可', en: 'Denied' }, final: true },
    refused: { label: { zh: '不予受理', en: 'Not accepted' }, final: true },
    completed: { label: { zh: '已办结', en: 'Completed' }, final: true },
  },
  actions: {
    submit: { label: { zh: '提交申请', en: 'Submit' }, from: ['draft'], to: 'submitted', permission: 'application:create', requires: ['decisionDays'], sla: startClocks },
    windowSubmit: { label: { zh: '窗口收件', en: 'Receive at the window' }, from: ['draft'], to: 'submitted', permission: 'application:intake', requires: ['decisionDays'], sla: startClocks },
    accept: { label: { zh: '受理', en: 'Accept' }, from: ['submitted', 'resubmitted'], to: acceptedState, permission: 'application:intake', sla: [stopCorrection] },
    acceptDeferred: {
      label: { zh: '容缺受理', en: 'Accept with deferred materials' },
      from: ['submitted', 'resubmitted'],
      to: acceptedState,
      permission: 'application:intake',
      requires: ['deferredUntil', 'deferred'],
      sla: [stopCorrection],
    },
    acceptCommitment: {
      label: { zh: '告知承诺受理并准予许可', en: 'Accept and approve on commitment' },
      from: ['submitted', 'resubmitted'],
      to: 'approved',
      permission: 'application:intake',
      sla: [stopCorrection, { op: 'stop', clock: 'decision' }],
    },
    deemAccept: { label: { zh: '逾期未告知补正视为受理', en: 'Deemed accepted (art. 32)' }, from: ['submitted'], to: acceptedState, permission: 'application:intake', sla: [stopCorrection] },
    requestCorrection: {
      label: { zh: '一次性告知补正', en: 'Request corrections' },
      from: ['submitted'],
      to: 'correction',
      permission: 'application:intake',
      requires: ['missing'],
      sla: [{ op: 'stop', clock: 'correction' }, { op: 'pause', clock: 'decision' }],
    },
    resubmit: { label: { zh: '提交补正材料', en: 'Hand in the corrections' }, from: ['correction'], to: 'resubmitted', permission: 'application:create', sla: [{ op: 'resume', clock: 'decision' }] },
    receiveCorrection: {
      label: { zh: '窗口接收补正材料', en: 'Receive the corrections at the window' },
      from: ['correction'],
      to: 'resubmitted',
      permission: 'application:intake',
      sla: [{ op: 'resume', clock: 'decision' }],
    },
    refuse: {
      label: { zh: '不予受理', en: 'Refuse' },
      from: ['submitted', 'resubmitted'],
      to: 'refused',
      permission: 'application:intake',
      requires: ['reason', 'legalBasis'],
      sla: [stopCorrection, { op: 'stop', clock: 'decision' }],
    },
    dispatch: {
      label: { zh: '分办', en: 'Dispatch' },
      from: ['fanout'],
      to: 'in_review',
      permission: 'application:intake',
      requires: ['decisionDays'],
      sla: [{ op: 'start', clock: 'decision', unit: 'working_days', budget: (d) => Number(d.decisionDays), warnBefore: DECISION_WARN_DAYS }],
    },
    advance: { label: { zh: '提交下一环节', en: 'Next step' }, from: ['in_review'], to: 'in_review', permission: 'application:review' },
    returnStep: { label: { zh: '退回上一环节', en: 'Return to an earlier step' }, from: ['in_review'], to: 'in_review', permission: 'application:review', requires: ['reason', 'toStep'] },
    requestCountersign: { label: { zh: '发起会签', en: 'Request countersignatures' }, from: ['in_review'], to: 'in_review', permission: 'application:review', requires: ['orgIds'] },
    startSpecial: {
      label: { zh: '启动特别程序', en: 'Start a special procedure' },
      from: ['in_review'],
      to: 'special_procedure',
      permission: 'application:review',
      requires: ['procedure', 'expectedDays'],
      sla: [{ op: 'pause', clock: 'decision', when: (d) => d.counted !== true }],
    },
    endSpecial: {
      label: { zh: '结束特别程序', en: 'End the special procedure' },
      from: ['special_procedure'],
      to: 'in_review',
      permission: 'application:review',
      sla: [{ op: 'resume', clock: 'decision', when: (d) => d.counted !== true }],
    },
    requestExtension: { label: { zh: '申请延期', en: 'Request an extension' }, from: ['in_review'], to: 'extension_requested', permission: 'application:review', requires: ['reason'] },
    approveExtension: {
      label: { zh: '批准延期', en: 'Approve the extension' },
      from: ['extension_requested'],
      to: 'in_review',
      permission: 'application:supervise',
      sla: [{ op: 'extend', clock: 'decision', by: EXTENSION_DAYS }],
    },
    rejectExtension: { label: { zh: '不批准延期', en: 'Reject the extension' }, from: ['extension_requested'], to: 'in_review', permission: 'application:supervise', requires: ['reason'] },
    decide: {
      label: { zh: '作出决定', en: 'Decide' },
      from: ['in_review'],
      to: (input) => (input.approve === true ? 'approved' : 'denied'),
      permission: 'application:review',
      requires: ['approve', 'reason'],
      sla: [{ op: 'stop', clock: 'decision' }],
    },
    join: { label: { zh: '并联办结', en: 'Join the parallel decisions' }, from: ['parallel'], to: 'completed', permission: 'application:review', sla: [{ op: 'stop', clock: 'decision' }] },
  },
};

export type ApplicationAction = keyof typeof applicationFlow.actions;

/** Staff actions on the review desk (the applicant's own are submit and resubmit). */
export const APPLICANT_ACTIONS = ['submit', 'resubmit'] as const;
/** Actions only the system takes (the art. 32 job, the bundle fan-out and join). */
export const SYSTEM_ACTIONS = ['deemAccept', 'dispatch', 'join'] as const;

/** The application table as a workflow store: scope is the region and the handling organisation's path. */
export const applicationStore: WorkflowStore = {
  async load(ex, id) {
    // the centre that received it at a window may take the intake steps too (无差别全科受理: a town window, a county item)
    const [row] = await query<{ state: string; version: number; region_code: string; handling_org_path: number[]; intake_region: string | null; intake_path: number[] | null }>(
      ex,
      sql`select a.state, a.version, a.region_code, a.handling_org_path, o.region_code as intake_region, o.path as intake_path
          from applications a left join organisations o on o.id = a.intake_org_id where a.id = ${id}`,
    );
    return (
      row && {
        state: row.state,
        version: row.version,
        regionCode: row.region_code,
        orgIds: row.handling_org_path ?? [],
        alsoScopes: intakeScopes(row.intake_region ? { regionCode: row.intake_region, path: row.intake_path ?? [] } : null),
      }
    );
  },
  async save(ex, id, to, expectedVersion) {
    const [row] = await query<{ version: number }>(
      ex,
      sql`update applications set state = ${to}, version = version + 1, updated_at = now() where id = ${id} and version = ${expectedVersion} returning version`,
    );
    return row ? row.version : null;
  },
};
