import { describe, expect, it } from 'vitest';
import type { CorpusEval } from '../../src/eval/run-eval.js';
import { subsetEval } from '../../src/eval/run-eval.js';
import { fieldTallies } from '../../src/eval/score-fields.js';
import { corpusHalf, inHalf } from '../../src/eval/split.js';

describe('dev-corpus split', () => {
  it('puts odd file numbers in the tuning half and even ones in the validation half', () => {
    expect(corpusHalf('d001.txt')).toBe('tuning');
    expect(corpusHalf('d092.txt')).toBe('validation');
    expect(corpusHalf('real/d2021-013.txt')).toBe('tuning');
    expect(corpusHalf('readme.txt')).toBeNull();
    expect(['d001.txt', 'd002.txt', 'd003.txt'].filter(inHalf('validation'))).toEqual(['d002.txt']);
  });

  it('re-aggregates fields and metric families for one half', () => {
    const fields = [
      { file: 'd001.txt', field: 'year', expected: 2020, got: 2020, ok: true, outcome: 'found' as const },
      { file: 'd002.txt', field: 'year', expected: 2021, got: null, ok: false, outcome: 'missing' as const },
      { file: 'd003.txt', field: 'year', expected: 2022, got: 2021, ok: false, outcome: 'wrong' as const },
    ];
    const fam = (found: number) => new Map([['proposals', { gold: 2, found, missing: 2 - found, wrong: 0, beyond: 0 }]]);
    const all: CorpusEval = {
      name: 'dev',
      files: ['d001.txt', 'd002.txt', 'd003.txt'],
      reports: 3,
      fields,
      tallies: fieldTallies(fields),
      families: new Map(),
      fileFamilies: new Map([
        ['d001.txt', fam(2)],
        ['d002.txt', fam(0)],
        ['d003.txt', fam(1)],
      ]),
      metricMisses: [{ file: 'd002.txt', kind: 'missed', key: 'proposals.filed', expected: '1件', got: null, quote: null }],
      errors: [],
      metricsMs: new Map([['d001.txt', 4]]),
    };
    const tuning = subsetEval(all, 'tuning', inHalf('tuning'));
    expect(tuning.reports).toBe(2);
    expect(tuning.tallies.get('year')).toEqual({ found: 1, missing: 0, wrong: 1, total: 2 });
    expect(tuning.families.get('proposals')).toEqual({ gold: 4, found: 3, missing: 1, wrong: 0, beyond: 0 });
    expect(tuning.metricMisses).toEqual([]);
    const validation = subsetEval(all, 'validation', inHalf('validation'));
    expect(validation.tallies.get('year')).toEqual({ found: 0, missing: 1, wrong: 0, total: 1 });
    expect(validation.metricMisses).toHaveLength(1);
  });
});
