/**
 * The case loop as a workflow (platform/workflow), GB/T 30428 seven steps
 * and the 12345 loop (DOMAIN §5):
 *
 *   reported → filed (或 invalid) → dispatched (clock starts) → signed
 *     → handled (feedback with photos; clock stops)
 *       event/asset: → verify on site: passed → closed | failed → signed (rework)
 *       hotline:     → review → reviewed → call-back: satisfied → closed | unsatisfied → signed (redo)
 *       complaint:   → review → reviewed → complainant confirms → closed | disputes → signed (rework)
 *     → closed → evaluated
 *   dispatched → return (退单, reason) → returned (command centre's queue: re-dispatch)
 *              → arbitration when every unit that may lead returned it (county centre)
 *   dispatched/signed → reassign (改派)
 *   signed → request_extension → approve_extension (clock extended) | deny_extension
 *   any open state → urge (督办), escalate (SLA overdue), sla_warning (recorded on the trace)
 *
 * "Stay" actions keep the state: their target is the current state, which
 * the service passes in the input as `stay`. Every action's input may carry
 * `lng`/`lat` (where the actor was) and `at`; both are kept in the history.
 */
import { tableStore, type WorkflowDef, type WorkflowStore } from '../../platform/workflow/index.ts';

export const CASE_STATES = ['reported', 'filed', 'dispatched', 'signed', 'returned', 'arbitration', 'handled', 'reviewed', 'closed', 'evaluated', 'invalid', 'merged'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'file',
  'invalidate',
  'merge',
  'dispatch',
  'reassign',
  'sign',
  'return',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'feedback',
  'verify',
  'review',
  'callback',
  'confirm',
  'evaluate',
  'urge',
  'escalate',
  'sla_warning',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Waiting for the command centre (the dispatcher's queue). */
export const QUEUE_STATES: readonly CaseState[] = ['reported', 'filed', 'returned', 'arbitration'];
/** With a handling unit. */
export const HANDLING_STATES: readonly CaseState[] = ['dispatched', 'signed'];
/** Not yet closed (the overdue list, duplicates). */
export const OPEN_STATES: readonly CaseState[] = ['reported', 'filed', 'dispatched', 'signed', 'returned', 'arbitration', 'handled', 'reviewed'];
/** States in which the handling clock runs: past the due time here is overdue (handled cases wait for verification, not for the unit). */
export const CLOCK_STATES: readonly CaseState[] = ['dispatched', 'signed', 'returned', 'arbitration'];
export const DONE_STATES: readonly CaseState[] = ['closed', 'evaluated'];
/** Actions the system or a superior takes without changing the state. */
export const STAY_ACTIONS: readonly CaseAction[] = ['urge', 'escalate', 'sla_warning'];
/** Actions that send the case back to the unit for rework when their outcome is negative. */
export const REWORK_ACTIONS: readonly CaseAction[] = ['verify', 'review', 'callback', 'confirm'];
/** Which case kinds an action applies to (others: every kind). */
export const ACTION_KINDS: Partial<Record<CaseAction, readonly string[]>> = {
  verify: ['event', 'asset'],
  review: ['hotline', 'complaint'],
  callback: ['hotline'],
  confirm: ['complaint'],
};

const stay = (input: Record<string, unknown>) => input.stay as CaseState;
const yes = (v: unknown) => v === true || v === 'true';
/** The outcome steps (verify, call-back, confirmation) announce `case.closed` only when they close the case. */
const closedTopic = (to: string) => (to === 'closed' ? 'case.closed' : null);

export const CLOCK = 'handling';

export const caseFlow: WorkflowDef<CaseState, CaseAction> = {
  name: 'case',
  initial: 'reported',
  states: {
    reported: { label: { zh: '已上报', en: 'Reported' } },
    filed: { label: { zh: '已立案', en: 'Filed' } },
    dispatched: { label: { zh: '已派遣', en: 'Dispatched' } },
    signed: { label: { zh: '处置中', en: 'Being handled' } },
    returned: { label: { zh: '已退单', en: 'Returned' } },
    arbitration: { label: { zh: '待仲裁', en: 'Awaiting arbitration' } },
    handled: { label: { zh: '已反馈', en: 'Handled' } },
    reviewed: { label: { zh: '已审核', en: 'Reviewed' } },
    closed: { label: { zh: '已结案', en: 'Closed' } },
    evaluated: { label: { zh: '已评价', en: 'Evaluated' }, final: true },
    invalid: { label: { zh: '不予立案', en: 'Not filed' }, final: true },
    merged: { label: { zh: '已合并', en: 'Merged' }, final: true },
  },
  actions: {
    file: { label: { zh: '立案', en: 'File' }, from: ['reported'], to: 'filed', permission: 'case:dispatch' },
    invalidate: { label: { zh: '不予立案', en: 'Do not file' }, from: ['reported', 'filed'], to: 'invalid', permission: 'case:dispatch', requires: ['reason'] },
    merge: { label: { zh: '合并', en: 'Merge' }, from: ['reported', 'filed', 'returned', 'arbitration'], to: 'merged', permission: 'case:dispatch', requires: ['masterId'] },
    dispatch: {
      label: { zh: '派遣', en: 'Dispatch' },
      from: ['filed', 'returned', 'arbitration'],
      to: 'dispatched',
      permission: 'case:dispatch',
      requires: ['orgId'],
      emits: 'case.dispatched',
    },
    reassign: {
      label: { zh: '改派', en: 'Reassign' },
      from: ['dispatched', 'signed'],
      to: 'dispatched',
      permission: 'case:dispatch',
      requires: ['orgId', 'reason'],
      emits: 'case.dispatched',
    },
    sign: { label: { zh: '签收', en: 'Sign' }, from: ['dispatched'], to: 'signed', permission: 'case:handle' },
    return: {
      label: { zh: '退单', en: 'Return' },
      from: ['dispatched'],
      to: (input) => (yes(input.allReturned) ? 'arbitration' : 'returned'),
      permission: 'case:handle',
      requires: ['reason'],
      emits: 'case.returned',
    },
    request_extension: { label: { zh: '申请延期', en: 'Request extension' }, from: ['signed'], to: 'signed', permission: 'case:handle', requires: ['amount', 'reason'] },
    approve_extension: {
      label: { zh: '批准延期', en: 'Approve extension' },
      from: ['signed'],
      to: 'signed',
      permission: 'case:dispatch',
      requires: ['amount'],
      sla: [{ op: 'extend', clock: CLOCK, by: (d) => Number(d.amount) }],
    },
    deny_extension: { label: { zh: '不批准延期', en: 'Deny extension' }, from: ['signed'], to: 'signed', permission: 'case:dispatch', requires: ['reason'] },
    feedback: {
      label: { zh: '处置反馈', en: 'Feed back' },
      from: ['signed'],
      to: 'handled',
      permission: 'case:handle',
      requires: ['result'],
      sla: [{ op: 'stop', clock: CLOCK }],
      emits: 'case.handled',
    },
    verify: { label: { zh: '核查', en: 'Verify' }, from: ['handled'], to: (i) => (yes(i.passed) ? 'closed' : 'signed'), permission: 'case:verify', requires: ['passed'], emits: closedTopic },
    review: { label: { zh: '审核答复', en: 'Review reply' }, from: ['handled'], to: (i) => (yes(i.approved) ? 'reviewed' : 'signed'), permission: 'case:dispatch', requires: ['approved'] },
    callback: {
      label: { zh: '回访', en: 'Call back' },
      from: ['reviewed'],
      to: (i) => (i.satisfaction === 'satisfied' ? 'closed' : 'signed'),
      permission: 'case:dispatch',
      requires: ['satisfaction'],
      emits: closedTopic,
    },
    confirm: { label: { zh: '投诉人确认', en: 'Complainant confirms' }, from: ['reviewed'], to: (i) => (yes(i.confirmed) ? 'closed' : 'signed'), permission: 'case:confirm', requires: ['confirmed'], emits: closedTopic },
    evaluate: { label: { zh: '综合评价', en: 'Evaluate' }, from: ['closed'], to: 'evaluated', permission: 'case:supervise', requires: ['score'] },
    urge: { label: { zh: '督办', en: 'Urge' }, from: OPEN_STATES, to: stay, permission: 'case:supervise', requires: ['note'], emits: 'case.urged' },
    escalate: { label: { zh: '超期升级', en: 'Escalate' }, from: OPEN_STATES, to: stay, permission: 'case:supervise', requires: ['level'], emits: 'case.escalated' },
    sla_warning: { label: { zh: '临期预警', en: 'Deadline warning' }, from: OPEN_STATES, to: stay, permission: 'case:supervise' },
  },
};

/**
 * The workflow store of cases: the lead organisation's path is the scope's
 * organisations, so a handler granted on the unit (or a body above it) acts
 * on the cases dispatched to it; region-scoped staff act on their region's.
 */
export const caseStore: WorkflowStore = tableStore('cases', { pathColumn: 'lead_org_path', touch: true });
