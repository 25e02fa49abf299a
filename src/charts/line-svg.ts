import type { ChartData } from '../service/reply/reply-model.js';
import { CHART_WIDTH, PAD, THEME, chartFooter, chartHeader, px, svgDocument } from './chart-frame.js';
import { escapeXml, formatChartNumber, textWidth, valueLabel } from './svg-text.js';

/** Plot height of a line chart, px (the canvas adds title and source). */
const PLOT_HEIGHT = 420;
const TICK_SIZE = 22;
const X_LABEL_SIZE = 24;

/** A “nice” tick step (1, 2, 2.5 or 5 × 10^k) giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 4): number {
  if (max <= 0) return 1;
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return step;
}

/** X positions: proportional when every label is a year (gaps between years stay visible), evenly spaced otherwise. */
export function xPositions(labels: string[], left: number, right: number): number[] {
  if (labels.length === 1) return [(left + right) / 2];
  const years = labels.map((l) => (/^\d{4}$/.test(l.trim()) ? Number(l) : NaN));
  const span = Math.max(...years) - Math.min(...years);
  if (years.every((y) => !Number.isNaN(y)) && span > 0) {
    const first = Math.min(...years);
    return years.map((y) => left + ((y - first) / span) * (right - left));
  }
  return labels.map((_, i) => left + (i / (labels.length - 1)) * (right - left));
}

/** Line chart for trends: x = years, dots with value labels, the line broken at missing values (marked “无数据”). */
export function lineChartSvg(chart: ChartData, family: string): string {
  const header = chartHeader(chart);
  const points = chart.points;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const step = niceStep(max);
  const yMax = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step);
  const tickWidth = Math.max(...ticks.map((t) => textWidth(formatChartNumber(t), TICK_SIZE)));
  const left = PAD + tickWidth + 16;
  const right = CHART_WIDTH - PAD;
  const top = header.bottom + 56; // room for the value label of the highest dot
  const bottom = top + PLOT_HEIGHT;
  const y = (v: number) => bottom - (v / yMax) * PLOT_HEIGHT;
  const xs = xPositions(
    points.map((p) => p.label),
    left + 50,
    right - 50,
  );
  const body: string[] = [header.svg];

  for (const t of ticks) {
    body.push(
      `<line x1="${px(left)}" y1="${px(y(t))}" x2="${px(right)}" y2="${px(y(t))}" stroke="${t === 0 ? THEME.axis : THEME.grid}" stroke-width="${t === 0 ? 2 : 1}"/>`,
    );
    body.push(
      `<text x="${px(left - 10)}" y="${px(y(t) + TICK_SIZE * 0.36)}" font-size="${TICK_SIZE}" text-anchor="end" fill="${THEME.muted}">${formatChartNumber(t)}</text>`,
    );
  }
  // Thin the x labels when they would collide (many years on a narrow canvas).
  const labelStep = Math.max(1, Math.ceil((points.length * (textWidth('2024', X_LABEL_SIZE) + 16)) / (right - left)));
  points.forEach((p, i) => {
    if (i % labelStep === 0 || i === points.length - 1) {
      body.push(
        `<text x="${px(xs[i]!)}" y="${px(bottom + X_LABEL_SIZE + 12)}" font-size="${X_LABEL_SIZE}" text-anchor="middle" fill="${THEME.text}" data-role="label">${escapeXml(p.label)}</text>`,
      );
    }
  });

  // One polyline per run of known values: a missing year leaves a gap instead of a bridging line.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1)
      body.push(
        `<polyline points="${run.join(' ')}" fill="none" stroke="${THEME.bar}" stroke-width="4" stroke-linejoin="round" data-role="line"/>`,
      );
    run = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) flush();
    else run.push(`${px(xs[i]!)},${px(y(p.value))}`);
  });
  flush();

  points.forEach((p, i) => {
    const x = px(xs[i]!);
    if (p.value === null) {
      body.push(
        `<line x1="${x}" y1="${px(top)}" x2="${x}" y2="${px(bottom)}" stroke="${THEME.missing}" stroke-dasharray="6 6" stroke-width="2" data-role="missing"/>`,
      );
      body.push(
        `<text x="${x}" y="${px(bottom - 14)}" font-size="${TICK_SIZE}" text-anchor="middle" fill="${THEME.muted}" stroke="${THEME.background}" stroke-width="6" paint-order="stroke" data-role="value">无数据</text>`,
      );
      return;
    }
    const cy = px(y(p.value));
    body.push(`<circle cx="${x}" cy="${cy}" r="8" fill="${THEME.bar}" stroke="#ffffff" stroke-width="3" data-role="dot"/>`);
    body.push(
      `<text x="${x}" y="${px(cy - 18)}" font-size="${THEME.valueSize}" text-anchor="middle" fill="${THEME.text}" data-role="value">${escapeXml(valueLabel(p.value, chart.unit))}</text>`,
    );
  });
  if (!values.length) {
    body.push(
      `<text x="${px((left + right) / 2)}" y="${px((top + bottom) / 2)}" font-size="${THEME.labelSize}" text-anchor="middle" fill="${THEME.muted}">无数据</text>`,
    );
  }

  const footer = chartFooter(chart, bottom + X_LABEL_SIZE + 40);
  body.push(footer.svg);
  return svgDocument(CHART_WIDTH, footer.height, family, body);
}
