/**
 * The adjustment request (动态调整) as a workflow (platform/workflow): the
 * department or town drafts and submits; the staffing office reviews,
 * approves (approval document number and effective date) and publishes;
 * a request may be returned to the requester (with a reason), who edits and
 * resubmits it; rejected and withdrawn are final.
 */
import { sql } from 'drizzle-orm';
import { query } from '../../platform/db/index.ts';
import { tableStore, type WorkflowDef, type WorkflowStore } from '../../platform/workflow/index.ts';

export const ADJUSTMENT_STATES = ['draft', 'submitted', 'reviewed', 'approved', 'published', 'returned', 'rejected', 'withdrawn'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];

export const ADJUSTMENT_ACTIONS = ['submit', 'review', 'approve', 'publish', 'return', 'reject', 'withdraw'] as const;
export type AdjustmentAction = (typeof ADJUSTMENT_ACTIONS)[number];

/** Requests still under way (the review queue shows the ones waiting for the staffing office). */
export const OPEN_STATES: readonly AdjustmentState[] = ['draft', 'submitted', 'reviewed', 'approved', 'returned'];
export const QUEUE_STATES: readonly AdjustmentState[] = ['submitted', 'reviewed', 'approved'];
/** The staffing office's actions: never taken by the person who made the request (four eyes). */
export const REVIEW_ACTIONS: readonly AdjustmentAction[] = ['review', 'approve', 'publish', 'return', 'reject'];
/** The requester's actions: taken by the person who made the request or a colleague who may request but not review there. */
export const REQUESTER_ACTIONS: readonly AdjustmentAction[] = ['submit', 'withdraw'];
/** States in which the requester may still edit the proposal. */
export const EDITABLE_STATES: readonly AdjustmentState[] = ['draft', 'returned'];

export const adjustmentFlow: WorkflowDef<AdjustmentState, AdjustmentAction> = {
  name: 'catalog_adjustment',
  initial: 'draft',
  states: {
    draft: { label: { zh: '草稿', en: 'Draft' } },
    submitted: { label: { zh: '已提交', en: 'Submitted' } },
    reviewed: { label: { zh: '已审核', en: 'Reviewed' } },
    approved: { label: { zh: '已批准', en: 'Approved' } },
    published: { label: { zh: '已发布', en: 'Published' }, final: true },
    returned: { label: { zh: '已退回', en: 'Returned' } },
    rejected: { label: { zh: '不予调整', en: 'Rejected' }, final: true },
    withdrawn: { label: { zh: '已撤回', en: 'Withdrawn' }, final: true },
  },
  actions: {
    submit: { label: { zh: '提交', en: 'Submit' }, from: ['draft', 'returned'], to: 'submitted', permission: 'catalog:edit' },
    withdraw: { label: { zh: '撤回', en: 'Withdraw' }, from: ['draft', 'submitted', 'returned'], to: 'withdrawn', permission: 'catalog:edit' },
    review: { label: { zh: '审核通过', en: 'Pass review' }, from: ['submitted'], to: 'reviewed', permission: 'catalog:review' },
    approve: {
      label: { zh: '批准', en: 'Approve' },
      from: ['reviewed'],
      to: 'approved',
      permission: 'catalog:review',
      requires: ['approvalDocNo', 'effectiveDate'],
    },
    publish: { label: { zh: '发布', en: 'Publish' }, from: ['approved'], to: 'published', permission: 'catalog:review' },
    return: { label: { zh: '退回', en: 'Return' }, from: ['submitted', 'reviewed', 'approved'], to: 'returned', permission: 'catalog:review', requires: ['reason'] },
    reject: { label: { zh: '不予调整', en: 'Reject' }, from: ['submitted', 'reviewed', 'approved'], to: 'rejected', permission: 'catalog:review', requires: ['reason'] },
  },
};

const table = tableStore('catalog_adjustments', { orgColumn: 'org_id' });

/**
 * The workflow store of adjustment requests: catalog_adjustments, with the
 * implementing organisation's whole path as the scope's organisations, so a
 * grant on a parent organisation (a town government) covers requests of the
 * units below it, as for every other organisation scope.
 */
export const adjustmentStore: WorkflowStore = {
  async load(ex, id) {
    const subject = await table.load(ex, id);
    if (!subject || subject.orgIds.length === 0) return subject;
    const [org] = await query<{ path: number[] }>(ex, sql`select path from organisations where id = ${subject.orgIds[0]}`);
    return { ...subject, orgIds: org?.path ?? subject.orgIds };
  },
  save: (ex, id, to, expectedVersion) => table.save(ex, id, to, expectedVersion),
};
