import { useEffect, useMemo, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './charts.ts';
import type { Density, GridCollection, GridFeature } from './command.api.ts';

type Ring = [number, number][];

/** A point to put a grid's marker on: the middle of its largest outer ring's bounding box. */
function markerPoint(f: GridFeature): [number, number] {
  const polys: Ring[][] = f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]);
  let best: Ring = polys[0]?.[0] ?? [];
  let bestArea = -1;
  for (const p of polys) {
    const ring = p[0] ?? [];
    const xs = ring.map((c) => c[0]);
    const ys = ring.map((c) => c[1]);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (area > bestArea) {
      bestArea = area;
      best = ring;
    }
  }
  const xs = best.map((c) => c[0]);
  const ys = best.map((c) => c[1]);
  // above the middle, so the marker does not cover the grid's name
  return [(Math.min(...xs) + Math.max(...xs)) / 2, Math.min(...ys) + (Math.max(...ys) - Math.min(...ys)) * 0.72];
}

export interface GridMapLabels {
  open: string;
  overdue: string;
  legend: string;
}

/**
 * The grids of one drill-down level drawn from GeoJSON (echarts.registerMap:
 * no map tiles, works offline), coloured by open cases, with a pulsing
 * marker on every grid that has overdue cases. Clicking a grid calls onPick.
 */
export function GridMap({
  mapKey,
  shapes,
  density,
  selected,
  labels,
  height,
  onPick,
}: {
  mapKey: string;
  shapes: GridCollection;
  density: Density | undefined;
  selected?: string;
  labels: GridMapLabels;
  height: number | string;
  onPick(feature: GridFeature): void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const byCode = useMemo(() => new Map(shapes.features.map((f) => [f.properties.code, f])), [shapes]);
  const byCodeRef = useRef(byCode);
  byCodeRef.current = byCode;

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const data = p.data as { code?: string } | undefined;
      const code = data?.code ?? p.name;
      const f = code ? byCodeRef.current.get(code) : undefined;
      if (f) pickRef.current(f);
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  const option = useMemo<EChartsCoreOption>(() => {
    const name = `tb-grids-${mapKey}`;
    // the features are registered under their codes (unique), names are shown through the lookup
    echarts.registerMap(name, {
      type: 'FeatureCollection',
      features: shapes.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.code } })),
    } as never);
    const counts = new Map((density?.grids ?? []).map((g) => [g.code, g]));
    const max = Math.max(1, density?.max ?? 0);
    const data = shapes.features.map((f) => {
      const g = counts.get(f.properties.code);
      return {
        name: f.properties.code,
        code: f.properties.code,
        label: f.properties.name,
        value: g?.open ?? 0,
        overdue: g?.overdue ?? 0,
        ...(f.properties.code === selected ? { itemStyle: { borderColor: '#f5b301', borderWidth: 3 } } : {}),
      };
    });
    const markers = shapes.features
      .map((f) => ({ f, g: counts.get(f.properties.code) }))
      .filter((x) => (x.g?.overdue ?? 0) > 0)
      .map(({ f, g }) => ({ name: f.properties.name, code: f.properties.code, value: [...markerPoint(f), g?.overdue ?? 0] }));
    const maxOverdue = Math.max(1, ...markers.map((m) => m.value[2]));
    const nameOf = (code: string) => byCode.get(code)?.properties.name ?? code;
    // on the map the town grids are named like their towns: "华士镇网格" → "华士镇"
    const shortName = (code: string) => nameOf(code).replace(/网格$/, '').replace(/^江阴/, '');
    const showLabels = shapes.features.length <= 40;
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; data?: { code?: string; value?: number | number[]; overdue?: number } }) => {
          const code = p.data?.code ?? p.name;
          const g = counts.get(code);
          return `${nameOf(code)}<br/>${labels.open}：${g?.open ?? 0}<br/>${labels.overdue}：${g?.overdue ?? 0}`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max,
        seriesIndex: 0,
        left: 12,
        bottom: 12,
        itemHeight: 110,
        text: [String(max), '0'],
        textStyle: { color: '#9cc3ff' },
        inRange: { color: ['#123a6b', '#1f6fd1', '#3fb1e3', '#f5b301', '#ff5b4f'] },
        calculable: false,
      },
      geo: {
        map: name,
        roam: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: '95%',
        label: { show: showLabels, color: '#e6f0ff', fontSize: shapes.features.length > 20 ? 11 : 13, formatter: (p: { name: string }) => shortName(p.name) },
        itemStyle: { areaColor: '#123a6b', borderColor: 'rgba(156,195,255,0.65)', borderWidth: 1 },
        emphasis: { label: { show: true, color: '#fff' }, itemStyle: { areaColor: '#3b8cff' } },
        select: { disabled: true },
      },
      series: [
        { type: 'map', geoIndex: 0, data },
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          data: markers,
          symbolSize: (v: number[]) => 8 + Math.round((v[2] / maxOverdue) * 14),
          rippleEffect: { brushType: 'stroke', scale: 3 },
          itemStyle: { color: '#ff4d4f', shadowBlur: 8, shadowColor: '#ff4d4f' },
          label: { show: true, formatter: (p: { value: number[] }) => String(p.value[2]), color: '#fff', fontWeight: 600, fontSize: 11 },
          zlevel: 1,
        },
      ],
    };
  }, [mapKey, shapes, density, selected, labels, byCode]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} style={{ width: '100%', height }} data-testid="grid-map" data-level={mapKey} />;
}
