import { useMemo } from 'react';
import { Empty } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../app/components/EChart.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { AXIS, PALETTE } from './charts.ts';
import type { Overview } from './command.api.ts';
import { labelOf } from './labels.ts';

const tooltip = { trigger: 'item', backgroundColor: 'rgba(6,21,46,0.92)', borderColor: '#3b8cff', textStyle: { color: '#e6f0ff' } };

function HorizontalBars({ rows, height, color, testId }: { rows: { name: string; value: number }[]; height: number; color: string; testId: string }) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      color: [color],
      tooltip: { ...tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...AXIS },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), ...AXIS, axisLabel: { color: '#dbe8ff', width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', data: rows.map((r) => r.value), barMaxWidth: 16, label: { show: true, position: 'right', color: '#fff' }, itemStyle: { borderRadius: [0, 4, 4, 0] } }],
    }),
    [rows, color],
  );
  return <EChart option={option} height={height} testId={testId} />;
}

/** Counts by status (workflow state) of the cases received in the period. */
export function StatusChart({ overview, height }: { overview: Overview; height: number }) {
  const { t } = useI18n();
  const rows = overview.byStatus.map((s) => ({ name: labelOf(t, 'state', s.key), value: s.count }));
  if (rows.length === 0) return <Empty description={t('cmd.empty')} />;
  return <HorizontalBars rows={rows} height={height} color="#3b8cff" testId="chart-status" />;
}

/** Counts by category, the ten largest. */
export function CategoryChart({ overview, height }: { overview: Overview; height: number }) {
  const { t } = useI18n();
  const rows = overview.byCategory.slice(0, 10).map((c) => ({ name: c.name, value: c.count }));
  if (rows.length === 0) return <Empty description={t('cmd.empty')} />;
  return <HorizontalBars rows={rows} height={height} color="#5be3a7" testId="chart-category" />;
}

/** Shares by source (grid patrol, hotline, public, …) as a ring. */
export function SourceChart({ overview, height }: { overview: Overview; height: number }) {
  const { t } = useI18n();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { ...tooltip, formatter: '{b}：{c}（{d}%）' },
      legend: { orient: 'vertical', right: 0, top: 'middle', textStyle: { color: '#dbe8ff' }, itemWidth: 10, itemHeight: 10 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '72%'],
          center: ['35%', '50%'],
          itemStyle: { borderColor: '#06152e', borderWidth: 2 },
          label: { show: false },
          data: overview.bySource.map((s) => ({ name: labelOf(t, 'source', s.key), value: s.count })),
        },
      ],
    }),
    [overview.bySource, t],
  );
  if (overview.bySource.length === 0) return <Empty description={t('cmd.empty')} />;
  return <EChart option={option} height={height} testId="chart-source" />;
}
