import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, openDb } from '../../src/db/open.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digest-open-'));
  dirs.push(dir);
  return join(dir, 'digest.db');
}

describe('openDb page size', () => {
  it('creates a new database with 8 KB pages in WAL mode', () => {
    const db = openDb(tempPath());
    try {
      expect(db.$client.pragma('page_size', { simple: true })).toBe(8192);
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      closeDb(db);
    }
  });

  it('keeps the page size of an existing database and migrates it', () => {
    const path = tempPath();
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE kept (x)');
    old.prepare('INSERT INTO kept VALUES (1)').run();
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    old.close();
    const db = openDb(path);
    try {
      expect(db.$client.pragma('page_size', { simple: true })).toBe(4096);
      expect(db.$client.prepare('SELECT x FROM kept').all()).toEqual([{ x: 1 }]);
      expect(db.$client.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 0 });
    } finally {
      closeDb(db);
    }
  });
});
