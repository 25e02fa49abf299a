import type { ChartData } from '../service/reply/reply-model.js';
import { escapeXml, wrap } from './svg-text.js';

/** Canvas width in px: phone screens show it at about a third, so text sizes below stay readable. */
export const CHART_WIDTH = 1080;
/** Outer margin in px. */
export const PAD = 40;

/** Colours and font sizes shared by bar and line charts. */
export const THEME = {
  background: '#ffffff',
  text: '#1f2937',
  muted: '#6b7280',
  axis: '#9ca3af',
  grid: '#e5e7eb',
  bar: '#2563eb',
  missing: '#9ca3af',
  titleSize: 36,
  subtitleSize: 24,
  labelSize: 28,
  valueSize: 26,
  sourceSize: 22,
} as const;

/** Title (wrapped to two lines) and, when the title does not name it, a unit line; returns where the body may start. */
export function chartHeader(chart: ChartData): { svg: string; bottom: number } {
  const lines = wrap(chart.title || '图表', THEME.titleSize, CHART_WIDTH - 2 * PAD, 2);
  const parts: string[] = [];
  let bottom = PAD;
  lines.forEach((line, i) => {
    const baseline = PAD + THEME.titleSize + i * THEME.titleSize * 1.35;
    parts.push(
      `<text x="${PAD}" y="${px(baseline)}" font-size="${THEME.titleSize}" fill="${THEME.text}" data-role="title">${escapeXml(line)}</text>`,
    );
    bottom = baseline + THEME.titleSize * 0.3;
  });
  if (chart.unit && !chart.title.includes(chart.unit)) {
    const baseline = bottom + THEME.subtitleSize * 1.2;
    parts.push(
      `<text x="${PAD}" y="${px(baseline)}" font-size="${THEME.subtitleSize}" fill="${THEME.muted}" data-role="unit">单位:${escapeXml(chart.unit)}</text>`,
    );
    bottom = baseline + THEME.subtitleSize * 0.3;
  }
  return { svg: parts.join(''), bottom };
}

/** The source line at `top`; returns the full canvas height. */
export function chartFooter(chart: ChartData, top: number): { svg: string; height: number } {
  const y = top + THEME.sourceSize;
  const svg = `<text x="${PAD}" y="${y}" font-size="${THEME.sourceSize}" fill="${THEME.muted}" data-role="source">${escapeXml(chart.source)}</text>`;
  return { svg, height: Math.ceil(y + PAD * 0.75) };
}

/** Wraps body parts into a complete SVG document using `family` for all text. */
export function svgDocument(width: number, height: number, family: string, body: string[], defs = ''): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(family)}">` +
    (defs ? `<defs>${defs}</defs>` : '') +
    `<rect width="${width}" height="${height}" fill="${THEME.background}"/>` +
    body.join('') +
    '</svg>'
  );
}

/** A rounded coordinate (keeps the SVG short and the output deterministic). */
export function px(n: number): number {
  return Math.round(n * 10) / 10;
}
