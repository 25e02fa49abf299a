import { readFileSync } from 'node:fs';
import { assert, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/ingest/extract.js';
import { looseText } from '../../../src/ingest/metrics/clauses.js';

interface GoldFigure {
  key?: string;
  value: number;
  unit: string;
  approx?: string | null;
  quote: string;
}
interface GoldReport {
  file: string;
  proposals?: Record<string, GoldFigure>;
  other_metrics?: GoldFigure[];
}

const gold = JSON.parse(readFileSync(new URL('../../fixtures/gold-seeds.json', import.meta.url), 'utf8')) as {
  reports: GoldReport[];
};
const APPROX: Record<string, string> = { 近: 'below', 余: 'above', 多: 'above', 约: 'about', 超: 'at-least' };

describe('seed reports: every gold figure is a headline fact', () => {
  for (const report of gold.reports) {
    const figures: GoldFigure[] = [
      ...Object.entries(report.proposals ?? {}).map(([k, v]) => ({ ...v, key: `proposals.${k}` })),
      ...(report.other_metrics ?? []),
    ];
    it(`${report.file}: ${figures.length} figures`, async () => {
      const r = await extractFile(new URL(`../../../seeds/${report.file}`, import.meta.url).pathname);
      for (const g of figures) {
        const fact = r.headline[g.key!];
        const where = `${report.file} ${g.key} ${g.value}${g.unit}`;
        assert(fact, `${where}: no headline fact`);
        expect([fact.value, fact.unit], where).toEqual([g.value, g.unit]);
        expect(fact.approx, where).toBe(g.approx ? APPROX[g.approx] : 'exact');
        expect(looseText(fact.evidence), where).toContain(looseText(g.quote));
        expect(fact.scope, where).not.toBe('plan');
      }
    });
  }
});
