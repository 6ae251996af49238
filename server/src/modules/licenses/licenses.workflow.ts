import type { WorkflowDef } from '../../platform/workflow/index.ts';
import type { LicenseState } from './licenses.schema.ts';
import { STATE_LABELS } from './licenses.rules.ts';

export type LicenseAction = 'revoke' | 'cancel' | 'withdraw' | 'transfer' | 'expire';
export const LIFECYCLE_ACTIONS = ['revoke', 'cancel', 'withdraw', 'transfer'] as const;

/**
 * A licence's life after issue. Every staff action needs a reason; transfer
 * also names the new holder (a new licence is issued to them in the same
 * transaction). `expire` is taken by the daily job as the system.
 */
export const LICENSE_WORKFLOW: WorkflowDef<LicenseState, LicenseAction> = {
  name: 'license',
  initial: 'valid',
  states: {
    valid: { label: STATE_LABELS.valid },
    revoked: { label: STATE_LABELS.revoked, final: true },
    cancelled: { label: STATE_LABELS.cancelled, final: true },
    expired: { label: STATE_LABELS.expired },
    transferred: { label: STATE_LABELS.transferred, final: true },
    withdrawn: { label: STATE_LABELS.withdrawn, final: true },
  },
  actions: {
    revoke: { label: { zh: '撤销', en: 'Revoke' }, from: ['valid'], to: 'revoked', permission: 'license:manage', requires: ['reason'] },
    cancel: { label: { zh: '注销', en: 'Cancel' }, from: ['valid', 'expired'], to: 'cancelled', permission: 'license:manage', requires: ['reason'] },
    withdraw: { label: { zh: '撤回', en: 'Withdraw' }, from: ['valid'], to: 'withdrawn', permission: 'license:manage', requires: ['reason'] },
    transfer: { label: { zh: '转移', en: 'Transfer' }, from: ['valid'], to: 'transferred', permission: 'license:manage', requires: ['reason', 'newHolder'] },
    expire: { label: { zh: '到期失效', en: 'Expire' }, from: ['valid'], to: 'expired', permission: 'license:manage' },
  },
};
