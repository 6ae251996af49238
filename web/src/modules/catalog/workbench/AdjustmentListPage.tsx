import { Button, Card, Flex, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { PageHeader } from '../../../app/components/PageHeader.tsx';
import { formatInstant } from '../../../app/format.ts';
import { useBilingual, useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { listAdjustments } from '../catalog.api.ts';
import type { AdjustmentState, AdjustmentSummary } from '../catalog.types.ts';
import { CHANGE_LABEL, STATE_COLOR, labelOf } from '../labels.ts';
import { useItemPages } from '../portal/useItemPages.ts';

interface Props {
  mode: 'mine' | 'queue';
}

const TABS: Record<Props['mode'], { key: string; label: MessageKey; state?: AdjustmentState }[]> = {
  queue: [
    { key: 'queue', label: 'catalog.wb.tabQueue' },
    { key: 'submitted', label: 'catalog.wb.tabSubmitted', state: 'submitted' },
    { key: 'reviewed', label: 'catalog.wb.tabReviewed', state: 'reviewed' },
    { key: 'approved', label: 'catalog.wb.tabApproved', state: 'approved' },
    { key: 'published', label: 'catalog.state.published', state: 'published' },
    { key: 'returned', label: 'catalog.state.returned', state: 'returned' },
    { key: 'rejected', label: 'catalog.state.rejected', state: 'rejected' },
  ],
  mine: [
    { key: 'all', label: 'catalog.wb.tabAll' },
    { key: 'draft', label: 'catalog.state.draft', state: 'draft' },
    { key: 'submitted', label: 'catalog.state.submitted', state: 'submitted' },
    { key: 'returned', label: 'catalog.state.returned', state: 'returned' },
    { key: 'published', label: 'catalog.state.published', state: 'published' },
  ],
};

/** My adjustment requests, or the staffing office's review queue, by state. */
export function AdjustmentListPage({ mode }: Props) {
  const { t } = useI18n();
  const bi = useBilingual();
  const [params, setParams] = useSearchParams();
  const tabs = TABS[mode];
  const tab = tabs.find((x) => x.key === params.get('tab')) ?? tabs[0];
  const list = useItemPages<AdjustmentSummary>((cursor, signal) => listAdjustments({ mine: mode === 'mine' || undefined, state: tab.state, cursor, limit: 50 }, signal), `${mode}|${tab.key}`);

  return (
    <>
      <PageHeader title={mode === 'mine' ? t('catalog.wb.requests') : t('catalog.wb.review')} description={mode === 'mine' ? t('catalog.wb.requestsDescription') : t('catalog.wb.reviewDescription')} />
      <Card styles={{ body: { paddingTop: 0 } }}>
        <Tabs activeKey={tab.key} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))} />
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <Table<AdjustmentSummary>
            rowKey="id"
            size="middle"
            loading={list.loading && list.rows.length === 0}
            dataSource={list.rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid={mode === 'mine' ? 'requests-table' : 'review-table'}
            locale={{ emptyText: t(mode === 'mine' ? 'catalog.wb.noRequests' : 'catalog.wb.queueEmpty') }}
            columns={[
              { title: t('catalog.wb.no'), dataIndex: 'id', width: 72, render: (id: number) => <Link to={`/workbench/catalog/adjustments/${id}`}>#{id}</Link> },
              {
                title: t('catalog.field.name'),
                key: 'name',
                render: (_, a) => (
                  <div style={{ minWidth: 180, maxWidth: 360 }} className="tb-wrap">
                    <Link to={`/workbench/catalog/adjustments/${a.id}`} data-testid="adjustment-link">
                      {a.name ?? '—'}
                    </Link>
                    {a.stale && (
                      <Tag color="warning" style={{ marginInlineStart: 6 }}>
                        {t('catalog.wb.stale')}
                      </Tag>
                    )}
                  </div>
                ),
              },
              { title: t('catalog.adj.change'), dataIndex: 'change', width: 80, render: (c: AdjustmentSummary['change']) => labelOf(CHANGE_LABEL, c, t) },
              { title: t('catalog.field.implementingBody'), dataIndex: 'orgName', render: (v: string | null) => <div style={{ minWidth: 140 }}>{v ?? '—'}</div> },
              { title: t('catalog.adj.state'), key: 'state', width: 100, render: (_, a) => <Tag color={STATE_COLOR[a.state]}>{bi(a.stateLabel.zh, a.stateLabel.en)}</Tag> },
              { title: t('catalog.adj.requestedBy'), key: 'by', width: 100, render: (_, a) => a.requestedBy.name ?? `#${a.requestedBy.id}` },
              { title: t('catalog.adj.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (v: string) => <Typography.Text type="secondary">{formatInstant(v)}</Typography.Text> },
            ]}
          />
        )}
        {list.hasMore && (
          <Flex justify="center" style={{ padding: 12 }}>
            <Button onClick={() => void list.more()} loading={list.loading}>
              {t('common.loadMore')}
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}

/** 我的调整申请. */
export const MyRequestsPage = () => <AdjustmentListPage mode="mine" />;

/** 调整审核 (the staffing office's queue). */
export const ReviewQueuePage = () => <AdjustmentListPage mode="queue" />;
