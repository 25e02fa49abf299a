import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type DigestDb } from '../../src/db/open.js';

/** A real SQLite file in a fresh temp folder, with the real migrations applied. */
export function tempDb(): { db: DigestDb; dir: string; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'digest-test-'));
  const path = join(dir, 'digest.db');
  const db = openDb(path);
  return {
    db,
    dir,
    path,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Absolute paths of the seed files. */
export const SEEDS_DIR = new URL('../../seeds/', import.meta.url).pathname;
