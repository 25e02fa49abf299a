import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/chart-svg.js';
import { tierOf } from '../../src/domain/compare-tier.js';
import type { DigestService } from '../../src/service/ports.js';
import { ReportStore } from '../../src/db/report-store.js';
import { regionLabel } from '../../src/service/reply/format.js';
import type { Block, Reply } from '../../src/service/reply/reply-model.js';
import { seededService } from '../helpers/seeded-service.js';

/** Seeds plus dev-corpus reports chosen for what they test: term totals, several tiers, mixed units, 政府 GDP. */
const DEV = [
  'd004', // 泽州县: county
  'd006', // 陆良县: county with received/filed/answered
  'd008', // 马鞍山市 政府: GDP, not 政协
  'd019', // 哈尔滨市: 五年来 totals
  'd020', // 黑龙江省: province, 协商 次
  'd022', // 广水市: county-level city
  'd023', // 广东省: 五年来 协商
  'd026', // 陕西省: 五年来 4628件 stated in a merged fact
  'd054', // 莆田市
  'd058', // 延边州: 20余次
  'd067', // 山东省
  'd072', // 宝山区: session figure
  'd073', // 松江区
  'd084', // 全国政协 report
  'd085', // 福建省
  'd088', // 安吉县: 场
  'd091', // 福州市: 场
].map((d) => new URL(`../../../shared/dev-corpus/${d}.txt`, import.meta.url).pathname);

let service: DigestService;
let store: ReportStore;
let cleanup: () => void;

beforeAll(async () => {
  const s = await seededService(DEV);
  service = s.service;
  store = new ReportStore(s.db);
  cleanup = s.cleanup;
}, 60_000);
afterAll(() => cleanup?.());

const ask = (line: string): Reply => service.handle(line, { platform: 'console', chatId: 'compare-test' });
const blocks = (r: Reply): Block[] => r.sections.flatMap((s) => s.blocks);
const paragraphs = (r: Reply) => blocks(r).flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
/** Tables with the paragraph heading them (【县级】…, 【非年度数字】…). */
function tables(r: Reply): { heading: string; columns: string[]; rows: (string | null)[][] }[] {
  const out: { heading: string; columns: string[]; rows: (string | null)[][] }[] = [];
  let heading = '';
  for (const b of blocks(r)) {
    if (b.type === 'paragraph') heading = b.text;
    if (b.type === 'table') out.push({ heading, columns: b.columns, rows: b.rows });
  }
  return out;
}
/** Leading number of a cell (`1496件(届内累计)` → 1496). */
const num = (cell: string | null) => (cell ? Number(/^[近约]?(\d+(?:\.\d+)?)/.exec(cell)?.[1] ?? NaN) : null);
const tierOfLabel = (label: string) => {
  const report = store.allReports().find((r) => label.startsWith(`${regionLabel(r)} `));
  return report ? tierOf(report) : null;
};

describe('/compare 提案 on seeds + dev corpus', () => {
  it('groups rows by tier, each with its own stats, and never ranks across tiers', () => {
    const reply = ask('/compare 提案');
    const groups = tables(reply)
      .map((t) => /^【(.+?)】/.exec(t.heading)?.[1])
      .filter((g) => g !== '非年度数字');
    expect(groups.length).toBeGreaterThanOrEqual(3);
    expect(groups).toEqual(expect.arrayContaining(['省级', '地级', '县级']));
    for (const t of tables(reply).filter((x) => !x.heading.startsWith('【非年度数字】')))
      expect(t.heading).toMatch(/中位数|可计入统计/);
    for (const t of tables(reply).filter((x) => !x.heading.startsWith('【非年度数字】'))) {
      const tier = /^【(.+?)】/.exec(t.heading)![1];
      for (const row of t.rows) expect(tierOfLabel(row[0]!)).toBe(tier);
    }
    expect(paragraphs(reply).join('')).toContain('按级别分组');
  });

  it('puts no term total among annual rows, and says the period of every non-annual row', () => {
    const reply = ask('/compare 提案');
    for (const t of tables(reply)) {
      const annual = !t.heading.startsWith('【非年度数字】');
      const col = t.columns.indexOf('立案');
      for (const row of t.rows) {
        if (annual) expect(row[col] ?? '').not.toMatch(/届内累计|会议期间|历年累计|期间不详/);
        else expect(row[col] ?? '').toMatch(/^—?$|届内累计|会议期间|历年累计|期间不详|部分时段|多级合计/);
      }
    }
    // 陕西省 五年来 4628件 is a term total.
    const annualCells = tables(reply)
      .filter((t) => !t.heading.startsWith('【非年度数字】'))
      .flatMap((t) => t.rows.map((r) => r[1]));
    expect(annualCells).not.toContain('4628件');
    expect(paragraphs(reply).join('')).toMatch(/另有 .*\d+ 份报告只有届内累计数/);
  });

  it('marks every row whose received is below filed as 存疑', () => {
    const reply = ask('/compare 提案');
    let checked = 0;
    for (const t of tables(reply)) {
      const filed = t.columns.indexOf('立案');
      const received = t.columns.indexOf('收到');
      for (const row of t.rows) {
        const f = num(row[filed] ?? null);
        const r = num(row[received] ?? null);
        if (f === null || r === null) continue;
        checked++;
        if (r < f) expect(`${row[filed]} ${row[received]}`).toContain('存疑');
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('shows 政协 reports only by default and names the body in the chart footer', () => {
    const reply = ask('/compare 提案');
    expect(reply.chart!.source).toBe('来源:各地政协报告');
    expect(paragraphs(reply)[0]).toContain('份政协报告');
  });
});

describe('filters and several metrics', () => {
  it('/compare 提案 县级 shows county-level rows only', () => {
    const reply = ask('/compare 提案 县级');
    const rows = tables(reply).flatMap((t) => t.rows);
    expect(rows.length).toBeGreaterThan(2);
    for (const row of rows) expect(tierOfLabel(row[0]!)).toBe('县级');
    expect(new Set(reply.chart!.points.map((p) => p.group))).toEqual(new Set(['县级']));
    expect(ask('/compare 提案 县').title).toBe(reply.title);
  });

  it('/compare 协商 keeps each row’s own unit and charts one unit, saying which', () => {
    const reply = ask('/compare 协商');
    const cells = tables(reply).flatMap((t) => t.rows.flatMap((r) => r.slice(1)));
    const stored = store
      .headlinesForKeys(['consultations.events'])
      .map((f) => f.unit)
      .filter((u) => u !== '次');
    expect(stored.length).toBeGreaterThan(0);
    // Units as stated (场, 场次 next to 次): nothing is rewritten to one unit.
    for (const u of new Set(stored)) expect(cells.some((c) => c?.match(new RegExp(`^\\d+(?:余)?${u}`)))).toBe(true);
    const chart = reply.chart!;
    expect(chart.title).toContain(chart.unit);
    for (const p of chart.points) if (p.display) expect(p.display.endsWith(chart.unit)).toBe(true);
  });

  it('/compare 协商 专题协商 compares by that column; other columns are buttons', () => {
    const reply = ask('/compare 协商 专题协商');
    expect(reply.chart!.title).toContain('专题协商');
    expect(ask('/compare 协商').actions.map((a) => a.command)).toContain('/compare 协商 专题协商');
  });

  it('/compare 提案 协商 answers both metrics, not a topic search', () => {
    const reply = ask('/compare 提案 协商');
    expect(reply.kind).toBe('compare');
    expect(reply.title).toContain('提案');
    expect(reply.title).toContain('协商活动');
    expect(reply.title).not.toContain('话题');
    const headings = blocks(reply).flatMap((b) => (b.type === 'heading' ? [b.text] : []));
    expect(headings).toEqual(expect.arrayContaining(['提案(立案)', '协商活动(协商活动)']));
  });

  it('a metric without data says so and names the metrics that have data', () => {
    // The fixture's only GDP figure is a 地级 government report's.
    const reply = ask('/compare GDP 县级');
    expect(reply.kind).toBe('error');
    const text = paragraphs(reply).join('');
    expect(text).toContain('没有');
    expect(text).toMatch(/有数字的指标:.*提案\(\d+ 份\)/);
    expect(text).toContain('“GDP”');
    expect(text).not.toContain('试试 /compare');
  });
});

describe('compare chart', () => {
  it('draws no bar for a missing or non-counted row and labels bars in the rows’ own units', () => {
    const chart = ask('/compare 提案').chart!;
    const svg = chartSvg(chart);
    const bars = svg.match(/data-role="bar"/g) ?? [];
    expect(bars.length).toBe(chart.points.filter((p) => p.value !== null).length);
    expect(chart.notDrawn!.some((n) => n.includes('无数据'))).toBe(true);
    const values = [...svg.matchAll(/data-role="value"[^>]*>([^<]*)</g)].map((m) => m[1]!);
    expect(values).not.toContain('无数据');
    for (const v of values) expect(v.endsWith('件')).toBe(true);
    expect(svg).toContain('未绘制:');
  });
});
