import type { ReactNode } from 'react';
import { Button, Card, Empty, Flex, Grid, Table, Typography } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { formatInstant } from '../../app/format.ts';
import type { CaseSummary } from './cases.api.ts';
import { DueTag, StateTag, UrgencyTag } from './CaseTags.tsx';
import { RoutingCard } from './RoutingCard.tsx';
import { sourceLabel } from './labels.ts';

/**
 * Cases as a table on wide screens and as cards on phones. `unit` picks the
 * unit column: the routing suggestion (dispatcher) or the handling unit.
 */
export function CaseList({
  items,
  loading,
  onOpen,
  unit = 'lead',
  more,
  onMore,
  testId = 'case-list',
  extra,
}: {
  items: CaseSummary[];
  loading?: boolean;
  onOpen(c: CaseSummary): void;
  unit?: 'suggestion' | 'lead' | 'none';
  more?: boolean;
  onMore?: () => void;
  testId?: string;
  extra?: (c: CaseSummary) => ReactNode;
}) {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const moreButton = more && onMore && (
    <Flex justify="center" style={{ marginTop: 12 }}>
      <Button onClick={onMore}>{t('cases.list.more')}</Button>
    </Flex>
  );

  if (!screens.md) {
    return (
      <div data-testid={testId}>
        {items.length === 0 && !loading && <Empty description={t('cases.list.empty')} />}
        <Flex vertical gap={10}>
          {items.map((c) => (
            <Card key={c.id} size="small" hoverable onClick={() => onOpen(c)} data-testid="case-row" data-case-no={c.caseNo} styles={{ body: { padding: 12 } }}>
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text strong>{c.category.name}</Typography.Text>
                <StateTag state={c.state} label={c.stateLabel} />
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
                {c.description}
              </Typography.Paragraph>
              <Flex gap={6} wrap align="center" style={{ fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.caseNo}
                </Typography.Text>
                <UrgencyTag urgency={c.urgency} />
                <DueTag dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} />
              </Flex>
              {c.location.address && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.location.address}
                </Typography.Text>
              )}
              {extra?.(c)}
            </Card>
          ))}
        </Flex>
        {moreButton}
      </div>
    );
  }

  return (
    <div data-testid={testId}>
      <Table<CaseSummary>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('cases.list.empty')} /> }}
        onRow={(c) => ({ onClick: () => onOpen(c), style: { cursor: 'pointer' }, 'data-testid': 'case-row', 'data-case-no': c.caseNo }) as never}
        columns={[
          { title: t('cases.list.caseNo'), dataIndex: 'caseNo', width: 200, render: (v: string) => <Typography.Link>{v}</Typography.Link> },
          {
            title: t('cases.list.category'),
            render: (_, c) => (
              <span>
                {c.category.name}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {sourceLabel(t, c.source)}
                </Typography.Text>
              </span>
            ),
          },
          { title: t('cases.list.description'), dataIndex: 'description', ellipsis: true },
          {
            title: t('cases.list.state'),
            width: 170,
            render: (_, c) => (
              <Flex gap={4} wrap>
                <StateTag state={c.state} label={c.stateLabel} />
                <UrgencyTag urgency={c.urgency} />
                {c.pendingExtension && <Typography.Text type="warning">{t('cases.list.extension')}</Typography.Text>}
              </Flex>
            ),
          },
          { title: t('cases.list.due'), width: 190, render: (_, c) => (c.dueAt ? <DueTag dueAt={c.dueAt} overdue={c.overdue} closed={!!c.closedAt} /> : '—') },
          ...(unit === 'none'
            ? []
            : [
                {
                  title: unit === 'suggestion' ? t('cases.list.suggestion') : t('cases.list.lead'),
                  width: 240,
                  render: (_: unknown, c: CaseSummary) =>
                    unit === 'suggestion' ? (
                      c.leadOrg ? (
                        c.leadOrg.name
                      ) : (
                        <RoutingCard c={c} compact />
                      )
                    ) : (
                      (c.leadOrg?.name ?? '—')
                    ),
                },
              ]),
          { title: t('cases.list.reportedAt'), width: 150, render: (_, c) => formatInstant(c.reportedAt) },
        ]}
      />
      {moreButton}
    </div>
  );
}
