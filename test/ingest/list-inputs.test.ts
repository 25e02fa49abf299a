import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listInputs } from '../../src/ingest/list-inputs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp folder with `z-first/` and `a-second/`, each holding files named `names`. */
function folders(names: string[]): { root: string; first: string; second: string } {
  const root = mkdtempSync(join(tmpdir(), 'digest-list-'));
  dirs.push(root);
  const first = join(root, 'z-first');
  const second = join(root, 'a-second');
  for (const d of [first, second]) {
    mkdirSync(d);
    for (const n of names) writeFileSync(join(d, n), n);
  }
  return { root, first, second };
}

describe('listInputs', () => {
  it('lists the inputs in the order given, each one sorted by path (a path sort across inputs would put a-second first)', async () => {
    const { first, second } = folders(['b.txt', 'a.txt']);
    const { files } = await listInputs([first, second]);
    expect(files).toEqual([join(first, 'a.txt'), join(first, 'b.txt'), join(second, 'a.txt'), join(second, 'b.txt')]);
  });

  it('lists a file given twice once, at its first place', async () => {
    const { first, second } = folders(['a.txt', 'b.txt']);
    const { files } = await listInputs([join(second, 'b.txt'), first, second]);
    expect(files).toEqual([join(second, 'b.txt'), join(first, 'a.txt'), join(first, 'b.txt'), join(second, 'a.txt')]);
  });
});
