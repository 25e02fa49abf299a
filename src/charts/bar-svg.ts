import type { ChartData } from '../service/reply/reply-model.js';
import { CHART_WIDTH, PAD, THEME, chartFooter, chartHeader, px, svgDocument } from './chart-frame.js';
import { escapeXml, textWidth, truncateLabel, valueLabel } from './svg-text.js';

/** Height of one bar row and of the bar inside it, px. */
const ROW = 60;
const BAR = 38;
/** Width of the hatched slot that stands for a missing value. */
const MISSING_SLOT = 120;

const HATCH =
  '<pattern id="hatch" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  `<rect width="10" height="10" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="10" stroke="${THEME.missing}" stroke-width="3"/></pattern>`;

/** Points sorted by value, largest first, missing values last (stable otherwise). */
export function sortForBars(points: ChartData['points']): ChartData['points'] {
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.value ?? -Infinity) - (a.p.value ?? -Infinity) || a.i - b.i)
    .map((x) => x.p);
}

/** Horizontal bar chart: labels on the left, values at the bar ends, hatched “无数据” slots; height grows with the bars. */
export function barChartSvg(chart: ChartData, family: string): string {
  const points = sortForBars(chart.points);
  const header = chartHeader(chart);
  const inner = CHART_WIDTH - 2 * PAD;
  const labelWidth = Math.min(inner * 0.42, Math.max(160, ...points.map((p) => textWidth(p.label, THEME.labelSize))));
  const x0 = PAD + labelWidth + 16;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const valueRoom = Math.max(MISSING_SLOT, ...values.map((v) => textWidth(valueLabel(v, chart.unit), THEME.valueSize))) + 14;
  const plotWidth = CHART_WIDTH - PAD - valueRoom - x0;
  const top = header.bottom + 20;
  const body: string[] = [header.svg];

  points.forEach((p, i) => {
    const mid = top + i * ROW + ROW / 2;
    const textY = px(mid + THEME.labelSize * 0.36);
    const label = truncateLabel(p.label, THEME.labelSize, labelWidth);
    body.push(
      `<text x="${px(PAD + labelWidth)}" y="${textY}" font-size="${THEME.labelSize}" text-anchor="end" fill="${THEME.text}" data-role="label">${escapeXml(label)}</text>`,
    );
    const barTop = px(mid - BAR / 2);
    if (p.value === null) {
      body.push(
        `<rect x="${px(x0)}" y="${barTop}" width="${MISSING_SLOT}" height="${BAR}" fill="url(#hatch)" stroke="${THEME.missing}" stroke-dasharray="6 4" data-role="missing"/>`,
      );
      body.push(
        `<text x="${px(x0 + MISSING_SLOT + 12)}" y="${px(mid + THEME.valueSize * 0.36)}" font-size="${THEME.valueSize}" fill="${THEME.muted}" data-role="value">无数据</text>`,
      );
      return;
    }
    const length = max > 0 ? Math.max(p.value > 0 ? 3 : 0, (Math.max(0, p.value) / max) * plotWidth) : 0;
    body.push(
      `<rect x="${px(x0)}" y="${barTop}" width="${px(length)}" height="${BAR}" rx="4" fill="${THEME.bar}" data-role="bar"/>`,
    );
    body.push(
      `<text x="${px(x0 + length + 10)}" y="${px(mid + THEME.valueSize * 0.36)}" font-size="${THEME.valueSize}" fill="${THEME.text}" data-role="value">${escapeXml(valueLabel(p.value, chart.unit))}</text>`,
    );
  });

  const rowsBottom = top + Math.max(1, points.length) * ROW;
  if (!points.length) {
    body.push(
      `<text x="${px(x0 + 12)}" y="${px(top + ROW / 2 + THEME.valueSize * 0.36)}" font-size="${THEME.valueSize}" fill="${THEME.muted}">无数据</text>`,
    );
  }
  body.push(
    `<line x1="${px(x0)}" y1="${px(top)}" x2="${px(x0)}" y2="${px(rowsBottom)}" stroke="${THEME.axis}" stroke-width="2"/>`,
  );
  const footer = chartFooter(chart, rowsBottom + 24);
  body.push(footer.svg);
  return svgDocument(CHART_WIDTH, footer.height, family, body, HATCH);
}
