import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { resolveChartFont } from '../../src/charts/chart-font.js';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { cmapLookup, parseSfnt, subsetFont } from '../../src/charts/font-subset.js';
import { svgToPng } from '../../src/charts/render-png.js';

const font = resolveChartFont();
const full = parseSfnt(readFileSync(font.file))!;
const cp = (ch: string) => ch.codePointAt(0)!;

describe('parseSfnt', () => {
  it('reads the shipped CJK font', () => {
    expect(full.numGlyphs).toBeGreaterThan(20000);
    for (const ch of '资阳市鹤岗提案2022A') expect(full.cmap(cp(ch))).toBeGreaterThan(0);
    expect(full.cmap(0x10fffd)).toBe(0);
  });

  it('agrees between the format 4 and format 12 cmaps', () => {
    const cmapAt = full.tables.get('cmap')!.offset;
    const f4 = cmapLookup(full.buf, cmapAt, [4]);
    const f12 = cmapLookup(full.buf, cmapAt, [12]);
    expect(f4 && f12).toBeTruthy();
    for (const ch of '资阳市鹤岗提案来源:各地政协工作报告 0123456789,.()%…无数据') expect(f4!(cp(ch))).toBe(f12!(cp(ch)));
  });

  it('declines fonts it cannot subset', () => {
    expect(parseSfnt(Buffer.from('OTTO0000000000000000'))).toBeNull();
    expect(parseSfnt(Buffer.alloc(4))).toBeNull();
  });
});

describe('subsetFont', () => {
  const sub = parseSfnt(subsetFont(full, '资阳市 196件'))!;

  it('keeps glyph ids and outlines of the used characters and empties the rest', () => {
    expect(sub.numGlyphs).toBe(full.numGlyphs);
    for (const ch of '资阳市196件') {
      const gid = full.cmap(cp(ch));
      expect(sub.cmap(cp(ch))).toBe(gid);
      const a = full.glyphs[gid]!;
      const b = sub.glyphs[gid]!;
      expect(b.end - b.start).toBeGreaterThanOrEqual(a.end - a.start);
      expect(sub.buf.subarray(b.start, b.start + (a.end - a.start)).equals(full.buf.subarray(a.start, a.end))).toBe(true);
    }
    const unused = sub.glyphs[full.cmap(cp('鹤'))]!;
    expect(unused.end - unused.start).toBe(0);
  });

  it('is far smaller than the full font', () => {
    expect(subsetFont(full, '资阳市 196件').length).toBeLessThan(full.buf.length / 10);
  });

  const direct = (svg: string) =>
    new Resvg(svg, {
      font: { fontFiles: [font.file], loadSystemFonts: false, defaultFontFamily: font.family, sansSerifFamily: font.family },
      languages: ['zh-CN'],
    })
      .render()
      .asPng();

  it('renders a line chart pixel-identically to the full font', () => {
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
    expect(PNG.sync.read(svgToPng(svg, font)).data.equals(PNG.sync.read(direct(svg)).data)).toBe(true);
  });

  it('renders a bar chart pixel-identically to the full font (GSUB contextual forms included)', () => {
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
    expect(PNG.sync.read(svgToPng(svg, font)).data.equals(PNG.sync.read(direct(svg)).data)).toBe(true);
  });
});
