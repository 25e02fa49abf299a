/**
 * Seven PDF/DOCX variants generated from the seeds' text at test time go through the real pipeline and must
 * yield the region, year and headline figures of the .txt seed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedReport } from '../../../src/domain/report.js';
import { extractFile } from '../../../src/ingest/extract.js';
import { makeDocx, makePdf } from '../../helpers/make-documents.js';
import { SEEDS_DIR } from '../../helpers/temp-db.js';

const VARIANTS: { seed: string; make: (text: string) => Promise<Uint8Array>; name: string }[] = [
  { seed: '000_c9300030d36acea5.txt', name: 'plain.pdf', make: (t) => makePdf(t, 'plain') },
  { seed: '003_39406531928dc60d.txt', name: 'plain.pdf', make: (t) => makePdf(t, 'plain') },
  { seed: '001_a5e4252a04534051.txt', name: 'header-footer.pdf', make: (t) => makePdf(t, 'header-footer') },
  { seed: '002_0826cd33da04db7c.txt', name: 'two-column.pdf', make: (t) => makePdf(t, 'two-column') },
  { seed: '004_580fe89a2b738e05.txt', name: 'plain.docx', make: (t) => makeDocx(t, 'plain') },
  { seed: '000_c9300030d36acea5.txt', name: 'plain.docx', make: (t) => makeDocx(t, 'plain') },
  { seed: '003_39406531928dc60d.txt', name: 'header-footer.docx', make: (t) => makeDocx(t, 'header-footer') },
];

const dir = mkdtempSync(join(tmpdir(), 'digest-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What must survive the format: metadata and every headline figure (key → value and unit). */
function essentials(r: ExtractedReport) {
  return {
    region: r.meta.region?.code ?? null,
    year: r.meta.year,
    body: r.meta.body,
    headline: Object.fromEntries(
      Object.entries(r.headline)
        .map(([key, f]) => [key, `${f.value}${f.unit}`] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    ),
  };
}

describe('PDF and DOCX made from the seeds', () => {
  for (const v of VARIANTS) {
    it(`${v.seed} as ${v.name} gives the .txt seed's metadata and figures`, async () => {
      const seedPath = join(SEEDS_DIR, v.seed);
      const text = await readFile(seedPath, 'utf8');
      const path = join(dir, `${v.seed.slice(0, 3)}-${v.name}`);
      writeFileSync(path, await v.make(text));
      const [fromTxt, fromDoc] = await Promise.all([extractFile(seedPath), extractFile(path)]);
      const expected = essentials(fromTxt);
      expect(expected.region).not.toBeNull();
      expect(Object.keys(expected.headline).some((k) => k.startsWith('proposals.'))).toBe(true);
      expect(essentials(fromDoc)).toEqual(expected);
    }, 30_000);
  }
});
