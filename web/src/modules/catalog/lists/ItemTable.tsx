import type { ReactNode } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useBilingual, useI18n } from '../../../app/i18n/index.tsx';
import type { ItemSummary } from '../catalog.types.ts';
import { LEVEL_LABEL, daysText, labelOf } from '../labels.ts';

/** A table of catalog items: code, name (to the guide), type, body, level, limits, version (to its history). */
export function ItemTable({
  rows,
  loading,
  hasMore,
  onMore,
  actions,
  testId = 'item-table',
}: {
  rows: ItemSummary[];
  loading: boolean;
  hasMore: boolean;
  onMore(): void;
  actions?: (item: ItemSummary) => ReactNode;
  testId?: string;
}) {
  const { t } = useI18n();
  const bi = useBilingual();
  return (
    <>
      <Table<ItemSummary>
        rowKey="id"
        size="middle"
        loading={loading && rows.length === 0}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        columns={[
          {
            title: t('catalog.field.implCode'),
            dataIndex: 'implCode',
            width: 150,
            render: (v: string) => (
              <Typography.Text style={{ fontSize: 12, display: 'block', maxWidth: 150, wordBreak: 'break-all' }}>{v}</Typography.Text>
            ),
          },
          {
            title: t('catalog.field.name'),
            key: 'name',
            render: (_, i) => (
              <div style={{ minWidth: 180, maxWidth: 360 }} className="tb-wrap">
                <Link to={`/items/${i.id}`}>{i.name}</Link>
                {i.subItemName && (
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {i.subItemName}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          { title: t('catalog.field.itemType'), key: 'type', width: 110, render: (_, i) => <Tag color={i.kind === 'power' ? 'blue' : 'green'}>{bi(i.typeLabel.zh, i.typeLabel.en)}</Tag> },
          { title: t('catalog.field.implementingBody'), key: 'org', render: (_, i) => <div style={{ minWidth: 120, maxWidth: 200 }}>{i.org.name}</div> },
          { title: t('catalog.field.level'), dataIndex: 'level', width: 80, render: (v: ItemSummary['level']) => labelOf(LEVEL_LABEL, v, t) },
          { title: t('catalog.list.statutory'), dataIndex: 'statutoryDays', width: 110, render: (v: number | null) => daysText(v, t) },
          { title: t('catalog.list.promised'), dataIndex: 'promisedDays', width: 110, render: (v: number | null) => daysText(v, t) },
          {
            title: t('catalog.list.version'),
            key: 'version',
            width: 96,
            render: (_, i) => (
              <Link to={`/items/${i.id}/history`} data-testid="item-history-link">
                {t('catalog.version.nth', { n: i.currentVersion })}
              </Link>
            ),
          },
          ...(actions ? [{ title: t('common.actions'), key: 'actions', width: 150, fixed: 'right' as const, render: (_: unknown, i: ItemSummary) => actions(i) }] : []),
        ]}
      />
      {hasMore && (
        <Flex justify="center" style={{ padding: 12 }}>
          <Button onClick={onMore} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  );
}
