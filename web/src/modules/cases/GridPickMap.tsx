import { useEffect, useMemo, useRef } from 'react';
import * as echarts from 'echarts/core';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { BRAND_BLUE } from '../../app/theme.ts';
import type { GridCollection } from './cases.api.ts';
import { round6 } from './geo.ts';

echarts.use([MapChart, ScatterChart, GeoComponent, TooltipComponent, CanvasRenderer]);

let mapSerial = 0;

/**
 * Grid outlines drawn from GeoJSON (no map tiles, works offline); tapping
 * anywhere on them picks that point. The picked point is shown as a pin.
 */
export function GridPickMap({
  shapes,
  value,
  onPick,
  height = 260,
  testId,
}: {
  shapes: GridCollection;
  value?: { lng: number; lat: number } | null;
  onPick(point: { lng: number; lat: number }): void;
  height?: number;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const mapName = useMemo(() => {
    const name = `tb-pick-${++mapSerial}`;
    echarts.registerMap(name, {
      type: 'FeatureCollection',
      features: shapes.features.map((f) => ({ ...f, properties: { ...f.properties, name: f.properties.code } })),
    } as never);
    return name;
  }, [shapes]);
  const names = useMemo(() => new Map(shapes.features.map((f) => [f.properties.code, f.properties.name])), [shapes]);
  /** Short labels on the map: without the "网格" suffix, long names cut to five characters (the tooltip has the full name). */
  const short = useMemo(
    () =>
      new Map(
        shapes.features.map((f) => {
          const n = f.properties.name.replace(/网格$/, '');
          return [f.properties.code, n.length > 5 ? `${n.slice(0, 4)}…` : n];
        }),
      ),
    [shapes],
  );

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.getZr().on('click', (e: { offsetX: number; offsetY: number }) => {
      const pt = c.convertFromPixel({ geoIndex: 0 }, [e.offsetX, e.offsetY]) as number[] | undefined;
      if (pt && Number.isFinite(pt[0]) && Number.isFinite(pt[1])) pickRef.current({ lng: round6(pt[0]), lat: round6(pt[1]) });
    });
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { name: string }) => names.get(p.name) ?? p.name },
      geo: {
        map: mapName,
        roam: false,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        selectedMode: false,
        label: { show: shapes.features.length <= 30, formatter: (p: { name: string }) => short.get(p.name) ?? p.name, fontSize: 10, color: '#3c4a60' },
        itemStyle: { areaColor: '#eaf1fb', borderColor: '#8fb1e3', borderWidth: 1 },
        emphasis: { itemStyle: { areaColor: '#d3e3fa' }, label: { show: true, formatter: (p: { name: string }) => names.get(p.name) ?? p.name } },
      },
      series: [
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbol: 'pin',
          symbolSize: 30,
          itemStyle: { color: BRAND_BLUE },
          data: value ? [[value.lng, value.lat]] : [],
          silent: true,
        },
      ],
    }),
    [mapName, names, short, shapes.features.length, value],
  );

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={el} style={{ width: '100%', height, touchAction: 'manipulation' }} data-testid={testId} />;
}
