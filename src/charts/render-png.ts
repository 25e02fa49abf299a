import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { ChartData } from '../service/reply/reply-model.js';
import { resolveChartFont, type ChartFont } from './chart-font.js';
import { chartSvg } from './chart-svg.js';
import { parseSfnt, subsetFont, type SfntFont } from './font-subset.js';

/** Options of the PNG renderer; by default the shipped Noto Sans SC is used. */
export interface RenderChartOptions {
  font?: Partial<ChartFont>;
}

const parsed = new Map<string, SfntFont | null>();
let tempDir: string | null = null;
let counter = 0;

/** A malformed font is still handed to resvg whole rather than failing the chart. */
function parseOrNull(buf: Buffer): SfntFont | null {
  try {
    return parseSfnt(buf);
  } catch {
    return null;
  }
}

/** A font file holding just the glyphs of `svg`, or the original file when it cannot be subset (CFF, collections). */
function fontFileFor(svg: string, font: ChartFont): { file: string; temporary: boolean } {
  if (!parsed.has(font.file)) parsed.set(font.file, parseOrNull(readFileSync(font.file)));
  const sfnt = parsed.get(font.file);
  if (!sfnt) return { file: font.file, temporary: false };
  if (!tempDir) {
    const dir = mkdtempSync(join(tmpdir(), 'digest-chart-font-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    tempDir = dir;
  }
  const file = join(tempDir, `${process.pid}-${counter++}.ttf`);
  // The SVG source holds every character drawn (entities decode to ASCII, which the subset always keeps).
  writeFileSync(file, subsetFont(sfnt, svg));
  return { file, temporary: true };
}

/** SVG → PNG with only the given font loaded (system fonts are never consulted, so output is the same everywhere). */
export function svgToPng(svg: string, font: ChartFont): Buffer {
  const { file, temporary } = fontFileFor(svg, font);
  try {
    const resvg = new Resvg(svg, {
      font: { fontFiles: [file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
      languages: ['zh-CN'],
      logLevel: 'off',
    });
    return resvg.render().asPng();
  } finally {
    if (temporary) rmSync(file, { force: true });
  }
}

/** ChartData → PNG bytes (1080 px wide; bar charts grow with the number of bars). */
export function renderChartPng(chart: ChartData, options: RenderChartOptions = {}): Buffer {
  const font = resolveChartFont(options.font);
  return svgToPng(chartSvg(chart, font.family), font);
}
