import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../src/eval/load-gold.js';
import { variantFieldResults } from '../../src/eval/run-variants.js';
import { type FieldResult, fieldTallies } from '../../src/eval/score-fields.js';
import { otherRegionVariant, traditionalVariant } from '../../src/eval/variants.js';

const DEV = resolve(__dirname, '../../../shared/dev-corpus');
const GOLD = join(DEV, 'gold.json');

const share = (results: FieldResult[], field: string): number => {
  const t = fieldTallies(results).get(field);
  return t ? t.found / t.total : 0;
};

describe('gold variants', () => {
  it('renames the region, its parent and province in both scripts, and rewrites the gold alike', () => {
    const gold = {
      file: 'x.txt',
      region: { name: '资阳市', short: '资阳', level: '市', province: '四川省' },
      deliveredOnAlternatives: [],
      facts: [],
    };
    const v = otherRegionVariant(gold, '政协资阳市委员会。四川省资阳市政协。資陽市政協(xié)常委会')!;
    expect(v.gold.region?.name).not.toBe('资阳市');
    expect(v.gold.region?.level).toBe('市');
    expect(v.gold.region?.province).not.toBe('四川省');
    expect(v.text).not.toMatch(/资阳|資陽|四川|\(xié\)/);
    expect(v.text).toContain(v.gold.region!.name!);
    expect(traditionalVariant(gold, '政协委员会').text).toBe('政協委員會');
  });

  // A rule that memorized a region, or works in one script only, drops on the rewritten corpus.
  it.skipIf(!existsSync(GOLD))(
    'metadata holds on the dev corpus issued by other regions and in Traditional script',
    () => {
      for (const rewrite of [otherRegionVariant, traditionalVariant]) {
        const { reports, fields } = variantFieldResults(GOLD, rewrite);
        expect(reports).toBeGreaterThanOrEqual(80);
        for (const f of ['region.name', 'region.province', 'body', 'year', 'deliveredOn', 'speaker'])
          expect(share(fields, f), `${rewrite.name} ${f}`).toBeGreaterThanOrEqual(0.95);
      }
    },
    120_000,
  );
});

// Keep the fixture's shape honest: the gold file lists reports the folder has.
it.skipIf(!existsSync(GOLD))('every dev gold file exists', () => {
  for (const g of loadGold(GOLD)) expect(readFileSync(join(DEV, g.file)).length).toBeGreaterThan(0);
});
