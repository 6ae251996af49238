import type { MessageKey } from '../../app/i18n/index.tsx';
import type { LicenceState, Verdict } from './licenses.api.ts';

export const verdictKey = (v: Verdict) => `licenses.verdict.${v}` as MessageKey;
export const actionKey = (a: string) => `licenses.action.${a}` as MessageKey;

/** Tag colour of a state or verdict. */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  valid: '#237a3b',
  revoked: '#c0392b',
  cancelled: '#6b7280',
  expired: '#d97706',
  transferred: '#1d4ed8',
  withdrawn: '#6b7280',
  tampered: '#c0392b',
  unknown: '#c0392b',
};

export const STATE_TAG: Record<LicenceState, string> = {
  valid: 'success',
  revoked: 'error',
  cancelled: 'default',
  expired: 'warning',
  transferred: 'processing',
  withdrawn: 'default',
};
