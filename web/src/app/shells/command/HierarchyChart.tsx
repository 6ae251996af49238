import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { EChart } from '../../components/EChart.tsx';
import type { CentreNode } from './commandTree.ts';

interface Datum {
  name: string;
  value: number;
  id: number;
  children: Datum[];
  itemStyle?: { color: string; borderColor: string };
  label?: { color: string; fontWeight?: number };
}

const toData = (nodes: CentreNode[], selected?: number): Datum[] =>
  nodes.map((n) => ({
    name: n.org.shortName ?? n.org.name,
    value: n.people,
    id: n.org.id,
    children: toData(n.children, selected),
    ...(n.org.id === selected ? { itemStyle: { color: '#f5b301', borderColor: '#f5b301' }, label: { color: '#f5b301', fontWeight: 600 } } : {}),
  }));

const countLeaves = (nodes: CentreNode[]): number => nodes.reduce((s, n) => s + (n.children.length ? countLeaves(n.children) : 1), 0);

/** The command hierarchy as a left-to-right tree; click a centre to select it. */
export function HierarchyChart({ roots, selected, onSelect, peopleLabel }: { roots: CentreNode[]; selected?: number; onSelect(id: number): void; peopleLabel: string }) {
  const option = useMemo<EChartsCoreOption>(() => {
    const data = toData(roots, selected);
    const root: Datum = data.length === 1 ? data[0] : { name: '', value: 0, id: 0, children: data };
    return {
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => (p.name ? `${p.name}<br/>${peopleLabel}：${p.value}` : '') },
      series: [
        {
          type: 'tree',
          data: [root],
          orient: 'LR',
          left: 150,
          right: 200,
          top: 16,
          bottom: 16,
          symbol: 'circle',
          symbolSize: 10,
          initialTreeDepth: 3,
          expandAndCollapse: false,
          roam: false,
          itemStyle: { color: '#3b8cff', borderColor: '#9cc3ff' },
          lineStyle: { color: 'rgba(120,170,255,0.55)', width: 1.2, curveness: 0.5 },
          label: { position: 'left', verticalAlign: 'middle', align: 'right', color: '#dbe8ff', fontSize: 13, distance: 8 },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          emphasis: { focus: 'ancestor' },
          animationDuration: 400,
        },
      ],
    };
  }, [roots, selected, peopleLabel]);
  const height = Math.max(360, countLeaves(roots) * 26 + 40);
  return <EChart option={option} height={height} onClick={(d) => d && (d as Datum).id && onSelect((d as Datum).id)} testId="hierarchy-chart" />;
}
