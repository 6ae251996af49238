import { Progress, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import type { StaffingRow, StaffingTotals } from './staffing.ts';

const pct = (a: number, q: number) => (q > 0 ? Math.round((a / q) * 100) : 0);

/** Staffing of the organisations under one parent, with a totals row. */
export function StaffingTable({ rows, totals, onOpen }: { rows: StaffingRow[]; totals: StaffingTotals; onOpen(id: number): void }) {
  const { t } = useI18n();
  return (
    <Table<StaffingRow>
      rowKey="id"
      size="middle"
      dataSource={rows}
      pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
      scroll={{ x: 860 }}
      data-testid="staffing-table"
      columns={[
        { title: t('org.name'), dataIndex: 'name', width: 200, render: (v: string, r) => <Typography.Link onClick={() => onOpen(r.id)}>{v}</Typography.Link> },
        { title: t('staffing.quota'), key: 'quota', align: 'right', render: (_, r) => r.staffing?.quota ?? '—', sorter: (a, b) => (a.staffing?.quota ?? 0) - (b.staffing?.quota ?? 0) },
        { title: t('staffing.actual'), key: 'actual', align: 'right', render: (_, r) => r.staffing?.actual ?? '—', sorter: (a, b) => (a.staffing?.actual ?? 0) - (b.staffing?.actual ?? 0) },
        { title: t('staffing.vacancies'), key: 'vac', align: 'right', render: (_, r) => r.staffing?.vacancies ?? '—' },
        {
          title: t('staffing.usage'),
          key: 'usage',
          width: 160,
          render: (_, r) => (r.staffing && r.staffing.quota > 0 ? <Progress size="small" percent={Math.min(pct(r.staffing.actual, r.staffing.quota), 100)} format={() => `${pct(r.staffing!.actual, r.staffing!.quota)}%`} status={r.staffing.overQuota ? 'exception' : 'normal'} /> : '—'),
        },
        { title: t('staffing.leaders'), key: 'lead', align: 'right', render: (_, r) => (r.staffing ? `${r.staffing.leaderActual} / ${r.staffing.leaderQuota}` : '—') },
        { title: t('staffing.internalUnits'), key: 'units', align: 'right', render: (_, r) => r.staffing?.internalUnits ?? '—' },
        {
          title: t('staffing.status'),
          key: 'status',
          render: (_, r) =>
            !r.staffing ? (
              <Tag>{t('staffing.none')}</Tag>
            ) : r.staffing.overQuota || r.staffing.overLeadership ? (
              <>
                {r.staffing.overQuota && <Tag color="error">{t('staffing.tag.overQuota')}</Tag>}
                {r.staffing.overLeadership && <Tag color="error">{t('staffing.tag.overLeadership')}</Tag>}
              </>
            ) : (
              <Tag color="success">{t('staffing.tag.ok')}</Tag>
            ),
        },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row style={{ background: '#fafbfc', fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>{t('staffing.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">{totals.quota}</Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">{totals.actual}</Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">{totals.vacancies}</Table.Summary.Cell>
            <Table.Summary.Cell index={4}>{totals.quota > 0 ? `${pct(totals.actual, totals.quota)}%` : '—'}</Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">{`${totals.leaderActual} / ${totals.leaderQuota}`}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">{totals.internalUnits}</Table.Summary.Cell>
            <Table.Summary.Cell index={7}>{totals.over > 0 ? t('staffing.overCount', { n: totals.over }) : ''}</Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}
