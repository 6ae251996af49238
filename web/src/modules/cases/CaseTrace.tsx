import { Timeline, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import type { TraceEntry } from './cases.api.ts';
import { sourceLabel } from './labels.ts';

/** Extra facts of a step worth showing (the rest of the input is internal). */
const SHOWN: Record<string, 'key'> = { orgId: 'key', amount: 'key', passed: 'key', approved: 'key', satisfaction: 'key', confirmed: 'key', score: 'key', masterCaseNo: 'key', level: 'key' };

/** The full trace of a case: who did what, when and where, with notes. */
export function CaseTrace({ trace, orgNames }: { trace: TraceEntry[]; orgNames?: Map<number, string> }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const fact = (k: string, v: unknown): string | null => {
    if (v === undefined || v === null || v === '') return null;
    if (k === 'passed' || k === 'approved' || k === 'confirmed') return `${t(`cases.trace.${k}` as 'cases.trace.passed')}：${v ? t('cases.yes') : t('cases.no')}`;
    if (k === 'satisfaction') return `${t('cases.trace.satisfaction')}：${t(v === 'satisfied' ? 'cases.callback.satisfied' : 'cases.callback.unsatisfied')}`;
    if (k === 'amount') return `${t('cases.trace.amount')}：${String(v)}`;
    if (k === 'score') return `${t('cases.trace.score')}：${String(v)}`;
    if (k === 'masterCaseNo') return `${t('cases.trace.master')}：${String(v)}`;
    if (k === 'orgId' && typeof v === 'number' && orgNames?.has(v)) return `${t('cases.trace.org')}：${orgNames.get(v)}`;
    return null;
  };
  return (
    <Timeline
      data-testid="case-trace"
      items={trace.map((e, i) => ({
        key: i,
        color: e.action === 'return' || e.to === 'arbitration' || (e.action === 'callback' && e.data.satisfaction === 'unsatisfied') || (e.action === 'verify' && e.data.passed === false) ? 'red' : e.to === 'closed' ? 'green' : 'blue',
        content: (
          <div data-testid={`trace-${e.action}`}>
            <Typography.Text strong>{pick(e.label.zh, e.label.en)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {e.by} · {formatInstant(e.at)}
            </Typography.Text>
            {e.action === 'report' && typeof e.data.source === 'string' && <Typography.Text type="secondary"> · {sourceLabel(t, e.data.source)}</Typography.Text>}
            {e.where && (
              <div style={{ fontSize: 12, color: '#6b7687' }}>
                <EnvironmentOutlined /> {e.where.lng.toFixed(5)}, {e.where.lat.toFixed(5)}
              </div>
            )}
            {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
            {Object.keys(e.data)
              .filter((k) => SHOWN[k])
              .map((k) => fact(k, e.data[k]))
              .filter(Boolean)
              .map((s) => (
                <div key={s} style={{ fontSize: 12, color: '#6b7687' }}>
                  {s}
                </div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
