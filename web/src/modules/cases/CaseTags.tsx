import { Tag } from 'antd';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import type { Bilingual, CaseState, Urgency } from './cases.api.ts';
import { STATE_COLORS, URGENCY_COLORS, urgencyLabel } from './labels.ts';

export function StateTag({ state, label }: { state: CaseState | string; label: Bilingual }) {
  const pick = useBilingual();
  return (
    <Tag color={STATE_COLORS[state as CaseState] ?? 'default'} data-testid="case-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {pick(label.zh, label.en)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: Urgency }) {
  const { t } = useI18n();
  if (urgency === 'normal') return null;
  return (
    <Tag color={URGENCY_COLORS[urgency]} style={{ marginInlineEnd: 0 }}>
      {urgencyLabel(t, urgency)}
    </Tag>
  );
}

/** The deadline, red when overdue. */
export function DueTag({ dueAt, overdue, closed }: { dueAt: string | null; overdue: boolean; closed?: boolean }) {
  const { t } = useI18n();
  if (!dueAt || closed) return null;
  return (
    <Tag color={overdue ? 'red' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="case-due">
      {overdue ? t('cases.due.overdue') : t('cases.due.by')} {formatInstant(dueAt)}
    </Tag>
  );
}
