import type { ChartData } from '../service/reply/reply-model.js';
import { CHART_WIDTH, PAD, THEME, chartHeader, px, svgDocument } from './chart-frame.js';
import { escapeXml, textWidth, truncateLabel, valueLabel, wrap } from './svg-text.js';

/** Height of one bar row and of the bar inside it, px. */
const ROW = 60;
const BAR = 38;
/** Height of a group's heading row (省级 / 地级 / 县级), px. */
const GROUP_ROW = 52;
/** Lines of the “not drawn” list under the bars. */
const NOT_DRAWN_LINES = 3;

type Point = ChartData['points'][number];

/** Points sorted by value, largest first, missing values last (stable otherwise). */
export function sortForBars(points: ChartData['points']): ChartData['points'] {
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.value ?? -Infinity) - (a.p.value ?? -Infinity) || a.i - b.i)
    .map((x) => x.p);
}

/** Points with a value, by group in first-seen order (one group, unnamed, when no point has one). */
function barGroups(points: ChartData['points']): { name: string | null; points: Point[] }[] {
  const groups = new Map<string, Point[]>();
  for (const p of points) {
    if (p.value === null) continue;
    const name = p.group ?? '';
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  const named = groups.size > 1 || (groups.size === 1 && [...groups.keys()][0] !== '');
  return [...groups].map(([name, list]) => ({ name: named ? name : null, points: sortForBars(list) }));
}

/**
 * Horizontal bar chart: labels on the left, values (as the reports state them) at the bar ends. Each group
 * has its own scale, so a province's figure never dwarfs a county's; missing values get no bar and are listed
 * under the chart with everything else not drawn.
 */
export function barChartSvg(chart: ChartData, family: string): string {
  const groups = barGroups(chart.points);
  const drawn = groups.flatMap((g) => g.points);
  const header = chartHeader(chart);
  const inner = CHART_WIDTH - 2 * PAD;
  const labelWidth = Math.min(inner * 0.42, Math.max(160, ...drawn.map((p) => textWidth(p.label, THEME.labelSize))));
  const x0 = PAD + labelWidth + 16;
  const label = (p: Point) => p.display ?? valueLabel(p.value!, chart.unit);
  const valueRoom = Math.max(80, ...drawn.map((p) => textWidth(label(p), THEME.valueSize))) + 14;
  const plotWidth = CHART_WIDTH - PAD - valueRoom - x0;
  let y = header.bottom + 20;
  const body: string[] = [header.svg];

  for (const g of groups) {
    if (g.name !== null) {
      body.push(
        `<text x="${PAD}" y="${px(y + GROUP_ROW * 0.65)}" font-size="${THEME.labelSize}" font-weight="bold" fill="${THEME.text}" data-role="group">${escapeXml(g.name)}</text>`,
      );
      y += GROUP_ROW;
    }
    const max = Math.max(0, ...g.points.map((p) => p.value!));
    const top = y;
    for (const p of g.points) {
      const mid = y + ROW / 2;
      body.push(
        `<text x="${px(PAD + labelWidth)}" y="${px(mid + THEME.labelSize * 0.36)}" font-size="${THEME.labelSize}" text-anchor="end" fill="${THEME.text}" data-role="label">${escapeXml(truncateLabel(p.label, THEME.labelSize, labelWidth))}</text>`,
      );
      const v = p.value!;
      const length = max > 0 ? Math.max(v > 0 ? 3 : 0, (Math.max(0, v) / max) * plotWidth) : 0;
      body.push(
        `<rect x="${px(x0)}" y="${px(mid - BAR / 2)}" width="${px(length)}" height="${BAR}" rx="4" fill="${THEME.bar}" data-role="bar"/>`,
      );
      body.push(
        `<text x="${px(x0 + length + 10)}" y="${px(mid + THEME.valueSize * 0.36)}" font-size="${THEME.valueSize}" fill="${THEME.text}" data-role="value">${escapeXml(label(p))}</text>`,
      );
      y += ROW;
    }
    body.push(`<line x1="${px(x0)}" y1="${px(top)}" x2="${px(x0)}" y2="${px(y)}" stroke="${THEME.axis}" stroke-width="2"/>`);
  }
  if (!drawn.length) {
    body.push(
      `<text x="${px(x0 + 12)}" y="${px(y + ROW / 2 + THEME.valueSize * 0.36)}" font-size="${THEME.valueSize}" fill="${THEME.muted}">无数据</text>`,
    );
    y += ROW;
  }

  // What is not drawn is said in words: a hatched “无数据” bar would look like a figure.
  const notDrawn = [...chart.points.filter((p) => p.value === null).map((p) => `${p.label}(无数据)`), ...(chart.notDrawn ?? [])];
  y += 24;
  if (notDrawn.length) {
    for (const line of wrap(`未绘制:${notDrawn.join('、')}`, THEME.sourceSize, inner, NOT_DRAWN_LINES)) {
      y += THEME.sourceSize * 1.35;
      body.push(
        `<text x="${PAD}" y="${px(y)}" font-size="${THEME.sourceSize}" fill="${THEME.muted}" data-role="not-drawn">${escapeXml(line)}</text>`,
      );
    }
    y += 10;
  }
  y += THEME.sourceSize * 1.35;
  body.push(
    `<text x="${PAD}" y="${px(y)}" font-size="${THEME.sourceSize}" fill="${THEME.muted}" data-role="source">${escapeXml(chart.source)}</text>`,
  );
  return svgDocument(CHART_WIDTH, Math.ceil(y + PAD * 0.75), family, body);
}
