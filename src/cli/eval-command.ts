import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { evalCorpus, type CorpusEval } from '../eval/run-eval.js';
import { fieldMisses, fieldTable, metricMisses, metricTable } from '../eval/print.js';

/** `digest eval`: scores extraction on the seeds and the dev corpus (../shared/dev-corpus) and prints tables. */
export async function runEval(root = process.cwd(), out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const corpora: CorpusEval[] = [];
  corpora.push(await evalCorpus('seeds', resolve(root, 'test/fixtures/gold-seeds.json'), resolve(root, 'seeds'), true));
  const devGold = resolve(root, '../shared/dev-corpus/gold.json');
  if (existsSync(devGold)) corpora.push(await evalCorpus('dev corpus', devGold));
  else out.write(`dev corpus not found at ${devGold}; skipped\n`);

  out.write('== Metadata accuracy\n');
  out.write(fieldTable(corpora.map((c) => ({ name: `${c.name} (${c.reports})`, acc: c.accuracy }))) + '\n');
  for (const c of corpora) {
    out.write(`\n-- ${c.name}: field misses\n${fieldMisses(c.fields)}\n`);
    if (c.errors.length) out.write(`-- ${c.name}: errors\n` + c.errors.map((e) => `  ${e.file}: ${e.error}`).join('\n') + '\n');
  }
  for (const c of corpora) {
    out.write(`\n== Headline metrics vs gold: ${c.name}\n${metricTable(c.families)}\n`);
    out.write(`-- ${c.name}: metric misses\n${metricMisses(c.metricMisses)}\n`);
  }
  return corpora.some((c) => c.errors.length === c.reports && c.reports > 0) ? 1 : 0;
}
