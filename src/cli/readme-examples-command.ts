import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readmeBlocks } from './readme-blocks.js';
import { createExampleRunner } from './readme-example-runner.js';
import { blockLabel, checkBlock, rewriteBlock } from './readme-examples.js';

/**
 * `digest readme-examples [--check|--write]` (`npm run readme:examples`): runs every marked example block of
 * README.md through `digest ask` on a fresh database of its corpus; --check (default) lists the blocks that
 * no longer hold and exits 1, --write makes them hold again, keeping their cuts where they still match.
 */
export async function runReadmeExamples(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  root = process.cwd(),
): Promise<number> {
  const write = args.includes('--write');
  const path = resolve(root, 'README.md');
  const text = readFileSync(path, 'utf8');
  const blocks = readmeBlocks(text);
  const runner = createExampleRunner(root);
  let failed = 0;
  try {
    if (!write) {
      for (const block of blocks) {
        const check = await checkBlock(block, runner);
        if (check.status === 'ok') out.write(`ok       ${blockLabel(block)}\n`);
        else if (check.status === 'unchecked') out.write(`        - ${blockLabel(block)}: unchecked (${check.reason})\n`);
        else {
          failed++;
          out.write(
            check.status === 'skipped' ? `SKIPPED  ${blockLabel(block)}: ${check.reason}\n` : `DIFFERS  ${check.message}\n`,
          );
        }
      }
      out.write(
        failed ? `${failed} README examples do not hold; npm run readme:examples -- --write\n` : 'README examples hold\n',
      );
      return failed ? 1 : 0;
    }
    const lines = text.split('\n');
    // Bottom up, so the line ranges of the blocks above stay where they are.
    for (const block of [...blocks].reverse()) {
      if (!block.marker) {
        failed++;
        out.write(`UNMARKED ${blockLabel(block)}: add <!-- example: corpus=… --> or <!-- example: unchecked (why) -->\n`);
        continue;
      }
      if (block.marker.kind === 'checked' && !runner.available(block.marker.corpus)) {
        failed++;
        out.write(`SKIPPED  ${blockLabel(block)}: corpus ${block.marker.corpus} not found\n`);
        continue;
      }
      const rewrite = await rewriteBlock(block, runner);
      if (!rewrite) continue;
      const body = rewrite.body.map((l) => (l ? block.indent + l : l));
      const same = body.join('\n') === lines.slice(block.bodyStart, block.bodyEnd).join('\n');
      lines.splice(block.bodyStart, block.bodyEnd - block.bodyStart, ...body);
      out.write(
        same
          ? `ok       ${blockLabel(block)}\n`
          : `written  ${blockLabel(block)}: ${rewrite.dropped} shown lines dropped, ${rewrite.added} output lines added\n`,
      );
    }
    writeFileSync(path, lines.join('\n'));
    return failed ? 1 : 0;
  } finally {
    await runner.close();
  }
}
