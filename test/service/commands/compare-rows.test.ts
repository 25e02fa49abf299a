import { describe, expect, it } from 'vitest';
import { buildComparison } from '../../../src/service/commands/compare-rows.js';
import type { MetricRow, ReportRow } from '../../../src/service/query/report-store.js';

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
    flags: '[]',
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
