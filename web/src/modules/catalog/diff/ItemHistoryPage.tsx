import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { formatInstant } from '../../../app/format.ts';
import { useRemote } from '../../../app/hooks/useRemote.ts';
import { useI18n } from '../../../app/i18n/index.tsx';
import { getItem, listVersions } from '../catalog.api.ts';
import type { Version } from '../catalog.types.ts';
import { CHANGE_LABEL, labelOf } from '../labels.ts';
import { PortalSection } from '../portal/PortalSection.tsx';

/** Every published version of an item with its approval document and effective date; compare any two. */
export function ItemHistoryPage() {
  const { id } = useParams();
  const itemId = Number(id);
  const { t } = useI18n();
  const navigate = useNavigate();
  const item = useRemote((signal) => getItem(itemId, signal), [itemId]);
  const versions = useRemote((signal) => listVersions(itemId, signal), [itemId]);
  const [pick, setPick] = useState<{ from?: number; to?: number }>({});
  const rows = versions.data?.items ?? [];
  const name = item.data?.name ?? t('catalog.guide.title');
  const options = rows.map((v) => ({ value: v.versionNo, label: t('catalog.version.nthDated', { n: v.versionNo, date: v.effectiveDate }) }));
  const from = pick.from ?? rows[1]?.versionNo;
  const to = pick.to ?? rows[0]?.versionNo;

  return (
    <PortalSection
      title={t('catalog.history.title', { name })}
      description={t('catalog.history.description')}
      crumbs={[{ title: t('catalog.nav.powerList'), to: '/lists/power' }, { title: name, to: `/items/${itemId}` }, { title: t('catalog.guide.history') }]}
    >
      {versions.error ? (
        <LoadError error={versions.error} onRetry={versions.reload} />
      ) : (
        <>
          {rows.length > 1 && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <Space wrap>
                <Typography.Text>{t('catalog.history.compare')}</Typography.Text>
                <Select style={{ width: 220 }} value={from} options={options} onChange={(v: number) => setPick((p) => ({ ...p, from: v }))} data-testid="history-from" />
                <Typography.Text type="secondary">→</Typography.Text>
                <Select style={{ width: 220 }} value={to} options={options} onChange={(v: number) => setPick((p) => ({ ...p, to: v }))} data-testid="history-to" />
                <Button type="primary" icon={<DiffOutlined />} disabled={!from || !to || from === to} onClick={() => navigate(`/items/${itemId}/diff?from=${from}&to=${to}`)} data-testid="history-compare">
                  {t('catalog.history.compareButton')}
                </Button>
              </Space>
            </Card>
          )}
          <Card styles={{ body: { padding: 0 } }}>
            <Table<Version>
              rowKey="versionNo"
              loading={versions.loading && rows.length === 0}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="history-table"
              columns={[
                {
                  title: t('catalog.version.no'),
                  dataIndex: 'versionNo',
                  width: 132,
                  render: (n: number) => (
                    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                      {t('catalog.version.nth', { n })}
                      {n === versions.data?.currentVersion && <Tag color="blue">{t('catalog.version.current')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('catalog.version.change'), dataIndex: 'change', width: 88, render: (c: Version['change']) => labelOf(CHANGE_LABEL, c, t) },
                { title: t('catalog.version.approvalDocNo'), dataIndex: 'approvalDocNo' },
                { title: t('catalog.version.effectiveDate'), dataIndex: 'effectiveDate', width: 112 },
                { title: t('catalog.version.publishedAt'), dataIndex: 'publishedAt', width: 150, render: (v: string) => formatInstant(v) },
                { title: t('catalog.version.reason'), dataIndex: 'reason', render: (v: string | null) => <div style={{ minWidth: 160, maxWidth: 320 }}>{v ?? '—'}</div> },
                {
                  title: t('common.actions'),
                  key: 'diff',
                  width: 120,
                  render: (_, v) =>
                    v.versionNo > 1 ? (
                      <Link to={`/items/${itemId}/diff?from=${v.versionNo - 1}&to=${v.versionNo}`} data-testid={`history-diff-${v.versionNo}`}>
                        {t('catalog.history.diffPrevious')}
                      </Link>
                    ) : (
                      <Typography.Text type="secondary">{t('catalog.history.first')}</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </PortalSection>
  );
}
