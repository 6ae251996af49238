import { useState } from 'react';
import { Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../app/i18n/index.tsx';
import type { DepartmentRanking, Overview, TownRanking } from './command.api.ts';
import { percent, score } from './labels.ts';

type Row = (TownRanking | DepartmentRanking) & { key: string };

const medal = (rank: number | null) => {
  if (rank === null) return '—';
  const colours = ['#f5b301', '#c0c7d6', '#d48a4c'];
  return <span style={{ display: 'inline-block', minWidth: 24, textAlign: 'center', fontWeight: 600, color: rank <= 3 ? '#06152e' : '#dbe8ff', background: rank <= 3 ? colours[rank - 1] : 'transparent', borderRadius: 10 }}>{rank}</span>;
};

/** Town and department rankings by composite score (DOMAIN §5), with on-time, rework and extension rates and what is open and overdue now. */
export function RankingTable({ overview, compact, height, onTown }: { overview: Overview; compact?: boolean; height?: number; onTown?(regionCode: string): void }) {
  const { t } = useI18n();
  const [tab, setTab] = useState<'towns' | 'departments'>('towns');
  const rows: Row[] = tab === 'towns' ? overview.towns.map((r) => ({ ...r, key: r.regionCode })) : overview.departments.map((r) => ({ ...r, key: String(r.orgId) }));
  const columns: ColumnsType<Row> = [
    { title: t('cmd.col.rank'), dataIndex: 'rank', width: 58, align: 'center', render: medal },
    { title: t('cmd.col.name'), dataIndex: 'name', ellipsis: true },
    { title: t('cmd.col.score'), dataIndex: 'score', width: 78, align: 'right', render: (v: number | null) => <b style={{ color: '#f5b301' }}>{score(v)}</b> },
    ...(compact ? [] : [{ title: t('cmd.col.received'), dataIndex: 'received', width: 64, align: 'right' as const }]),
    ...(compact
      ? []
      : [
          { title: t('cmd.col.onTime'), dataIndex: 'onTimeRate', width: 92, align: 'right' as const, render: percent },
          { title: t('cmd.col.rework'), dataIndex: 'reworkRate', width: 72, align: 'right' as const, render: percent },
          { title: t('cmd.col.extension'), dataIndex: 'extensionRate', width: 72, align: 'right' as const, render: percent },
          { title: t('cmd.col.open'), dataIndex: 'open', width: 60, align: 'right' as const },
        ]),
    { title: t('cmd.col.overdue'), dataIndex: 'overdue', width: 60, align: 'right', render: (v: number) => <span style={{ color: v > 0 ? '#ff7875' : undefined }}>{v}</span> },
  ];
  return (
    <div data-testid="ranking">
      <Segmented
        size="small"
        value={tab}
        onChange={(v) => setTab(v as 'towns' | 'departments')}
        options={[
          { label: t('cmd.ranking.towns'), value: 'towns' },
          { label: t('cmd.ranking.departments'), value: 'departments' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<Row>
        size="small"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ y: height ?? (compact ? 300 : 520) }}
        locale={{ emptyText: t('cmd.empty') }}
        onRow={(r) => ({ onClick: () => tab === 'towns' && onTown?.(r.key), style: { cursor: tab === 'towns' && onTown ? 'pointer' : undefined } })}
        data-testid={`ranking-${tab}`}
      />
    </div>
  );
}
