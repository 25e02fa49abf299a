import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { beyondReport, checkBeyond, loadReview } from '../eval/beyond-review.js';
import { fieldMisses, fieldTable, metricMisses, metricTable, summaryTable } from '../eval/print.js';
import { type CorpusEval, evalCorpus, metricsMsPerReport, subsetEval } from '../eval/run-eval.js';
import { variantFieldResults } from '../eval/run-variants.js';
import { fieldTallies } from '../eval/score-fields.js';
import { inHalf } from '../eval/split.js';
import { otherRegionVariant, traditionalVariant } from '../eval/variants.js';
import { measureStages, stageTable } from '../eval/stage-times.js';

/** Every headline fact beyond the gold, read once and marked ok or wrong-kind. */
const REVIEW_FILE = 'src/eval/beyond-gold-review.tsv';

/**
 * `digest eval`: scores extraction on the seeds and the dev corpus (../shared/dev-corpus) — its tuning half
 * (odd file numbers), its validation half (even) and all of it — prints tables, and lists the headline facts
 * beyond the gold against the committed review; with `--stages`, per-stage ingest times of the dev corpus; the real PDF/DOCX reports (../shared/real-docs) are a held-out column.
 */
export async function runEval(
  root = process.cwd(),
  out: NodeJS.WritableStream = process.stdout,
  options: { stages?: boolean } = {},
): Promise<number> {
  const seeds = await evalCorpus('seeds', resolve(root, 'test/fixtures/gold-seeds.json'), resolve(root, 'seeds'), true);
  const devGold = resolve(root, '../shared/dev-corpus/gold.json');
  let dev: CorpusEval | null = null;
  if (existsSync(devGold)) dev = await evalCorpus('dev', devGold);
  else out.write(`dev corpus not found at ${devGold}; skipped\n`);
  const halves = dev ? [subsetEval(dev, 'tuning', inHalf('tuning')), subsetEval(dev, 'validation', inHalf('validation'))] : [];
  // The real PDF/DOCX files were never looked at while writing rules: the one held-out column.
  const realGold = resolve(root, '../shared/real-docs/gold.json');
  const real = existsSync(realGold) ? await evalCorpus('real-docs', realGold) : null;
  const columns = [seeds, ...halves, ...(dev ? [dev] : []), ...(real ? [real] : [])];

  out.write('== Metadata: found% found/missing/wrong (wrong = a value shown that is not the gold one)\n');
  // The dev corpus rewritten: issued by another region, and in Traditional script (a memorization check).
  const variants = existsSync(devGold)
    ? [
        { name: 'dev·other region', ...variantFieldResults(devGold, otherRegionVariant) },
        { name: 'dev·traditional', ...variantFieldResults(devGold, traditionalVariant) },
      ]
    : [];
  const metaColumns = [
    ...columns.map((c) => ({ name: `${c.name} (${c.reports})`, tallies: c.tallies })),
    ...variants.map((v) => ({ name: `${v.name} (${v.reports})`, tallies: fieldTallies(v.fields) })),
  ];
  out.write(`${fieldTable(metaColumns)}\n`);
  for (const c of [seeds, ...halves, ...(real ? [real] : [])]) {
    out.write(`\n-- ${c.name}: field misses\n${fieldMisses(c.fields)}\n`);
    if (c.errors.length) out.write(`-- ${c.name}: errors\n${c.errors.map((e) => `  ${e.file}: ${e.error}`).join('\n')}\n`);
  }
  // A rewrite's misses that the dev corpus itself does not have are what the rewrite broke.
  const devMissed = new Set((dev?.fields ?? []).filter((r) => !r.ok).map((r) => `${r.file} ${r.field}`));
  for (const v of variants) {
    const own = v.fields.filter((r) => !devMissed.has(`${r.file} ${r.field}`));
    out.write(`\n-- ${v.name}: field misses the dev corpus does not have\n${fieldMisses(own)}\n`);
  }
  const named = columns.map((c) => ({ name: `${c.name} (${c.reports})`, families: c.families }));
  out.write('\n== Proposal figures: found / missing / WRONG (shown as headline but not the gold value)\n');
  out.write(`${summaryTable(named, 'proposals')}\n`);
  out.write(`\n== All gold figures\n${summaryTable(named, null)}\n`);
  for (const c of columns) out.write(`\n== Headline metrics vs gold per family: ${c.name}\n${metricTable(c.families)}\n`);
  for (const c of [seeds, ...halves, ...(real ? [real] : [])])
    out.write(`
-- ${c.name}: missed and wrong
${metricMisses(c.metricMisses)}
`);
  const review = loadReview(resolve(root, REVIEW_FILE));
  const reviewed = [seeds, ...halves].map((c) => ({ name: c.name, status: checkBeyond(c.metricMisses, review, c.files) }));
  out.write(`
== Headline facts beyond the gold vs the review (${REVIEW_FILE})
`);
  out.write(`${beyondReport(reviewed, (m) => metricMisses(m, ['beyond']))}
`);
  // Held out: listed, never reviewed (reading them to write rules would make them tuning data).
  if (real)
    out.write(`-- ${real.name}: headline facts beyond the gold
${metricMisses(real.metricMisses, ['beyond'])}
`);
  out.write(`\n== Metrics stage: ${columns.map((c) => `${c.name} ${metricsMsPerReport(c).toFixed(1)} ms/report`).join(', ')}\n`);
  if (options.stages && dev) {
    // A real ingest of the dev corpus into a throwaway database: every stage including the store, plus the passes.
    const times = await measureStages([dirname(devGold)]);
    out.write(`\n== Per-stage ingest time, dev corpus (ms/report)\n${stageTable(times)}\n`);
  }
  return [seeds, dev].some((c) => c && c.errors.length === c.reports && c.reports > 0) ? 1 : 0;
}
