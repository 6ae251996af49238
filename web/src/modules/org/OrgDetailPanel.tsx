import { Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { LoadError } from '../../app/components/LoadError.tsx';
import { getOrg } from './org.api.ts';
import { ORG_TYPE_COLORS, orgLevelKey, orgTypeKey } from './orgLabels.tsx';
import { StaffingFigures } from './StaffingFigures.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import type { OrgSummary } from './org.types.ts';

/** One organisation: identity, staffing, sub-organisations and people. */
export function OrgDetailPanel({ orgId, onSelect }: { orgId: number; onSelect(id: number): void }) {
  const { t } = useI18n();
  const org = useRemote((signal) => getOrg(orgId, signal), [orgId]);

  if (org.error) return <LoadError error={org.error} onRetry={org.reload} />;
  const o = org.data;
  if (!o || o.id !== orgId) return <Card><Skeleton active paragraph={{ rows: 8 }} /></Card>;

  const children = (
    <Table<OrgSummary>
      rowKey="id"
      size="small"
      dataSource={o.children}
      pagination={o.children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 520 }}
      locale={{ emptyText: t('org.children.empty') }}
      columns={[
        { title: t('org.name'), dataIndex: 'name', render: (v: string, r) => <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onSelect(r.id)}>{v}</Button> },
        { title: t('org.typeLabel'), dataIndex: 'type', render: (v: OrgSummary['type']) => <Tag color={ORG_TYPE_COLORS[v]}>{t(orgTypeKey(v))}</Tag> },
        { title: t('org.region'), dataIndex: 'regionName' },
      ]}
    />
  );

  return (
    <Card
      title={
        <Space wrap size={8}>
          <span data-testid="org-name">{o.name}</span>
          <Tag color={ORG_TYPE_COLORS[o.type]}>{t(orgTypeKey(o.type))}</Tag>
          {!o.active && <Tag>{t('org.inactive')}</Tag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, xl: 3 }}
        items={[
          { key: 'code', label: t('org.code'), children: o.code },
          { key: 'uscc', label: t('ids.uscc'), children: o.uscc ?? '—' },
          { key: 'region', label: t('org.region'), children: `${o.regionName}（${o.regionCode}）` },
          { key: 'level', label: t('org.levelLabel'), children: t(orgLevelKey(o.level)) },
          {
            key: 'parent',
            label: t('org.parent'),
            children: o.parent ? (
              <Typography.Link onClick={() => onSelect(o.parent!.id)}>{o.parent.name}</Typography.Link>
            ) : (
              '—'
            ),
          },
          { key: 'people', label: t('org.people'), children: t('org.peopleCount', { direct: o.peopleCount, subtree: o.peopleCountSubtree }) },
        ]}
      />
      <Tabs
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'staffing',
            label: t('org.tab.staffing'),
            children: o.staffing ? <StaffingFigures orgId={o.id} staffing={o.staffing} editable={o.actions.editStaffing} onSaved={org.reload} /> : <Empty description={t('staffing.none')} />,
          },
          { key: 'children', label: `${t('org.tab.children')} (${o.children.length})`, children },
          { key: 'people', label: `${t('org.tab.people')} (${o.peopleCount})`, children: <PeopleTable orgId={o.id} /> },
        ]}
      />
    </Card>
  );
}
