import { Table, Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { orgLevelKey } from '../../../modules/org/orgLabels.tsx';
import type { OrgSummary } from '../../../modules/org/org.types.ts';

/** Every centre with its tier, region and head count; click a row to select it. */
export function CentreTable({ centres, people, selected, onSelect }: { centres: OrgSummary[]; people: Map<number, number>; selected?: number; onSelect(id: number): void }) {
  const { t } = useI18n();
  return (
    <Table<OrgSummary>
      rowKey="id"
      size="small"
      dataSource={centres}
      pagination={centres.length > 12 ? { pageSize: 12, showSizeChanger: false, size: 'small' } : false}
      scroll={{ x: 560 }}
      onRow={(r) => ({ onClick: () => onSelect(r.id), style: { cursor: 'pointer', background: r.id === selected ? 'rgba(245,179,1,0.12)' : undefined } })}
      columns={[
        { title: t('org.name'), dataIndex: 'name' },
        { title: t('command.tier'), dataIndex: 'level', width: 130, render: (v: OrgSummary['level']) => <Tag color="blue">{t(orgLevelKey(v))}</Tag> },
        { title: t('org.region'), dataIndex: 'regionName', width: 140 },
        { title: t('command.people'), key: 'people', width: 90, align: 'right', render: (_, r) => people.get(r.id) ?? 0 },
      ]}
    />
  );
}
