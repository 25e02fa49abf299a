import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import subsetFont from 'subset-font';
import type { ChartData } from '../service/reply/reply-model.js';
import { resolveChartFont, type ChartFont } from './chart-font.js';
import { chartSvg } from './chart-svg.js';

/** Options of the PNG renderer; by default the shipped Noto Sans SC is used. */
export interface RenderChartOptions {
  font?: Partial<ChartFont>;
}

const fontBytes = new Map<string, Buffer>();
let tempDir: string | null = null;
let counter = 0;

/**
 * A font file holding just the glyphs of `svg` (harfbuzz hb-subset, layout closure included), or the original file
 * when it cannot be subset. The SVG source holds every character drawn (entities decode to `&`, `<`, `>`, which
 * the markup itself contains). resvg re-reads the whole font for every text element, so a 10 MB CJK font would cost
 * ~15 ms per label; the subset is ~20 KB.
 */
async function fontFileFor(svg: string, font: ChartFont): Promise<{ file: string; temporary: boolean }> {
  let bytes = fontBytes.get(font.file);
  if (!bytes) {
    bytes = readFileSync(font.file);
    fontBytes.set(font.file, bytes);
  }
  let subset: Buffer;
  try {
    subset = await subsetFont(bytes, svg, { targetFormat: 'truetype' });
  } catch {
    return { file: font.file, temporary: false };
  }
  if (!tempDir) {
    const dir = mkdtempSync(join(tmpdir(), 'digest-chart-font-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    tempDir = dir;
  }
  const file = join(tempDir, `${process.pid}-${counter++}.ttf`);
  writeFileSync(file, subset);
  return { file, temporary: true };
}

/** SVG → PNG with only the given font loaded (system fonts are never consulted, so output is the same everywhere). */
export async function svgToPng(svg: string, font: ChartFont): Promise<Buffer> {
  const { file, temporary } = await fontFileFor(svg, font);
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
export async function renderChartPng(chart: ChartData, options: RenderChartOptions = {}): Promise<Buffer> {
  const font = resolveChartFont(options.font);
  return svgToPng(chartSvg(chart, font.family), font);
}
