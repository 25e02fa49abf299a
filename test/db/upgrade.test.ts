import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { ReportStore } from '../../src/db/report-store.js';
import { matchingParagraphs } from '../../src/service/query/text-search.js';

const MIGRATIONS = new URL('../../src/db/migrations/', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database as the release before the search-index change left it: only the first two migrations. */
function oldDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digest-upgrade-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, 2);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  const path = join(dir, 'digest.db');
  const client = new Database(path);
  migrate(drizzle(client), { migrationsFolder: folder });
  client
    .prepare(
      `INSERT INTO reports (id, hash, source_file, script, encoding, text_length, original, summary, plan_summary, keywords, terms, ingested_at)
       VALUES (1, 'h', 'a.txt', 'simplified', 'utf-8', 9, ?, '[]', '[]', '[]', '{}', '2026-01-01T00:00:00Z')`,
    )
    .run(deflateSync(Buffer.from('原文:开展协商议政', 'utf8')));
  client.prepare(`INSERT INTO paragraphs (id, report_id, ord, text) VALUES (7, 1, 0, '开展协商议政')`).run();
  client.close();
  return path;
}

describe('upgrading an existing database', () => {
  it('moves the original text to its own table and rebuilds the search index', () => {
    const db = openDb(oldDb());
    try {
      const store = new ReportStore(db);
      expect(inflateSync(store.original(1)!).toString('utf8')).toBe('原文:开展协商议政');
      expect(matchingParagraphs(store, ['协商议'], 10).map((h) => h.paragraphId)).toEqual([7]);
      expect(matchingParagraphs(store, ['议'], 10).map((h) => h.paragraphId)).toEqual([7]);
      expect(matchingParagraphs(store, ['政协'], 10)).toEqual([]);
      const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE name = 'paragraphs_fts'`).all();
      expect(tables).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});
