import { type ExampleCommand, exampleCommands, type ExampleMarker, type ReadmeBlock } from './readme-blocks.js';
import type { ExampleRunner } from './readme-example-runner.js';
import { excerptDifference, rewriteExcerpt } from './readme-match.js';

/** `block 5 (README.md:147, $ /compare 提案 县级)`: how reports name a block. */
export function blockLabel(block: ReadmeBlock): string {
  const first = block.body.find((l) => l.startsWith('$ '));
  return `block ${block.index} (README.md:${block.line}${first ? `, ${first}` : ''})`;
}

/** The outcome of checking one block. */
export type BlockCheck =
  | { status: 'ok' }
  | { status: 'unchecked'; reason: string }
  | { status: 'skipped'; reason: string }
  | { status: 'differs'; message: string };

function quote(line: string | null): string {
  return line === null ? '(nothing)' : `“${line}”`;
}

function differenceMessage(block: ReadmeBlock, command: ExampleCommand, actual: string[]): string | null {
  const d = excerptDifference(command.shown, actual);
  if (!d) return null;
  const where = `${blockLabel(block)}, ${command.prompt}`;
  if (d.shownIndex === null)
    return `${where}: the output goes on after the last shown line; output line ${d.actualIndex! + 1} is ${quote(d.actual)}`;
  const readmeLine = block.bodyStart + command.bodyIndex + 1 + d.shownIndex + 1;
  const actualAt =
    d.actualIndex === null
      ? 'the output has ended'
      : d.afterGap
        ? `no output line from line ${d.actualIndex + 1} on matches it`
        : `output line ${d.actualIndex + 1} is ${quote(d.actual)}`;
  return `${where}: README.md:${readmeLine} shows ${quote(d.shown)}, ${actualAt}`;
}

type CheckedMarker = Extract<ExampleMarker, { kind: 'checked' }>;

/** The marker of a block to run, or why it is not run: no marker, marked unchecked, or its corpus is not there. */
function precheck(block: ReadmeBlock, runner: ExampleRunner): BlockCheck | CheckedMarker {
  const marker = block.marker;
  if (!marker)
    return {
      status: 'differs',
      message: `${blockLabel(block)}: no <!-- example: corpus=… --> or <!-- example: unchecked (why) --> marker before it`,
    };
  if (marker.kind === 'unchecked') return { status: 'unchecked', reason: marker.reason };
  if (!runner.available(marker.corpus)) return { status: 'skipped', reason: `corpus ${marker.corpus} not found` };
  return marker;
}

/** Runs every `$` line of the block, in order, and compares the shown output with the real one. */
export async function checkBlock(block: ReadmeBlock, runner: ExampleRunner): Promise<BlockCheck> {
  const marker = precheck(block, runner);
  if ('status' in marker) return marker;
  for (const command of exampleCommands(block)) {
    const actual = await runner.ask(marker.corpus, command.line, command.chat, marker.now);
    const message = differenceMessage(block, command, actual);
    if (message) return { status: 'differs', message };
  }
  return { status: 'ok' };
}

/** A checked block's body made true for today's output (null for blocks that are not checked), with what changed. */
export async function rewriteBlock(
  block: ReadmeBlock,
  runner: ExampleRunner,
): Promise<{ body: string[]; dropped: number; added: number } | null> {
  const marker = precheck(block, runner);
  if ('status' in marker) return null;
  const body: string[] = [];
  let dropped = 0;
  let added = 0;
  for (const command of exampleCommands(block)) {
    const actual = await runner.ask(marker.corpus, command.line, command.chat, marker.now);
    const rewrite = rewriteExcerpt(command.shown, actual);
    dropped += rewrite.dropped;
    added += rewrite.added;
    if (body.length) body.push('');
    body.push(command.prompt, ...rewrite.lines);
  }
  return { body, dropped, added };
}
