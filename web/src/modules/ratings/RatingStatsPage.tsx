import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { EChart } from '../../app/components/EChart.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useI18n } from '../../app/i18n/index.tsx';
import { ratingStats, type UnitStats } from './ratings.api.ts';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/** 好差评公示: the published figures per unit or window, a ranking table and a satisfaction bar chart. */
export function RatingStatsPage() {
  const { t } = useI18n();
  const [by, setBy] = useState<'unit' | 'window'>('unit');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const period = month ? month.format('YYYY-MM') : undefined;
  const remote = useRemote((s) => ratingStats({ by, period }, s), [by, period]);
  const units = useMemo(() => remote.data?.units ?? [], [remote.data]);
  const chartUnits = useMemo(() => units.filter((u) => u.ratings > 0).slice(0, 15), [units]);

  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('rating.stats.satisfaction'), t('rating.stats.ratingRate')] },
      grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: chartUnits.map((u) => u.unitName), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        { name: t('rating.stats.satisfaction'), type: 'bar', data: chartUnits.map((u) => u.satisfaction ?? 0), itemStyle: { color: '#389e0d' } },
        { name: t('rating.stats.ratingRate'), type: 'bar', data: chartUnits.map((u) => u.ratingRate ?? 0), itemStyle: { color: '#1677ff' } },
      ],
    }),
    [chartUnits, t],
  );

  const totals = remote.data?.totals;
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto', padding: '24px 16px' }}>
      <PageHeader
        title={t('rating.stats.title')}
        description={t('rating.stats.description')}
        extra={
          <Space wrap>
            <Segmented<'unit' | 'window'> value={by} onChange={setBy} options={[{ value: 'unit', label: t('rating.stats.byUnit') }, { value: 'window', label: t('rating.stats.byWindow') }]} />
            <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('rating.stats.allTime')} disabledDate={(d) => d.isAfter(dayjs())} aria-label={t('rating.stats.period')} />
          </Space>
        }
      />
      {remote.error ? (
        <LoadError error={remote.error} onRetry={remote.reload} />
      ) : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {[
              ['rating.stats.ratings', totals?.ratings ?? 0],
              ['rating.stats.ratingRate', pct(totals?.ratingRate ?? null)],
              ['rating.stats.satisfaction', pct(totals?.satisfaction ?? null)],
              ['rating.stats.bad', totals?.bad ?? 0],
              ['rating.stats.callbackRate', pct(totals?.callbackRate ?? null)],
              ['rating.stats.fixRate', pct(totals?.fixRate ?? null)],
            ].map(([k, v]) => (
              <Col key={k as string} xs={12} md={8} lg={4}>
                <Card size="small" loading={remote.loading}>
                  <Statistic title={t(k as 'rating.stats.ratings')} value={v as string | number} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card style={{ marginBottom: 16 }} title={`${t('rating.stats.satisfaction')} / ${t('rating.stats.ratingRate')}`}>
            <EChart option={option} height={Math.max(240, chartUnits.length * 36 + 60)} testId="rating-chart" />
          </Card>
          <Card>
            <Table<UnitStats>
              rowKey="unitId"
              size="middle"
              loading={remote.loading}
              dataSource={units}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 960 }}
              data-testid="rating-ranking"
              columns={[
                { title: t('rating.stats.rank'), dataIndex: 'rank', width: 64 },
                { title: t(by === 'unit' ? 'rating.stats.unit' : 'rating.stats.window'), dataIndex: 'unitName' },
                { title: t('rating.stats.completed'), dataIndex: 'completed', align: 'right' },
                { title: t('rating.stats.ratings'), dataIndex: 'ratings', align: 'right' },
                { title: t('rating.stats.ratingRate'), dataIndex: 'ratingRate', align: 'right', render: pct },
                { title: t('rating.stats.satisfaction'), dataIndex: 'satisfaction', align: 'right', render: pct },
                { title: t('rating.stats.average'), dataIndex: 'average', align: 'right', render: (v: number | null) => v ?? '—' },
                { title: t('rating.stats.bad'), dataIndex: 'bad', align: 'right' },
                { title: t('rating.stats.callbackRate'), dataIndex: 'callbackRate', align: 'right', render: pct },
                { title: t('rating.stats.fixRate'), dataIndex: 'fixRate', align: 'right', render: pct },
              ]}
            />
          </Card>
        </>
      )}
    </div>
  );
}
