import type { ChartData } from '../service/reply/reply-model.js';
import { barChartSvg } from './bar-svg.js';
import { NOTO_SANS_SC } from './chart-font.js';
import { lineChartSvg } from './line-svg.js';

/** ChartData → a standalone SVG document (bar: horizontal bars; line: trend over years); `family` names the loaded font. */
export function chartSvg(chart: ChartData, family: string = NOTO_SANS_SC): string {
  return chart.kind === 'line' ? lineChartSvg(chart, family) : barChartSvg(chart, family);
}
