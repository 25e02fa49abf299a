import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fieldMisses, fieldTable, metricMisses, metricTable } from '../eval/print.js';
import { type CorpusEval, evalCorpus, subsetEval } from '../eval/run-eval.js';
import { inHalf } from '../eval/split.js';

/**
 * `digest eval`: scores extraction on the seeds and the dev corpus (../shared/dev-corpus) — its tuning half
 * (odd file numbers), its validation half (even) and all of it — and prints tables.
 */
export async function runEval(root = process.cwd(), out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const seeds = await evalCorpus('seeds', resolve(root, 'test/fixtures/gold-seeds.json'), resolve(root, 'seeds'), true);
  const devGold = resolve(root, '../shared/dev-corpus/gold.json');
  let dev: CorpusEval | null = null;
  if (existsSync(devGold)) dev = await evalCorpus('dev', devGold);
  else out.write(`dev corpus not found at ${devGold}; skipped\n`);
  const halves = dev ? [subsetEval(dev, 'tuning', inHalf('tuning')), subsetEval(dev, 'validation', inHalf('validation'))] : [];
  const columns = dev ? [seeds, ...halves, dev] : [seeds];

  out.write('== Metadata: found% found/missing/wrong (wrong = a value shown that is not the gold one)\n');
  out.write(`${fieldTable(columns.map((c) => ({ name: `${c.name} (${c.reports})`, tallies: c.tallies })))}\n`);
  for (const c of [seeds, ...halves]) {
    out.write(`\n-- ${c.name}: field misses\n${fieldMisses(c.fields)}\n`);
    if (c.errors.length) out.write(`-- ${c.name}: errors\n${c.errors.map((e) => `  ${e.file}: ${e.error}`).join('\n')}\n`);
  }
  for (const c of columns) out.write(`\n== Headline metrics vs gold: ${c.name}\n${metricTable(c.families)}\n`);
  for (const c of [seeds, ...halves]) out.write(`-- ${c.name}: metric misses\n${metricMisses(c.metricMisses)}\n`);
  return [seeds, dev].some((c) => c && c.errors.length === c.reports && c.reports > 0) ? 1 : 0;
}
