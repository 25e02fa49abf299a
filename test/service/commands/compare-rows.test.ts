import { describe, expect, it } from 'vitest';
import { buildComparison, cellOf } from '../../../src/service/commands/compare-rows.js';
import type { MetricRow, ReportRow } from '../../../src/db/report-store.js';

const report = (id: number, name: string): ReportRow =>
  ({ id, regionName: name, regionCode: null, regionLevel: null, province: name, body: '政府', year: 2025 }) as ReportRow;
const gdp = (reportId: number, value: number, unit: string, normalized: number): MetricRow =>
  ({
    reportId,
    key: 'economy.gdp',
    label: '生产总值',
    value,
    unit,
    approx: 'exact',
    normalized,
    evidence: '',
    period: 'year',
    bodyScope: 'own',
    confidence: 'high',
    sectionPath: null,
    scope: null,
    flags: [],
    derived: null,
  }) as MetricRow;

describe('buildComparison with units of one family', () => {
  it('states the median in the unit most rows state, not in the base unit', () => {
    const reports = [report(1, '甲'), report(2, '乙'), report(3, '丙')];
    const facts = [gdp(1, 5.2, '万亿元', 5.2e12), gdp(2, 5.67, '万亿元', 5.67e12), gdp(3, 5696, '亿元', 5.696e11)];
    const cmp = buildComparison(reports, facts, ['economy.gdp'], 0, { includeDoubtful: false });
    expect(cmp.groups[0]!.stats!.median).toBe('5.2万亿元');
    expect(cmp.groups[0]!.rows.map((r) => r.cells[0]!.text)).toEqual(['5.67万亿元', '5.2万亿元', '5696亿元']);
  });
});

describe('cellOf period safety net', () => {
  const fact = (value: number, evidence: string): MetricRow => ({
    ...gdp(1, value, '场', value),
    key: 'consultations.events',
    evidence,
  });

  it('files a figure as a running total only when 累计 stands in its own clause', () => {
    expect(cellOf(fact(13, '全年开展13场“请你来协商”活动，累计有25名县党政领导参与协商'))?.period).toBe('year');
    expect(cellOf(fact(25, '全年开展13场“请你来协商”活动，累计有25名县党政领导参与协商'))?.period).toBe('cumulative');
    expect(cellOf(fact(300, '成立以来共开展协商300场'))?.period).toBe('cumulative');
    expect(cellOf(fact(27, '全年累计开展协商27场'))?.period).toBe('year');
    // 27 inside 2758 is no mention of 27.
    expect(cellOf(fact(27, '开展协商27场。累计解决问题2758个'))?.period).toBe('year');
  });

  it('still files a line saying 五年来 as a term total', () => {
    expect(cellOf(fact(120, '五年来，开展各类协商活动120场'))?.period).toBe('term');
  });
});

describe('rows holding only a non-annual figure', () => {
  it('go to the non-annual rows even when the compared column is empty', () => {
    const row = (reportId: number, key: string, value: number, period: string): MetricRow => ({
      ...gdp(reportId, value, '件', value),
      key,
      period,
      evidence: `共${value}件`,
    });
    const reports = [report(1, '甲'), report(2, '乙')];
    const facts = [row(1, 'proposals.filed', 300, 'year'), row(2, 'proposals.received', 5143, 'term')];
    const cmp = buildComparison(reports, facts, ['proposals.filed', 'proposals.received'], 0, { includeDoubtful: false });
    const annualIds = cmp.groups.flatMap((g) => g.rows.map((r) => r.report.id));
    expect(annualIds).toEqual([1]);
    expect(cmp.nonAnnual.map((r) => r.report.id)).toEqual([2]);
  });
});
