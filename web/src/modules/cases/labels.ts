/** Labels and colours of the case loop (sources, states, urgencies, hotline kinds, limits). */
import type { MessageKey, Translate } from '../../app/i18n/index.tsx';
import type { CaseState, Urgency } from './cases.api.ts';

export const sourceLabel = (t: Translate, source: string) => t(`cases.source.${source}` as MessageKey);
export const urgencyLabel = (t: Translate, u: string) => t(`cases.urgency.${u}` as MessageKey);
export const hotlineKindLabel = (t: Translate, k: string) => t(`cases.hotlineKind.${k}` as MessageKey);
export const stageLabel = (t: Translate, s: string) => t(`cases.photoStage.${s}` as MessageKey);

export const STATE_COLORS: Record<CaseState, string> = {
  reported: 'blue',
  filed: 'geekblue',
  dispatched: 'cyan',
  signed: 'processing',
  returned: 'orange',
  arbitration: 'volcano',
  handled: 'purple',
  reviewed: 'magenta',
  closed: 'success',
  evaluated: 'green',
  invalid: 'default',
  merged: 'default',
};

export const URGENCY_COLORS: Record<Urgency, string> = { normal: 'default', urgent: 'orange', emergency: 'red' };

/** "1 个工作日" / "5 working hours". */
export function limitText(t: Translate, limit: { amount: number; unit: string }): string {
  if (limit.unit === 'working_hours') return t('cases.limit.hours', { n: limit.amount });
  if (limit.unit === 'calendar_days' && limit.amount === 0) return t('cases.limit.sameDay');
  return t('cases.limit.days', { n: limit.amount });
}
