import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { resolveChartFont } from '../../src/charts/chart-font.js';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { svgToPng } from '../../src/charts/render-png.js';

const font = resolveChartFont();

const direct = (svg: string) =>
  new Resvg(svg, {
    font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
    languages: ['zh-CN'],
    logLevel: 'off',
  })
    .render()
    .asPng();

describe('chart font subsetting (subset-font / harfbuzz)', () => {
  it('keeps a chart font far smaller than the full CJK font', async () => {
    const full = readFileSync(font.file);
    const subset = await subsetFont(full, '资阳市 196件 提案比较(立案,件)', { targetFormat: 'truetype' });
    expect(subset.length).toBeLessThan(full.length / 100);
  });

  it('renders a line chart pixel-identically to the full font', async () => {
    const svg = chartSvg(
      {
        kind: 'line',
        title: '钟祥市(湖北)调研报告趋势',
        unit: '篇',
        source: '来源:各地政协工作报告',
        points: [
          { label: '2019', value: 18 },
          { label: '2020', value: null },
          { label: '2021', value: 23.5 },
        ],
      },
      font.family,
    );
    expect(PNG.sync.read(await svgToPng(svg, font)).data.equals(PNG.sync.read(direct(svg)).data)).toBe(true);
  });

  it('renders a bar chart pixel-identically to the full font (GSUB contextual forms included)', async () => {
    const svg = chartSvg(
      {
        kind: 'bar',
        title: '提案比较(立案,件)',
        unit: '件',
        source: '来源:各地政协工作报告',
        points: [
          { label: '资阳市 2022', value: 196 },
          { label: '鹤岗市 2023', value: null },
          { label: 'A&B <x> 2020', value: 12.5 },
        ],
      },
      font.family,
    );
    expect(PNG.sync.read(await svgToPng(svg, font)).data.equals(PNG.sync.read(direct(svg)).data)).toBe(true);
  });
});
