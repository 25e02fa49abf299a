import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, Reply } from '../../../src/service/reply/reply-model.js';
import { countyReport as report } from '../../helpers/county-report.js';
import { seededService } from '../../helpers/seeded-service.js';

/** A county 政协 report of one year with the given 提案 sentence and 协商活动 count. */
const countyReport = (county: string, year: number, proposals: string, events: number): string =>
  report(county, year, [`(一)提案工作提质增效。${proposals}`, `(二)协商议政扎实有效。全年举办协商活动${events}次。`]);

const SHARED = new URL('../../../../shared/dev-corpus/', import.meta.url).pathname;

let env: Awaited<ReturnType<typeof seededService>>;
let dir = '';
const ask = (line: string): Reply => env.service.handle(line, { platform: 'console', chatId: 'trend-test' });
const blocks = (r: Reply): Block[] => r.sections.flatMap((s) => s.blocks);
const text = (r: Reply) =>
  blocks(r)
    .map((b) => ('text' in b ? b.text : b.type === 'list' ? b.items.map((i) => i.text).join('\n') : ''))
    .join('\n');
const tables = (r: Reply) => blocks(r).flatMap((b) => (b.type === 'table' ? [b] : []));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trend-'));
  const files: [string, string][] = [
    ['anyue-2021.txt', countyReport('安岳县', 2021, '全年共收到委员提案236件,经审查立案212件。', 18)],
    ['anyue-2022.txt', countyReport('安岳县', 2022, '全年共收到委员提案240件,经审查立案220件。', 20)],
    // A term total: listed with its period, never drawn or ranked among annual figures.
    ['anyue-2023.txt', countyReport('安岳县', 2023, '五年来,共立案提案880件,全部办复。', 21)],
    ['renshou-2021.txt', countyReport('仁寿县', 2021, '全年共收到委员提案190件,经审查立案175件。', 12)],
  ];
  for (const [name, body] of files) writeFileSync(join(dir, name), body);
  // d011 西昌市 (四川, no year); d020 黑龙江省's own report.
  env = await seededService([dir, `${SHARED}d011.txt`, `${SHARED}d020.txt`]);
}, 60_000);
afterAll(() => {
  env?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('/trend of one region', () => {
  it('answers one year of data in text, without a one-dot chart', () => {
    const r = ask('/trend 资阳 提案');
    expect(r.kind).toBe('trend');
    expect(r.chart).toBeUndefined();
    expect(text(r)).toContain('只有 2022 年');
    expect(tables(r)[0]!.rows).toEqual([['2022', '196件', null, '196件', null]]);
  });

  it('draws a line over the annual years and lists a term total instead of drawing it', () => {
    const r = ask('/trend 安岳 提案');
    expect(r.chart?.kind).toBe('line');
    expect(r.chart!.points).toEqual([
      { label: '2021', value: 212 },
      { label: '2022', value: 220 },
      { label: '2023', value: null },
    ]);
    expect(r.chart!.title).toContain('件');
    const row2023 = tables(r)[0]!.rows.find((row) => row[0] === '2023')!;
    expect(row2023[1]).toBe('880件(届内累计)');
    expect(text(r)).toContain('未画入图表:2023 年(届内累计)');
    expect(text(r)).toContain('2021 年 212件 → 2022 年 220件');
  });
});

describe('a province without a report of its own', () => {
  it('/report 四川 lists the reports of its regions, each with a command that opens it', () => {
    const r = ask('/report 四川');
    expect(r.kind).toBe('reports');
    const all = text(r);
    for (const name of ['资阳市 2022', '安岳县 2021', '安岳县 2023', '仁寿县 2021', '西昌市']) expect(all).toContain(name);
    // 地级 before 县级, never mixed.
    expect(all.indexOf('【地级】')).toBeLessThan(all.indexOf('【县级】'));
    expect(all.indexOf('资阳市')).toBeLessThan(all.indexOf('【县级】'));
    const anyue = r.actions.find((a) => a.label === '安岳县 2021')!;
    expect(anyue.command).toMatch(/^\/report #\d+$/);
    const opened = ask(anyue.command);
    expect(opened.kind).toBe('report');
    expect(opened.title).toContain('安岳县');
    expect(r.actions.some((a) => a.command === '/list 四川')).toBe(true);
  });

  it('/report 四川 2021 lists only that year’s reports', () => {
    const all = text(ask('/report 四川 2021'));
    expect(all).toContain('安岳县 2021');
    expect(all).toContain('仁寿县 2021');
    expect(all).not.toContain('资阳市');
    expect(all).not.toContain('安岳县 2022');
  });

  it('a province with its own report still gets its digest', () => {
    const r = ask('/report 黑龙江');
    expect(r.kind).toBe('report');
    expect(r.title).toContain('黑龙江');
  });

  it('/trend 四川 提案 ranks its regions per year within their tier and says it does not add them up', () => {
    const r = ask('/trend 四川 提案');
    expect(r.kind).toBe('trend');
    const all = text(r);
    expect(all).toContain('排名');
    expect(all).toContain('不加总');
    const headings = blocks(r).flatMap((b) => (b.type === 'paragraph' && /^【\d{4}年】/.test(b.text) ? [b.text] : []));
    expect(headings.map((h) => h.slice(1, 6))).toEqual(['2021年', '2022年', '2023年']);
    const county2021 = tables(r)[0]!;
    expect(county2021.columns.slice(0, 3)).toEqual(['排名', '县级地区', '立案']);
    expect(county2021.rows.map((row) => row.slice(0, 3))).toEqual([
      ['1', '安岳县', '212件'],
      ['2', '仁寿县', '175件'],
    ]);
    // 2022: 资阳市 (地级) and 安岳县 (县级) in separate tables, each ranked first of its own tier.
    const of2022 = tables(r).slice(1, 3);
    expect(of2022.map((t) => [t.columns[1], t.rows[0]![0], t.rows[0]![1]])).toEqual([
      ['地级地区', '1', '资阳市'],
      ['县级地区', '1', '安岳县'],
    ]);
    // 2023: the term total is listed apart with its period, not ranked.
    const of2023 = tables(r)[3]!;
    expect(of2023.columns[0]).toBe('地区');
    expect(of2023.rows[0]!.slice(0, 3)).toEqual(['安岳县', '县级', '880件(届内累计)']);
    expect(all).toContain('非年度数字(届内累计),不参与排名');
    expect(r.chart).toBeUndefined();
    expect(r.actions.some((a) => a.command === '/trend 安岳县 提案')).toBe(true);
  });

  it('a province with no reports at all, and a region whose reports have no year, get a clear answer', () => {
    const none = ask('/report 湖南');
    expect(none.kind).toBe('error');
    expect(text(none)).toContain('暂无湖南省');
    const trend = ask('/trend 湖南 提案');
    expect(trend.kind).toBe('error');
    const undated = ask('/trend 西昌 提案');
    expect(undated.kind).toBe('error');
    expect(text(undated)).toContain('没有可识别的年份');
  });
});
