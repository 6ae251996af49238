import { Button, Card, Col, Flex, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n, type MessageKey } from '../../../app/i18n/index.tsx';
import { listDevolutions } from '../catalog.api.ts';
import type { Devolution, DevolutionCounts } from '../catalog.types.ts';
import { useItemPages } from '../portal/useItemPages.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { ListsNav } from './ListsNav.tsx';

const RESULT: Record<string, { label: MessageKey; color: string }> = {
  good: { label: 'catalog.devolution.good', color: 'green' },
  fair: { label: 'catalog.devolution.fair', color: 'gold' },
  poor: { label: 'catalog.devolution.poor', color: 'red' },
};

type Town = DevolutionCounts['byTown'][number];

/** 赋权清单: county powers exercised by towns, counted by town and category, with their decisions. */
export function DevolutionPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const town = params.get('town') ?? undefined;
  // the counts of the whole county stay in view while one town is picked
  const all = useRemote((signal) => listDevolutions({ limit: 1 }, signal), []);
  const list = useItemPages<Devolution>((cursor, signal) => listDevolutions({ regionCode: town, limit: 50, cursor }, signal), town ?? '');
  const counts = all.data?.counts;

  return (
    <PortalSection title={t('catalog.nav.devolutions')} description={t('catalog.devolution.description')} crumbs={[{ title: t('catalog.lists.title') }, { title: t('catalog.nav.devolutions') }]}>
      <ListsNav />
      {all.error ? (
        <LoadError error={all.error} onRetry={all.reload} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={9}>
            <Card title={t('catalog.devolution.byTown')} size="small" data-testid="devolution-towns">
              <Row gutter={8} style={{ marginBottom: 12 }}>
                <Col span={8}>
                  <Statistic title={t('catalog.devolution.total')} value={counts?.total ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('catalog.devolution.approval')} value={counts?.byCategory.approval_service ?? 0} />
                </Col>
                <Col span={8}>
                  <Statistic title={t('catalog.devolution.penalty')} value={counts?.byCategory.penalty_other ?? 0} />
                </Col>
              </Row>
              <Table<Town>
                size="small"
                rowKey="regionCode"
                pagination={false}
                loading={all.loading}
                dataSource={counts?.byTown ?? []}
                onRow={(r) => ({ onClick: () => setParams(town === r.regionCode ? {} : { town: r.regionCode }, { replace: true }), style: { cursor: 'pointer', background: town === r.regionCode ? '#e8effa' : undefined } })}
                columns={[
                  { title: t('catalog.devolution.town'), dataIndex: 'regionName', render: (v: string | null, r) => v ?? r.regionCode },
                  { title: t('catalog.devolution.count'), dataIndex: 'total', width: 72, align: 'right' },
                  { title: t('catalog.devolution.approvalShort'), dataIndex: 'approvalService', width: 72, align: 'right' },
                  { title: t('catalog.devolution.penaltyShort'), dataIndex: 'penaltyOther', width: 72, align: 'right' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={15} style={{ minWidth: 0 }}>
            <Card
              size="small"
              title={town ? t('catalog.devolution.inTown', { town: counts?.byTown.find((x) => x.regionCode === town)?.regionName ?? town }) : t('catalog.devolution.allTowns')}
              extra={
                town && (
                  <Button size="small" onClick={() => setParams({}, { replace: true })}>
                    {t('catalog.devolution.showAll')}
                  </Button>
                )
              }
              styles={{ body: { padding: 0 } }}
            >
              {list.error ? (
                <LoadError error={list.error} onRetry={list.reload} />
              ) : (
                <Table<Devolution>
                  size="small"
                  rowKey="id"
                  loading={list.loading && list.rows.length === 0}
                  dataSource={list.rows}
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  data-testid="devolution-table"
                  columns={[
                    {
                      title: t('catalog.field.name'),
                      dataIndex: 'itemName',
                      render: (v: string, r) => (
                        <div style={{ minWidth: 180, maxWidth: 320 }} className="tb-wrap">
                          <Link to={`/items/${r.itemId}`}>{v}</Link>
                        </div>
                      ),
                    },
                    { title: t('catalog.devolution.town'), key: 'town', render: (_, r) => r.orgName ?? r.regionName ?? r.regionCode },
                    { title: t('catalog.devolution.field'), dataIndex: 'field' },
                    { title: t('catalog.devolution.from'), dataIndex: 'fromOrgName' },
                    { title: t('catalog.devolution.decisionNo'), dataIndex: 'decisionNo' },
                    { title: t('catalog.version.effectiveDate'), dataIndex: 'effectiveDate', width: 110 },
                    {
                      title: t('catalog.devolution.evaluation'),
                      key: 'eval',
                      render: (_, r) =>
                        r.lastResult ? (
                          <Space size={4}>
                            <Tag color={RESULT[r.lastResult].color}>{t(RESULT[r.lastResult].label)}</Tag>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {r.lastEvaluatedOn}
                            </Typography.Text>
                          </Space>
                        ) : (
                          <Typography.Text type="secondary">{t('catalog.devolution.notEvaluated')}</Typography.Text>
                        ),
                    },
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
          </Col>
        </Row>
      )}
    </PortalSection>
  );
}
