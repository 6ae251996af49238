import { Descriptions, Drawer, Empty, Skeleton, Tag, Timeline } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { getCaseTrace } from './command.api.ts';
import { labelOf } from './labels.ts';

/** The last drill-down step: one case and its full trace (who, when, what, where). */
export function CaseTraceDrawer({ caseId, version, onClose }: { caseId: number | null; version: number; onClose(): void }) {
  const { t } = useI18n();
  const data = useRemote(caseId === null ? null : (signal) => getCaseTrace(caseId, signal), [caseId, version]);
  const c = data.data;
  return (
    <Drawer open={caseId !== null} onClose={onClose} size={Math.min(560, window.innerWidth - 24)} title={c ? `${t('cmd.trace')} · ${c.caseNo}` : t('cmd.trace')} destroyOnHidden>
      {data.error ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : !c ? (
        <Skeleton active />
      ) : (
        <div data-testid="case-trace">
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'cat', label: t('cmd.col.category'), children: c.categoryName ?? c.categoryCode },
              {
                key: 'state',
                label: t('cmd.col.state'),
                children: (
                  <>
                    <Tag color={c.closedAt ? 'green' : 'blue'}>{labelOf(t, 'state', c.state)}</Tag>
                    {c.overdue && <Tag color="red">{t('cmd.overdueTag')}</Tag>}
                  </>
                ),
              },
              { key: 'desc', label: t('cmd.col.description'), children: c.description },
              { key: 'source', label: t('cmd.case.source'), children: labelOf(t, 'source', c.source) },
              { key: 'urgency', label: t('cmd.case.urgency'), children: labelOf(t, 'urgency', c.urgency) },
              { key: 'town', label: t('cmd.case.town'), children: c.townName ?? '—' },
              { key: 'grid', label: t('cmd.col.grid'), children: c.gridName ?? '—' },
              { key: 'addr', label: t('cmd.case.address'), children: c.address ?? '—' },
              { key: 'lead', label: t('cmd.case.lead'), children: c.leadOrgName ?? '—' },
              { key: 'reported', label: t('cmd.col.reported'), children: formatInstant(c.reportedAt) },
              { key: 'due', label: t('cmd.col.due'), children: c.dueAt ? formatInstant(c.dueAt) : '—' },
              ...(c.closedAt ? [{ key: 'closed', label: t('cmd.case.closed'), children: formatInstant(c.closedAt) }] : []),
              { key: 'rework', label: t('cmd.case.rework'), children: c.reworkCount },
              { key: 'ext', label: t('cmd.case.extension'), children: c.extensionCount },
            ]}
          />
          {c.trace.length === 0 ? (
            <Empty description={t('cmd.trace.none')} />
          ) : (
            <Timeline
              items={c.trace.map((s) => {
                const lng = typeof s.data?.lng === 'number' ? s.data.lng : null;
                const lat = typeof s.data?.lat === 'number' ? s.data.lat : null;
                return {
                  color: s.action === 'urge' || s.action === 'escalate' || s.action === 'return' ? 'red' : s.to === 'closed' ? 'green' : 'blue',
                  children: (
                    <div>
                      <b>{labelOf(t, 'action', s.action)}</b>
                      <span style={{ marginLeft: 8, color: '#9cc3ff' }}>
                        {labelOf(t, 'state', s.from)} → {labelOf(t, 'state', s.to)}
                      </span>
                      <div style={{ fontSize: 12, color: '#9cc3ff' }}>
                        {formatInstant(s.at)} · {s.actor}
                        {lng !== null && lat !== null && <> · {t('cmd.trace.where', { lng: lng.toFixed(5), lat: lat.toFixed(5) })}</>}
                      </div>
                      {s.note && <div>{s.note}</div>}
                    </div>
                  ),
                };
              })}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
