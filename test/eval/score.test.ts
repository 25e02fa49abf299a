import { describe, expect, it } from 'vitest';
import type { MetricFact, ReportMeta } from '../../src/domain/report.js';
import { toGoldReport } from '../../src/eval/load-gold.js';
import { canon, fieldTallies, scoreFields } from '../../src/eval/score-fields.js';
import { familyOf, quoteForm, sameQuantity, scoreMetrics, unitScale, type FamilyScore } from '../../src/eval/score-metrics.js';
import { fieldTable, metricTable, summaryTable } from '../../src/eval/print.js';
import { keyOfLabel } from '../../src/eval/gold-labels.js';
import { corpusHalf } from '../../src/eval/split.js';

const meta: ReportMeta = {
  title: '鹤岗市政协 常委会工作报告',
  body: '政协',
  kind: '常委会工作报告',
  region: { name: '鹤岗市', short: '鹤岗', level: '市', tier: '地级', province: '黑龙江省', parent: null, code: '230400' },
  year: 2023,
  period: 'year',
  deliveredOn: '2024-01',
  speaker: null,
  session: null,
};

const fact = (key: string, value: number, unit: string): MetricFact => ({
  key,
  label: key,
  value,
  unit,
  approx: 'exact',
  lower: null,
  upper: null,
  normalized: value,
  scope: 'review',
  period: 'year',
  evidence: `证据${value}${unit}`,
  sectionPath: null,
  offset: 0,
  bodyScope: 'own',
  confidence: 'high',
  rule: 'cue:test',
  flags: [],
  derived: null,
});

describe('gold loading', () => {
  it('maps proposals to proposals.<key> and reads accepted alternative dates from the note', () => {
    const g = toGoldReport({
      file: 'x.txt',
      deliveredOn: null,
      deliveredOnNote: 'so 2024-01-29 or 2024-01 is also accepted',
      proposals: { filed: { value: 121, unit: '件', quote: '立案121件' } },
      other_metrics: [{ key: 'media.reports', value: 17, unit: '篇次', quote: '宣传报道17篇次' }],
    });
    expect(g.deliveredOnAlternatives).toEqual(['2024-01-29', '2024-01']);
    expect(g.facts.map((f) => f.key)).toEqual(['proposals.filed', 'media.reports']);
    expect(g.title).toBeUndefined();
  });
});

describe('field scoring', () => {
  it('compares without whitespace and accepts alternative dates', () => {
    const g = toGoldReport({
      file: 'x',
      title: '鹤岗市政协常委会工作报告',
      year: 2023,
      deliveredOn: null,
      deliveredOnNote: '2024-01 accepted',
      speaker: null,
      region: { name: '鹤岗市', province: '黑龙江省' },
    });
    const results = scoreFields(g, { meta, sourceUrl: null }, true);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.field)).toEqual(['region.name', 'region.province', 'year', 'deliveredOn', 'speaker', 'title']);
  });

  it('flags misses and skips seed-only fields for the dev corpus', () => {
    const g = toGoldReport({ file: 'x', kind: '工作综述', year: 2022, title: 'T' });
    const results = scoreFields(g, { meta, sourceUrl: null }, false);
    expect(results).toEqual([{ file: 'x', field: 'year', expected: 2022, got: 2023, ok: false, outcome: 'wrong' }]);
    expect(fieldTallies(results).get('year')).toEqual({ found: 0, missing: 0, wrong: 1, total: 1 });
    expect(canon('（摘要） ,')).toBe('(摘要),');
  });
});

describe('field outcomes', () => {
  it('tells a missing value from a wrong one, and a right null from both', () => {
    const nullMeta: ReportMeta = { ...meta, speaker: null, deliveredOn: '2024-01-05' };
    const g = toGoldReport({ file: 'y', speaker: '张三', deliveredOn: null, year: 2023 });
    const outcomes = scoreFields(g, { meta: nullMeta, sourceUrl: null }, false).map((r) => `${r.field}:${r.outcome}`);
    expect(outcomes).toEqual(['year:found', 'deliveredOn:wrong', 'speaker:missing']);
    const right = scoreFields(toGoldReport({ file: 'z', speaker: null }), { meta: nullMeta, sourceUrl: null }, false);
    expect(right[0]?.outcome).toBe('found');
  });
});

describe('metric scoring', () => {
  it('normalizes 万/亿 units', () => {
    expect(unitScale('万元')).toEqual({ scale: 1e4, base: '元' });
    expect(sameQuantity({ value: 3300000, unit: '元' }, { value: 330, unit: '万元' })).toBe(true);
    expect(sameQuantity({ value: 330, unit: '万元' }, { value: 330, unit: '万人' })).toBe(false);
    expect(sameQuantity({ value: 11, unit: '项' }, { value: 11, unit: '項' })).toBe(true);
  });

  it('counts found, missing and wrong per family, and lists headline facts beyond the gold', () => {
    const families = new Map<string, FamilyScore>();
    const gold = [
      { key: 'proposals.filed', value: 121, unit: '件', quote: null },
      { key: 'proposals.answer_rate', value: 100, unit: '%', quote: null },
      { key: 'media.reports', value: 17, unit: '篇次', quote: null },
    ];
    const headline = {
      'proposals.filed': fact('proposals.filed', 121, '件'),
      'proposals.answered': fact('proposals.answered', 121, '件'),
      'media.reports': fact('media.reports', 16, '篇次'),
      'economy.gdp': fact('economy.gdp', 10, '亿元'),
    };
    const misses = scoreMetrics('f', gold, headline, families);
    expect(families.get('proposals')).toEqual({ gold: 2, found: 1, missing: 1, wrong: 0, beyond: 1 });
    expect(families.get('media')).toEqual({ gold: 1, found: 0, missing: 0, wrong: 1, beyond: 0 });
    expect(families.get('economy')).toEqual({ gold: 0, found: 0, missing: 0, wrong: 0, beyond: 1 });
    expect(misses.map((m) => `${m.kind}:${m.key}`)).toEqual([
      'missed:proposals.answer_rate',
      'wrong:media.reports',
      'beyond:proposals.answered',
      'beyond:economy.gdp',
    ]);
    expect(metricTable(families)).toContain('ALL');
    expect(summaryTable([{ name: 'x', families }], 'proposals')).toContain('50.0% (1)');
  });

  it('maps the dev corpus labels of other_figures to keys, and splits the corpus by odd / even number', () => {
    const g = toGoldReport({
      file: 'd054.txt',
      other_figures: [
        { label: '立案率', value: 93.3, unit: '%' },
        { label: '提交意见建议报告(三级合计)', value: 1700, unit: '篇' },
      ],
    });
    expect(g.facts.map((f) => f.key)).toEqual(['proposals.filing_rate']);
    expect(keyOfLabel('地区生产总值（预计）')).toBe('economy.gdp');
    expect([corpusHalf('d001.txt'), corpusHalf('d054.txt'), corpusHalf('x.txt')]).toEqual(['tuning', 'validation', null]);
  });

  it('helpers', () => {
    expect(familyOf('cppcc_proposals.handled')).toBe('cppcc_proposals');
    expect(quoteForm('5696亿元， 增长5.3%')).toBe('5696亿元,增长5.3%');
    const tallies = new Map([['year', { found: 2, missing: 1, wrong: 1, total: 4 }]]);
    expect(fieldTable([{ name: 'seeds', tallies }])).toContain('50.0% 2/1/1');
  });
});
