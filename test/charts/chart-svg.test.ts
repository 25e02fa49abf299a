import { describe, expect, it } from 'vitest';
import { sortForBars } from '../../src/charts/bar-svg.js';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { niceStep, xPositions } from '../../src/charts/line-svg.js';
import type { ChartData } from '../../src/service/reply/reply-model.js';

const bar = (points: ChartData['points']): ChartData => ({
  kind: 'bar',
  title: '提案比较(立案,件)',
  unit: '件',
  points,
  source: '来源:各地政协工作报告',
});
const line = (points: ChartData['points']): ChartData => ({
  kind: 'line',
  title: '资阳市(四川)提案趋势',
  unit: '件',
  points,
  source: '来源:各地政协工作报告',
});

/** Text content of elements with the given data-role, in document order. */
const texts = (svg: string, role: string) =>
  [...svg.matchAll(new RegExp(`data-role="${role}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);
const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)![1]);

describe('bar chart SVG', () => {
  const points = [
    { label: '鹤岗市 2023', value: null },
    { label: '安宁市 2020', value: 153 },
    { label: '资阳市 2022', value: 196 },
  ];

  it('sorts bars descending and lists missing values under the chart instead of drawing them', () => {
    expect(sortForBars(points).map((p) => p.label)).toEqual(['资阳市 2022', '安宁市 2020', '鹤岗市 2023']);
    const svg = chartSvg(bar(points));
    expect(texts(svg, 'label')).toEqual(['资阳市 2022', '安宁市 2020']);
    expect(texts(svg, 'value')).toEqual(['196件', '153件']);
    expect(texts(svg, 'not-drawn').join('')).toContain('鹤岗市 2023(无数据)');
  });

  it('draws no bar, slot or hatch for a missing value', () => {
    const svg = chartSvg(bar(points));
    expect(svg.match(/data-role="bar"/g)).toHaveLength(2);
    expect(svg).not.toContain('data-role="missing"');
    expect(svg).not.toContain('hatch');
  });

  it('gives each group its own scale and heading', () => {
    const svg = chartSvg(
      bar([
        { label: '陕西省 2022', value: 1000, group: '省级' },
        { label: '资阳市 2022', value: 196, group: '地级' },
        { label: '开化县 2020', value: 138, group: '县级' },
        { label: '陆良县 2014', value: 69, group: '县级' },
      ]),
    );
    expect(texts(svg, 'group')).toEqual(['省级', '地级', '县级']);
    const widths = [...svg.matchAll(/width="([\d.]+)"[^>]*data-role="bar"/g)].map((m) => Number(m[1]));
    // The largest bar of every group spans the plot; a county is not drawn against a province's scale.
    expect(widths[0]).toBe(widths[1]);
    expect(widths[1]).toBe(widths[2]);
    expect(widths[3]! / widths[2]!).toBeCloseTo(69 / 138, 2);
  });

  it('labels a bar with the figure as the report states it', () => {
    const svg = chartSvg({ ...bar([{ label: '延边州', value: 20, display: '20余次' }]), unit: '次' });
    expect(texts(svg, 'value')).toEqual(['20余次']);
  });

  it('scales bar lengths to the largest value', () => {
    const widths = [...chartSvg(bar(points)).matchAll(/width="([\d.]+)"[^>]*data-role="bar"/g)].map((m) => Number(m[1]));
    expect(widths[1]! / widths[0]!).toBeCloseTo(153 / 196, 2);
  });

  it('has the title, the source line and a 1080 px width', () => {
    const svg = chartSvg(bar(points));
    expect(texts(svg, 'title').join('')).toBe('提案比较(立案,件)');
    expect(texts(svg, 'source')).toEqual(['来源:各地政协工作报告']);
    expect(svg).toMatch(/^<svg [^>]*width="1080"/);
  });

  it('grows by one row height per bar', () => {
    const many = (n: number) => bar(Array.from({ length: n }, (_, i) => ({ label: `地区${i} 2020`, value: i + 1 })));
    expect(height(chartSvg(many(11))) - height(chartSvg(many(10)))).toBe(60);
    expect(height(chartSvg(many(20)))).toBeGreaterThan(height(chartSvg(many(5))));
  });

  it('escapes markup in labels and titles', () => {
    const svg = chartSvg({ ...bar([{ label: 'A&B <x> 2020', value: 1 }]), title: '"引号" & <标题>' });
    expect(svg).toContain('A&amp;B &lt;x&gt; 2020');
    expect(svg).toContain('&quot;引号&quot; &amp; &lt;标题&gt;');
    expect(svg).not.toContain('<x>');
  });

  it('shortens a long region name but keeps its year', () => {
    const svg = chartSvg(bar([{ label: '黔东南苗族侗族自治州凯里市某某某某某某某某某 2021', value: 5 }]));
    expect(texts(svg, 'label')[0]).toMatch(/…\s2021$/);
  });

  it('copes with no points and with all-zero values', () => {
    expect(chartSvg(bar([]))).toContain('无数据');
    const zero = chartSvg(bar([{ label: '甲 2020', value: 0 }]));
    expect(zero).toMatch(/width="0"[^>]*data-role="bar"/);
    expect(zero).not.toContain('NaN');
  });
});

describe('line chart SVG', () => {
  const pts = [
    { label: '2018', value: 150 },
    { label: '2019', value: 171 },
    { label: '2020', value: null },
    { label: '2021', value: 182 },
    { label: '2023', value: 196 },
  ];

  it('breaks the line at a missing year and marks it', () => {
    const svg = chartSvg(line(pts));
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg.match(/data-role="dot"/g)).toHaveLength(4);
    expect(texts(svg, 'value')).toEqual(['150件', '171件', '无数据', '182件', '196件']);
    expect(texts(svg, 'label')).toEqual(['2018', '2019', '2020', '2021', '2023']);
  });

  it('names the unit when the title does not', () => {
    expect(texts(chartSvg(line(pts)), 'unit')).toEqual(['单位:件']);
    expect(texts(chartSvg(bar(pts)), 'unit')).toEqual([]);
  });

  it('spaces years by their distance', () => {
    const xs = xPositions(['2018', '2019', '2021'], 0, 300);
    expect(xs).toEqual([0, 100, 300]);
    expect(xPositions(['甲', '乙', '丙'], 0, 300)).toEqual([0, 150, 300]);
    expect(xPositions(['2022'], 0, 300)).toEqual([150]);
  });

  it('picks nice tick steps', () => {
    expect(niceStep(196)).toBe(50);
    expect(niceStep(1000)).toBe(250);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
  });

  it('draws a single point and an all-missing series without NaN', () => {
    expect(chartSvg(line([{ label: '2022', value: 196 }]))).not.toContain('NaN');
    const empty = chartSvg(
      line([
        { label: '2021', value: null },
        { label: '2022', value: null },
      ]),
    );
    expect(empty).not.toContain('NaN');
    expect(empty).not.toContain('<polyline');
  });
});
