/** ECharts parts the command screen draws with (registered once, on top of app/components/EChart.tsx's). */
import * as echarts from 'echarts/core';
import { BarChart, EffectScatterChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([MapChart, EffectScatterChart, PieChart, BarChart, GeoComponent, VisualMapComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

/** Colours of the wall. */
export const PALETTE = ['#3b8cff', '#5be3a7', '#f5b301', '#ff7a45', '#b37feb', '#36cfc9', '#ff5b4f', '#9cc3ff', '#ffd666', '#69b1ff'];
export const AXIS = { axisLine: { lineStyle: { color: 'rgba(156,195,255,0.4)' } }, axisLabel: { color: '#9cc3ff' }, splitLine: { lineStyle: { color: 'rgba(156,195,255,0.1)' } } };
