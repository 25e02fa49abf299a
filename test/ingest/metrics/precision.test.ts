import { describe, expect, it } from 'vitest';
import type { ReportMeta, ReportOutline } from '../../../src/domain/report.js';
import { extractFile } from '../../../src/ingest/extract.js';
import { extractMetrics } from '../../../src/ingest/metrics/index.js';

const META: ReportMeta = {
  title: null,
  body: '政协',
  kind: null,
  year: 2022,
  period: 'year',
  deliveredOn: null,
  speaker: null,
  session: null,
  region: { name: '开化县', short: '开化', level: '县', tier: '县级', province: '浙江省', parent: '衢州市', code: '330824' },
};
const NO_OUTLINE: ReportOutline = { parts: [], sections: [] };
const run = (text: string, meta: Partial<ReportMeta> = {}) => extractMetrics(text, NO_OUTLINE, { ...META, ...meta });
const flagsOf = (text: string, value: number, meta: Partial<ReportMeta> = {}) =>
  run(text, meta).metrics.find((m) => m.value === value)?.flags ?? [];

describe('precision: a headline fact is what its label says', () => {
  it('membership changes are not membership (辞去/撤销/增补委员)', () => {
    const r = run('全年共通过辞去委员30名、常委7名,增补委员31名。撤销委员职务1人,暂停委员职务1人。');
    expect(r.headline['members.count']).toBeUndefined();
    expect(flagsOf('全年共通过辞去委员30名、常委7名。', 30)).toContain('委员变动，非委员人数');
    expect(flagsOf('撤销委员职务1人。', 1)).toContain('委员变动，非委员人数');
  });

  it('speeches at a meeting and its members’ activities are not meetings', () => {
    const r = run(
      '积极推荐各民主党派在政协全体会议、常委会会议上发言16次。主席会议成员带头深入社区、企业宣讲27次。召开常委会会议5次。',
    );
    expect(r.headline['meetings.standing_committee']?.value).toBe(5);
    expect(r.headline['meetings.chair']).toBeUndefined();
    expect(flagsOf('主席会议成员带头深入社区宣讲27次。', 27)).toContain('发言或活动次数，非会议次数');
  });

  it('one kind of 协商 is not the 协商活动 total', () => {
    const r = run('开展座谈协商9次,很多建设性意见建议被采纳吸收。');
    expect(r.headline['consultations.events']).toBeUndefined();
    expect(r.metrics.find((m) => m.value === 9)?.flags).toContain('某一类协商，非协商活动总数');
  });

  it('thresholds, start values and targets never headline', () => {
    const gov = { body: '政府' as const };
    expect(run('全省地区生产总值历史性迈上4000亿元台阶。', gov).headline['economy.gdp']).toBeUndefined();
    expect(run('五年跨越两个千亿元台阶。', gov).headline['economy.gdp']).toBeUndefined();
    const r = run('地区生产总值从11.37万亿元提高到14.58万亿元。', gov);
    expect(r.headline['economy.gdp']?.value).toBe(14.58);
    expect(r.metrics.find((m) => m.value === 11.37)?.flags).toContain('起始值（从X到Y），非当前数');
    expect(run('进出口总额接连突破8万亿元、9万亿元。', gov).headline['trade.imports_exports']).toBeUndefined();
    expect(run('力争地区生产总值达到500亿元。', gov).headline['economy.gdp']).toBeUndefined();
  });

  it('category sub-counts are never the total', () => {
    const r = run('经济建设方面提案56件。其中民主党派提交提案81件。共收到提案300件。');
    expect(r.headline['proposals.received']?.value).toBe(300);
    expect(flagsOf('经济建设方面提案56件。', 56)).toContain('分类小计，非总数');
  });
});

describe('consistency checks', () => {
  it('received below filed: the received figure is kept, flagged and not headline', () => {
    const r = run('民主党派和工商联共收到提案81件。立案提案120件。');
    expect(r.headline['proposals.filed']?.value).toBe(120);
    expect(r.headline['proposals.received']).toBeUndefined();
    const f = r.metrics.find((m) => m.value === 81);
    expect(f?.confidence).toBe('low');
    expect(f?.flags.length).toBeGreaterThan(0);
    const plain = run('收到提案81件。立案提案120件。');
    expect(plain.headline['proposals.received']).toBeUndefined();
    expect(plain.metrics.find((m) => m.value === 81)?.flags).toContain('收到少于立案');
  });

  it('a rate above 100% or off the stated counts is not headline', () => {
    expect(run('提案办复率达120%。').headline['proposals.answer_rate']).toBeUndefined();
    const r = run('立案提案200件,办复提案100件,办复率99%。');
    expect(r.headline['proposals.answer_rate']).toBeUndefined();
    expect(r.metrics.find((m) => m.value === 99)?.flags).toContain('比率与件数不符');
  });

  it('sub-counts summing above the total are flagged', () => {
    const r = run('共收到提案100件。委员提案90件。集体提案30件。');
    expect(r.headline['proposals.received']?.value).toBe(100);
    expect(r.headline['proposals.member']).toBeUndefined();
  });

  it('全部办复 is a derived 100% with its rule', () => {
    const f = run('共征集提案261件,现已全部办复。').headline['proposals.answer_rate'];
    expect(f).toMatchObject({ value: 100, rule: 'words:已全部办复', derived: '已全部办复 → 100%', confidence: 'high' });
  });
});

describe('seed cases', () => {
  const seed = (name: string) => extractFile(new URL(`../../../seeds/${name}`, import.meta.url).pathname);

  it('开化: no 委员人数 from 辞去委员30名', async () => {
    const r = await seed('003_39406531928dc60d.txt');
    expect(r.headline['members.count']?.value).not.toBe(30);
  });

  it('安宁: no 委员人数 from 撤销委员职务1人, no 协商活动 from one kind of 协商', async () => {
    const r = await seed('001_a5e4252a04534051.txt');
    expect(r.headline['members.count']?.value).not.toBe(1);
    expect(r.headline['consultations.events']?.value).not.toBe(9);
  });

  it('鹤岗: no 主席会议 27次 / 常委会会议 16次; 领导批示 is the sum of its two parts', async () => {
    const r = await seed('002_0826cd33da04db7c.txt');
    expect(r.headline['meetings.chair']?.value).not.toBe(27);
    expect(r.headline['meetings.standing_committee']?.value).not.toBe(16);
    expect(r.headline['instructions.count']).toMatchObject({ value: 23, derived: '11+12=23' });
  });
});
