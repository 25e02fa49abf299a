import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/cli/ingest-command.js';
import { openDb } from '../../src/db/open.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Writes `n` distinct report files (seed copies with a numbered note) into a new folder. */
function writeCopies(dir: string, prefix: string, n: number): void {
  mkdirSync(dir);
  const seeds = readdirSync(SEEDS_DIR).sort();
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const note = `\n附注:${prefix}组第${i}份副本。\n`;
    writeFileSync(join(dir, `${prefix}${String(i).padStart(3, '0')}.txt`), readFileSync(join(SEEDS_DIR, seed), 'utf8') + note);
  }
}

/** Runs `digest ingest <dir> --db <path>` as its own process; resolves with the exit code and output. */
function ingestProcess(dir: string, db: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/digest.ts'), 'ingest', dir, '--db', db], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

describe('concurrent writers on one database (fault suite)', () => {
  let t: ReturnType<typeof tempDb>;
  afterEach(() => t?.cleanup());

  it('two `digest ingest` processes over disjoint sets store every file and both exit 0', async () => {
    t = tempDb();
    writeCopies(join(t.dir, 'a'), 'a', 40);
    writeCopies(join(t.dir, 'b'), 'b', 40);
    t.db.$client.close();
    const [a, b] = await Promise.all([ingestProcess(join(t.dir, 'a'), t.path), ingestProcess(join(t.dir, 'b'), t.path)]);
    expect(a.out).not.toContain('locked');
    expect(b.out).not.toContain('locked');
    expect([a.code, b.code]).toEqual([0, 0]);
    t.db = openDb(t.path);
    const files = t.db.$client.prepare('SELECT count(*) AS n FROM report_files').get() as { n: number };
    expect(files.n).toBe(80);
  }, 120_000);

  it('a file not stored for a database reason is counted and fails the run', async () => {
    t = tempDb();
    writeCopies(join(t.dir, 'c'), 'c', 3);
    // The database refuses one report, as a full disk or a broken file would.
    t.db.$client.exec(
      `CREATE TRIGGER refuse_one BEFORE INSERT ON report_files WHEN NEW.path LIKE '%c001.txt'
       BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    const out: string[] = [];
    const sink = { isTTY: false, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    const summary = await runIngest(t.db, [join(t.dir, 'c')], sink);
    expect(summary.ingested).toBe(2);
    expect(summary.databaseErrors).toBe(1);
    expect(out.join('')).toContain('1 个文件因数据库错误未保存');
    const code = await ingestProcess(join(t.dir, 'c'), t.path);
    expect(code.code).not.toBe(0);
    expect(code.out).toContain('1 个文件因数据库错误未保存');
  }, 60_000);
});
