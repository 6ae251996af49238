import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../app/components/EChart.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { BRAND_BLUE } from '../../app/theme.ts';
import type { StaffingRow } from './staffing.ts';

/** Quota against actual headcount per organisation (horizontal bars, largest quota first). */
export function StaffingChart({ rows }: { rows: StaffingRow[] }) {
  const { t } = useI18n();
  const data = useMemo(() => rows.filter((r) => r.staffing).sort((a, b) => (a.staffing!.quota - b.staffing!.quota)).slice(-20), [rows]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: [t('staffing.quota'), t('staffing.actual')] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.map((r) => r.name), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [
        { name: t('staffing.quota'), type: 'bar', data: data.map((r) => r.staffing!.quota), itemStyle: { color: '#c7d7f0' }, barGap: '-100%', barWidth: 14 },
        {
          name: t('staffing.actual'),
          type: 'bar',
          data: data.map((r) => ({ value: r.staffing!.actual, itemStyle: { color: r.staffing!.overQuota ? '#d92d20' : BRAND_BLUE } })),
          barWidth: 8,
        },
      ],
    }),
    [data, t],
  );
  return <EChart option={option} height={Math.max(220, data.length * 28 + 60)} testId="staffing-chart" />;
}
