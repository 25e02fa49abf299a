import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAsk } from '../../src/cli/ask-command.js';
import { runVacuum } from '../../src/cli/vacuum-command.js';
import { closeDb, type DigestDb, openDb } from '../../src/db/open.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { SEEDS_DIR } from '../helpers/temp-db.js';

/** A stream that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

const ASKED = ['/report 资阳 2022', '/compare 提案', '/search 营商环境', '/list', '/trend 资阳 提案', '/compare 提案 协商'];

/** `digest ask --json` replies to a few commands (the reply model, charts' data included). */
async function replies(db: DigestDb): Promise<string[]> {
  const out: string[] = [];
  for (const line of ASKED) {
    const s = sink();
    await runAsk(db, line, 'vacuum-test', true, s);
    out.push(s.text());
  }
  return out;
}

/** Every table's row count and, for ordinary tables, every row (with its rowid where it has one), sorted. */
function contents(db: DigestDb): Record<string, { n: number; rows?: string[] }> {
  const c = db.$client;
  const tables = c.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  const out: Record<string, { n: number; rows?: string[] }> = {};
  for (const t of tables) {
    const n = (c.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n;
    if (/^CREATE VIRTUAL/i.test(t.sql)) {
      out[t.name] = { n };
      continue;
    }
    const select = /WITHOUT ROWID/i.test(t.sql) ? '*' : 'rowid AS __rowid, *';
    const rows = c
      .prepare(`SELECT ${select} FROM "${t.name}"`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
    out[t.name] = { n, rows };
  }
  return out;
}

function pragmas(path: string): { pageSize: unknown; journal: unknown } {
  const c = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return { pageSize: c.pragma('page_size', { simple: true }), journal: c.pragma('journal_mode', { simple: true }) };
  } finally {
    c.close();
  }
}

// One database for the file, built as an older one was: 4 KB pages, the real migrations, the seeds through the real
// ingest. The refusals run first and must leave it as it was; the vacuum itself runs last.
let dir: string;
let path: string;
let before: { contents: ReturnType<typeof contents>; replies: string[] };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'digest-vacuum-'));
  path = join(dir, 'digest.db');
  const old = new Database(path);
  old.pragma('page_size = 4096');
  old.pragma('journal_mode = WAL');
  old.close();
  const db = openDb(path);
  const summary = await ingestPaths(db, [SEEDS_DIR]);
  expect(summary.ingested).toBeGreaterThanOrEqual(5);
  before = { contents: contents(db), replies: await replies(db) };
  expect(before.replies.map((r) => JSON.parse(r).kind)).not.toContain('error');
  closeDb(db);
  expect(pragmas(path)).toEqual({ pageSize: 4096, journal: 'wal' });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the file as the bot does and checks it holds what it held before. */
async function expectUnchanged(pageSize: number): Promise<void> {
  expect(pragmas(path)).toEqual({ pageSize, journal: 'wal' });
  const db = openDb(path);
  try {
    expect(contents(db)).toEqual(before.contents);
    expect(await replies(db)).toEqual(before.replies);
  } finally {
    closeDb(db);
  }
}

describe('digest vacuum', () => {
  it('refuses, changing nothing, while another connection holds a write transaction', async () => {
    const writer = openDb(path);
    writer.$client.exec('BEGIN IMMEDIATE');
    writer.$client.exec("UPDATE reports SET title = title || '·' WHERE id = (SELECT min(id) FROM reports)");
    const out = sink();
    const err = sink();
    expect(runVacuum(path, out, err, { busyTimeoutMs: 50 })).toBe(1);
    expect(err.text()).toContain('正被其他进程使用');
    expect(out.text()).toBe('');
    // The writer's transaction is intact: it can still end it.
    writer.$client.exec('ROLLBACK');
    closeDb(writer);
    await expectUnchanged(4096);
  });

  it('refuses while a running bot merely has the database open (it keeps a lock on the file)', async () => {
    const bot = openDb(path);
    try {
      const err = sink();
      expect(runVacuum(path, sink(), err, { busyTimeoutMs: 50 })).toBe(1);
      expect(err.text()).toContain('正被其他进程使用');
      // The bot's connection still works.
      expect(bot.$client.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: before.contents.reports!.n });
    } finally {
      closeDb(bot);
    }
    await expectUnchanged(4096);
  });

  it('refuses a missing file without creating it, and a file that is not a database', () => {
    const missing = join(dir, 'missing.db');
    const err = sink();
    expect(runVacuum(missing, sink(), err)).toBe(2);
    expect(err.text()).toContain('找不到数据库文件');
    expect(existsSync(missing)).toBe(false);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, '这不是数据库。'.repeat(200));
    const err2 = sink();
    expect(runVacuum(text, sink(), err2)).toBe(1);
    expect(err2.text()).toContain('不是 SQLite 数据库');
  });

  it('rewrites the database with 8 KB pages and no free pages, back in WAL mode, every row and reply the same', async () => {
    const out = sink();
    const err = sink();
    expect(runVacuum(path, out, err)).toBe(0);
    expect(err.text()).toBe('');
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^整理前: .*页 4096 字节 × [\d,]+,空闲页 [\d,]+\)$/);
    expect(lines[1]).toMatch(/^整理后: .*页 8192 字节 × [\d,]+,空闲页 0\)$/);
    await expectUnchanged(8192);
  });
});
