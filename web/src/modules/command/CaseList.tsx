import { useEffect, useState } from 'react';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { listCommandCases, type CaseQuery, type CaseSummary } from './command.api.ts';
import { labelOf } from './labels.ts';

/**
 * Cases of the current drill-down (a grid, or the whole region), most urgent
 * first; reloaded whenever `version` moves (a live update arrived). A row
 * opens the case's trace.
 */
export function CaseList({
  query,
  version,
  onOpen,
  height,
  compact,
  testId = 'case-list',
}: {
  query: CaseQuery;
  version: number;
  onOpen(id: number): void;
  height?: number;
  /** Few columns for a side panel of the wall. */
  compact?: boolean;
  testId?: string;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    listCommandCases({ ...query, limit: 50 }, ctrl.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.nextCursor);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [key, version, tick]);

  const more = async () => {
    if (!next) return;
    const page = await listCommandCases({ ...query, limit: 50, cursor: next });
    setItems((list) => [...list, ...page.items]);
    setNext(page.nextCursor);
  };

  const fullColumns: ColumnsType<CaseSummary> = [
    { title: t('cmd.col.caseNo'), dataIndex: 'caseNo', width: 170, render: (v: string, r) => <span data-testid={`case-${r.id}`}>{v}</span> },
    { title: t('cmd.col.category'), dataIndex: 'categoryName', width: 120, ellipsis: true, render: (v: string | null, r) => v ?? r.categoryCode },
    { title: t('cmd.col.description'), dataIndex: 'description', ellipsis: true, render: (v: string, r) => r.title ?? v },
    { title: t('cmd.col.grid'), dataIndex: 'gridName', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('cmd.col.state'),
      dataIndex: 'state',
      width: 120,
      render: (v: string, r) => (
        <>
          <Tag color={r.closedAt ? 'green' : 'blue'}>{labelOf(t, 'state', v)}</Tag>
          {r.overdue && <Tag color="red">{t('cmd.overdueTag')}</Tag>}
        </>
      ),
    },
    { title: t('cmd.col.due'), dataIndex: 'dueAt', width: 140, render: (v: string | null, r) => (v ? <span style={{ color: r.overdue ? '#ff7875' : undefined }}>{formatInstant(v)}</span> : '—') },
    { title: t('cmd.col.reported'), dataIndex: 'reportedAt', width: 140, render: (v: string) => formatInstant(v) },
  ];

  const stateTags = (v: string, r: CaseSummary) => (
    <>
      <Tag color={r.closedAt ? 'green' : 'blue'}>{labelOf(t, 'state', v)}</Tag>
      {r.overdue && <Tag color="red">{t('cmd.overdueTag')}</Tag>}
    </>
  );
  const compactColumns: ColumnsType<CaseSummary> = [
    { title: t('cmd.col.category'), dataIndex: 'categoryName', width: 96, ellipsis: true, render: (v: string | null, r) => <span data-testid={`case-${r.id}`}>{v ?? r.categoryCode}</span> },
    { title: t('cmd.col.grid'), dataIndex: 'gridName', ellipsis: true, render: (v: string | null, r) => v ?? r.address ?? '—' },
    { title: t('cmd.col.state'), dataIndex: 'state', width: 116, render: stateTags },
    { title: t('cmd.col.due'), dataIndex: 'dueAt', width: 92, render: (v: string | null, r) => (v ? <span style={{ color: r.overdue ? '#ff7875' : undefined }}>{dayjs(v).format('MM-DD HH:mm')}</span> : '—') },
  ];

  if (error) return <LoadError error={error} onRetry={() => setTick((n) => n + 1)} />;
  return (
    <div data-testid={testId}>
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        loading={loading && items.length === 0}
        dataSource={items}
        pagination={false}
        scroll={{ x: compact ? undefined : 860, y: height }}
        locale={{ emptyText: t('cmd.cases.none') }}
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        columns={compact ? compactColumns : fullColumns}
      />
      {next && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => void more()}>
          {t('cmd.cases.more')}
        </Button>
      )}
    </div>
  );
}
