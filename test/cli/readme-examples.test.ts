import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExampleCorpus, readmeBlocks } from '../../src/cli/readme-blocks.js';
import { createExampleRunner, type ExampleRunner } from '../../src/cli/readme-example-runner.js';
import { blockLabel, checkBlock, rewriteBlock } from '../../src/cli/readme-examples.js';

// README.md's example blocks against today's output: each checked block's commands run through `digest ask` on one
// database per corpus (seeds; seeds + dev corpus), built once for the whole file — the dev corpus ingest is most of
// the time. Without ../shared/dev-corpus (a clean clone) its blocks are skipped.
const ROOT = new URL('../../', import.meta.url).pathname;
const blocks = readmeBlocks(readFileSync(`${ROOT}README.md`, 'utf8'));
const checked = blocks.filter((b) => b.marker?.kind === 'checked');
const corpusOf = (b: (typeof blocks)[number]): ExampleCorpus => (b.marker?.kind === 'checked' ? b.marker.corpus : 'seeds');

/** The block with its body line `at` replaced. */
const withLine = (block: (typeof blocks)[number], at: number, line: string) => ({
  ...block,
  body: block.body.map((l, i) => (i === at ? line : l)),
});
/** A seeds block and the index of a shown output line with a figure in it, not cut. */
function figureLine() {
  const block = checked.find((b) => corpusOf(b) === 'seeds')!;
  const at = block.body.findIndex((l, i) => i > 0 && /\d/.test(l) && !l.startsWith('$') && !l.endsWith('…'));
  return { block, at };
}

let runner: ExampleRunner;
beforeAll(async () => {
  runner = createExampleRunner(ROOT);
  for (const corpus of new Set(checked.map(corpusOf))) if (runner.available(corpus)) await runner.ready(corpus);
}, 180_000);
afterAll(() => runner?.close());

describe('README.md examples', () => {
  it('marks every fenced block as checked (with its corpus) or unchecked (with why)', () => {
    expect(blocks.filter((b) => !b.marker).map(blockLabel)).toEqual([]);
    expect(checked.length).toBeGreaterThanOrEqual(6);
  });

  it.each(checked.map((b) => [blockLabel(b), b] as const))('%s holds', async (_label, block) => {
    const check = await checkBlock(block, runner);
    if (check.status === 'skipped') return;
    // The message names the block, the README line and the first output line that differs.
    expect(check.status === 'differs' ? check.message : 'ok').toBe('ok');
  });

  it('names the README line and the output line when a shown figure is wrong', async () => {
    const { block, at } = figureLine();
    const wrong = block.body[at]!.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    const check = await checkBlock(withLine(block, at, wrong), runner);
    expect(check.status).toBe('differs');
    const message = check.status === 'differs' ? check.message : '';
    expect(message).toContain(`README.md:${block.bodyStart + at + 1} shows “${wrong}”`);
    expect(message).toContain(`is “${block.body[at]}”`);
  });

  it('--write turns the broken block back into the README one', async () => {
    const { block, at } = figureLine();
    const rewrite = await rewriteBlock(withLine(block, at, `${block.body[at]}!`), runner);
    expect(rewrite?.body).toEqual(block.body);
    expect([rewrite?.dropped, rewrite?.added]).toEqual([1, 1]);
  });
});
