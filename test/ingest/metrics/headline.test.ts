import { describe, expect, it } from 'vitest';
import type { ReportMeta, ReportOutline } from '../../../src/domain/report.js';
import { extractMetrics } from '../../../src/ingest/metrics/index.js';
import { buildOutline } from '../../../src/ingest/outline/index.js';
import { nth } from '../../helpers/nth.js';

const META: ReportMeta = {
  title: null,
  body: '政协',
  kind: null,
  year: 2023,
  period: 'year',
  deliveredOn: null,
  speaker: null,
  session: null,
  region: { name: '鹤岗市', short: '鹤岗', level: '市', tier: '地级', province: '黑龙江省', parent: null, code: '230400' },
};
const NO_OUTLINE: ReportOutline = { parts: [], sections: [] };
const run = (text: string, meta: Partial<ReportMeta> = {}, outline = NO_OUTLINE) =>
  extractMetrics(text, outline, { ...META, ...meta });

describe('headline choice', () => {
  it('a term report: a figure that states no period is the term’s, not one year’s', () => {
    const text = '十二届政协委员、政协各参加单位及各专委会共提提案5143件。';
    const term = run(text, { period: 'term' }).metrics.find((m) => m.key === 'proposals.received');
    expect(term?.period).toBe('term');
    expect(run(text).metrics.find((m) => m.key === 'proposals.received')?.period).toBe('year');
  });

  it('d022 trap: 实际立案 wins over the gross 立案 count', () => {
    const { headline } = run('大会共收到提案110件,经审查,立案78件、并案6件,实际立案72件,立案率70.9%。');
    expect(headline['proposals.filed']?.value).toBe(72);
    expect(headline['proposals.received']?.value).toBe(110);
    // 78 / 110 = 70.9%: the rate matches the gross reading, so it passes the ratio check.
    expect(headline['proposals.filing_rate']?.value).toBe(70.9);
  });

  it('prefers the reading consistent with the stated ratio', () => {
    const { headline } = run('共收到提案202件。立案150件。经审查立案153件,立案率75.7%。');
    expect(headline['proposals.filed']?.value).toBe(153);
  });

  it('stripped numbers give no facts (d011/d032)', () => {
    const r = run('共提出提案件,比上届增加了件,立案率为%,办复率%。应出席委员人,实到人。');
    expect(r.metrics.filter((m) => m.key !== 'other')).toEqual([]);
    expect(r.headline).toEqual({});
  });

  it('全部办复 states a 100% answer rate with its sentence as evidence', () => {
    const { headline } = run('共征集提案261件,民生类提案占40%,现已全部办复。');
    expect(headline['proposals.answer_rate']).toMatchObject({
      value: 100,
      unit: '%',
      evidence: '共征集提案261件,民生类提案占40%,现已全部办复',
    });
  });

  it('merges the same figure mentioned twice, keeping both sentences', () => {
    const r = run('全年办理提案261件,撰写社情民意信息67篇。\n一年来,办理提案261件,全部按时答复。');
    const facts = r.metrics.filter((m) => m.key === 'proposals.answered');
    expect(facts).toHaveLength(1);
    expect(facts[0]?.evidence.split('\n')).toHaveLength(2);
  });

  it('parts of one total are summed with a derived mark; two-level totals never win over our own', () => {
    const { headline, metrics } = run(
      '省政协主席等省政协领导批示11次,市委书记批示12次。\n市、县(区)两级政协委员开展微协商336次。\n一年来开展微协商120次。',
    );
    expect(headline['instructions.count']).toMatchObject({ value: 23, derived: '11+12=23', rule: 'sum', confidence: 'high' });
    const part = metrics.find((m) => m.key === 'instructions.count' && m.value === 12);
    expect(part).toMatchObject({ confidence: 'low', flags: ['部分数（合计 11+12=23）'] });
    const twoLevel = metrics.find((m) => m.value === 336);
    expect(twoLevel).toMatchObject({ bodyScope: 'aggregate', confidence: 'low', flags: ['多级合计'] });
    expect(headline['consultations.grassroots_events']?.value).toBe(120);
  });

  it('a five-year total never wins over the year figure; the paragraph carries the period', () => {
    const r = run('五年来,共收到提案1500件。其中委员提案1200件,收到提案300件。\n一年来,共收到提案320件。');
    expect(r.headline['proposals.received']?.value).toBe(320);
    expect(r.metrics.find((m) => m.value === 300)?.period).toBe('term');
  });

  it('plan-scope targets never headline, and carry scope plan', () => {
    const text = '2023年工作回顾\n全年开展专题协商4次。\n2024年工作安排\n全年开展专题协商不少于6次。';
    const planStart = text.indexOf('2024年工作安排');
    const outline: ReportOutline = {
      parts: [
        { title: '2023年工作回顾', scope: 'review', start: 0, end: planStart },
        { title: '2024年工作安排', scope: 'plan', start: planStart, end: text.length },
      ],
      sections: [{ path: '1', title: '2023年工作回顾', level: 1, scope: 'review', start: 0, end: planStart }],
    };
    const r = run(text, {}, outline);
    expect(r.headline['consultations.special']).toMatchObject({ value: 4, scope: 'review', sectionPath: '1' });
    expect(r.metrics.find((m) => m.value === 6)).toMatchObject({ scope: 'plan', approx: 'at-least', lower: 6 });
  });

  it("takes the plan part from the outline's parts", () => {
    const text = '2023年工作回顾\n全年开展专题协商4次。\n2024年工作安排\n开展专题协商不少于6次。';
    // Without parts no figure is a plan's: the headings are the outline's to read.
    expect(run(text).metrics.find((m) => m.value === 6)?.scope).toBeNull();
    const r = run(text, {}, buildOutline(text));
    expect(r.metrics.find((m) => m.value === 6)?.scope).toBe('plan');
    expect(r.headline['consultations.special']?.value).toBe(4);
  });

  it('keeps unclassified figures as other, with unit and evidence', () => {
    const r = run('组织了叫不出名字的事情5件。');
    expect(r.metrics).toEqual([
      expect.objectContaining({ key: 'other', label: '其他', value: 5, unit: '件', evidence: '组织了叫不出名字的事情5件' }),
    ]);
    expect(r.headline).toEqual({});
  });

  it('normalizes money to yuan and points offsets at the number', () => {
    const text = '委员捐款捐物近330万元。';
    const fact = nth(run(text).metrics, 0);
    expect(fact).toMatchObject({ key: 'donations.amount', normalized: 3_300_000, approx: 'below', upper: 330 });
    expect(text.slice(fact.offset, fact.offset + 3)).toBe('330');
  });

  it('is body-aware: a 政府 report handles 政协提案 and 人大代表建议', () => {
    const { headline } = run('办理全国人大代表建议9件、全国政协提案5件、省人大代表建议292件、省政协提案553件。', {
      body: '政府',
    });
    expect(headline['cppcc_proposals.handled']?.value).toBe(553);
    expect(headline['npc_suggestions.handled']?.value).toBe(292);
    expect(headline['proposals.received']).toBeUndefined();
  });
});
