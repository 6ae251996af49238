/**
 * The bad-rating loop (差评整改) as a platform workflow: the rating is
 * assigned to the rated unit, which calls the rater back within N working
 * days (the 'callback' SLA clock), then fixes it now, logs it and fixes it
 * by a date, or explains; the rater is told and may re-rate (or accept).
 * Before the call-back the unit may appeal a mistaken or malicious rating:
 * the clock pauses; a supervisor upholds (the rating leaves the statistics)
 * or rejects (the clock resumes).
 */
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/index.ts';
import type { WorkflowDef, WorkflowStore } from '../../platform/workflow/index.ts';

export const RECTIFICATION_STATES = ['new', 'assigned', 'appealed', 'called_back', 'fixing', 'notified', 'closed', 'excluded'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RECTIFICATION_ACTIONS = ['assign', 'callBack', 'resolve', 'completeFix', 'appeal', 'uphold', 'rejectAppeal', 'rerate', 'accept'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export const RECTIFICATION_WORKFLOW = 'rating_rectification';
export const CALLBACK_CLOCK = 'callback';

/** Still under way (the unit's work list). */
export const OPEN_STATES: readonly RectificationState[] = ['assigned', 'appealed', 'called_back', 'fixing'];
/** The rater has been told the outcome: counted as fixed. */
export const FIXED_STATES: readonly RectificationState[] = ['notified', 'closed'];
/** The unit's own actions (the rater's and the supervisor's are separate). */
export const UNIT_ACTIONS: readonly RectificationAction[] = ['callBack', 'resolve', 'completeFix', 'appeal'];
export const SUPERVISOR_ACTIONS: readonly RectificationAction[] = ['uphold', 'rejectAppeal'];
export const RATER_ACTIONS: readonly RectificationAction[] = ['rerate', 'accept'];

export const rectificationFlow: WorkflowDef<RectificationState, RectificationAction> = {
  name: RECTIFICATION_WORKFLOW,
  initial: 'new',
  states: {
    new: { label: { zh: '新差评', en: 'New' } },
    assigned: { label: { zh: '待回访', en: 'Awaiting call-back' } },
    appealed: { label: { zh: '申诉中', en: 'Under appeal' } },
    called_back: { label: { zh: '已回访', en: 'Called back' } },
    fixing: { label: { zh: '限期整改中', en: 'Fixing by a date' } },
    notified: { label: { zh: '已告知评价人', en: 'Rater told' } },
    closed: { label: { zh: '已办结', en: 'Closed' }, final: true },
    excluded: { label: { zh: '申诉成立', en: 'Appeal upheld' }, final: true },
  },
  actions: {
    assign: {
      label: { zh: '分派至被评价单位', en: 'Assign to the rated unit' },
      from: ['new'],
      to: 'assigned',
      permission: 'rating:supervise',
      sla: [{ op: 'start', clock: CALLBACK_CLOCK, unit: 'working_days', budget: (d) => Number(d.callbackDays), warnBefore: 1 }],
    },
    callBack: {
      label: { zh: '登记回访', en: 'Record call-back' },
      from: ['assigned'],
      to: 'called_back',
      permission: 'rating:handle',
      requires: ['note'],
      sla: [{ op: 'stop', clock: CALLBACK_CLOCK }],
    },
    resolve: {
      label: { zh: '整改处理', en: 'Resolve' },
      from: ['called_back'],
      to: (input) => (input.outcome === 'log_fix' ? 'fixing' : 'notified'),
      permission: 'rating:handle',
      requires: ['outcome', 'note'],
    },
    completeFix: { label: { zh: '整改完成', en: 'Fix done' }, from: ['fixing'], to: 'notified', permission: 'rating:handle', requires: ['note'] },
    appeal: {
      label: { zh: '申诉', en: 'Appeal' },
      from: ['assigned'],
      to: 'appealed',
      permission: 'rating:handle',
      requires: ['reason'],
      sla: [{ op: 'pause', clock: CALLBACK_CLOCK }],
    },
    uphold: {
      label: { zh: '申诉成立', en: 'Uphold appeal' },
      from: ['appealed'],
      to: 'excluded',
      permission: 'rating:supervise',
      requires: ['note'],
      sla: [{ op: 'stop', clock: CALLBACK_CLOCK }],
    },
    rejectAppeal: {
      label: { zh: '驳回申诉', en: 'Reject appeal' },
      from: ['appealed'],
      to: 'assigned',
      permission: 'rating:supervise',
      requires: ['note'],
      sla: [{ op: 'resume', clock: CALLBACK_CLOCK }],
    },
    rerate: { label: { zh: '重新评价', en: 'Re-rate' }, from: ['notified'], to: 'closed', permission: 'rating:rate' },
    accept: { label: { zh: '认可整改结果', en: 'Accept the outcome' }, from: ['notified'], to: 'closed', permission: 'rating:rate' },
  },
};

/** rating_rectifications with the rated unit's whole path as the scope's organisations. */
export const rectificationStore: WorkflowStore = {
  async load(ex, id) {
    const [row] = await query<{ state: string; version: number; region_code: string; org_path: number[] }>(
      ex,
      sql`select state, version, region_code, org_path from rating_rectifications where id = ${id}`,
    );
    return row && { state: row.state, version: row.version, regionCode: row.region_code, orgIds: row.org_path };
  },
  async save(ex, id, to, expectedVersion) {
    const [row] = await query<{ version: number }>(
      ex,
      sql`update rating_rectifications set state = ${to}, version = version + 1 where id = ${id} and version = ${expectedVersion} returning version`,
    );
    return row ? row.version : null;
  },
};
