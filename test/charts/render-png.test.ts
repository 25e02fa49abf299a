import { existsSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveChartFont, type ChartFont } from '../../src/charts/chart-font.js';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { renderChartPng, svgToPng } from '../../src/charts/render-png.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import type { ChartData } from '../../src/service/reply/reply-model.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

/** A font without CJK glyphs: the negative control that shows what tofu looks like to these checks. */
const NO_CJK: ChartFont = { file: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', family: 'DejaVu Sans' };

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The label column of a bar chart SVG: from the left margin to the labels' right edge, over all rows. */
function labelBox(svg: string): Box {
  const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*data-role="label"/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
  return {
    x0: 20,
    y0: Math.floor(labels[0]!.y - 34),
    x1: Math.ceil(labels[0]!.x + 2),
    y1: Math.ceil(labels[labels.length - 1]!.y + 12),
  };
}

/** Pixels of `png` inside `box`, as RGBA bytes. */
function crop(png: PNG, box: Box): Buffer {
  const rows: Buffer[] = [];
  for (let y = box.y0; y < box.y1; y++) rows.push(png.data.subarray((y * png.width + box.x0) * 4, (y * png.width + box.x1) * 4));
  return Buffer.concat(rows);
}

/** Share of pixels in `box` that are clearly darker than the white background. */
function ink(png: PNG, box: Box): number {
  const px = crop(png, box);
  let dark = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i]! + px[i + 1]! + px[i + 2]! < 600) dark++;
  return dark / (px.length / 4);
}

const decode = (buf: Buffer) => PNG.sync.read(buf);

describe('renderChartPng on the seeds', () => {
  let chart: ChartData;
  let cleanup: () => void;

  beforeAll(async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    await ingestPaths(t.db, [SEEDS_DIR]);
    const reply = createDigestService({ db: t.db }).handle('/compare 提案', { platform: 'console', chatId: 't' });
    expect(reply.chart).toBeDefined();
    chart = reply.chart!;
  });
  afterAll(() => cleanup?.());

  it('renders the /compare 提案 chart as a PNG of the expected size', async () => {
    // Annual, trusted figures only: the seeds' term total (安宁) and missing 立案 (鹤岗) are listed, not drawn.
    expect(chart.points.length).toBeGreaterThanOrEqual(3);
    expect(chart.notDrawn?.length).toBeGreaterThan(0);
    const png = decode(await renderChartPng(chart));
    const svgHeight = Number(/height="(\d+)"/.exec(chartSvg(chart))![1]);
    expect(png.width).toBe(1080);
    expect(png.height).toBe(svgHeight);
    expect(png.height).toBeGreaterThan(chart.points.length * 60);
    expect(png.height).toBeLessThan(800);
  });

  it('draws ink in the label column, and none when the labels are removed', async () => {
    const font = resolveChartFont();
    const svg = chartSvg(chart, font.family);
    const box = labelBox(svg);
    const withLabels = decode(await svgToPng(svg, font));
    const without = decode(await svgToPng(svg.replace(/<text [^>]*data-role="(?:label|group)"[^>]*>[^<]*<\/text>/g, ''), font));
    expect(ink(withLabels, box)).toBeGreaterThan(0.04);
    expect(ink(without, box)).toBe(0);
  });

  it('draws different Chinese names differently (tofu boxes would look alike)', async () => {
    const font = resolveChartFont();
    const swap = (label: string): ChartData => ({
      ...chart,
      points: chart.points.map((p, i) => (i === 0 ? { ...p, label } : p)),
    });
    const a = swap('资阳市 2022');
    const b = swap('钟祥县 2022');
    const box = labelBox(chartSvg(a, font.family));
    const pa = crop(decode(await renderChartPng(a)), box);
    const pb = crop(decode(await renderChartPng(b)), box);
    expect(pa.equals(pb)).toBe(false);
    // Negative control: a font without CJK glyphs renders both names the same, so the check above can fail.
    if (existsSync(NO_CJK.file)) {
      const qa = crop(decode(await renderChartPng(a, { font: NO_CJK })), box);
      const qb = crop(decode(await renderChartPng(b, { font: NO_CJK })), box);
      expect(qa.equals(qb)).toBe(true);
    }
  });
});

describe('renderChartPng for a trend', () => {
  it('renders a line chart with a gap', async () => {
    const png = decode(
      await renderChartPng({
        kind: 'line',
        title: '资阳市(四川)提案趋势',
        unit: '件',
        source: '来源:各地政协工作报告',
        points: [
          { label: '2020', value: 150 },
          { label: '2021', value: null },
          { label: '2022', value: 196 },
        ],
      }),
    );
    expect(png.width).toBe(1080);
    expect(png.height).toBeGreaterThan(500);
  });
});
