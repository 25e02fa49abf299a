import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalCorpus } from '../../src/eval/run-eval.js';

const GOLD = resolve(__dirname, '../../../shared/real-docs/gold.json');

// The real PDF/DOCX reports were never used to write rules: a held-out check of the whole pipeline.
describe.skipIf(!existsSync(GOLD))('held-out real documents (../shared/real-docs)', () => {
  it('finds region, province, body and year of every file and shows no wrong figure', async () => {
    const c = await evalCorpus('real-docs', GOLD);
    expect(c.errors).toEqual([]);
    for (const field of ['region.name', 'region.level', 'region.province', 'body', 'year']) {
      const t = c.tallies.get(field);
      expect(t, field).toBeDefined();
      expect(`${field} ${t?.found}/${t?.total}`).toBe(`${field} ${c.reports}/${c.reports}`);
    }
    const all = [...c.families.values()];
    const sum = (k: 'gold' | 'found' | 'wrong') => all.reduce((n, f) => n + f[k], 0);
    expect(sum('wrong')).toBe(0);
    expect(sum('found') / sum('gold')).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
