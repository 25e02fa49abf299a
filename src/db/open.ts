import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fillHeadlineFactsIfNeeded } from './headline-facts-write.js';
import { rebuildGramsIfNeeded } from './rebuild-grams.js';
import * as schema from './schema.js';

/** The drizzle database the rest of the code works with. */
export type DigestDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Page size of a database this creates, and the one `digest vacuum` rewrites an older file to (bytes). */
export const PAGE_SIZE = 8192;

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Opens (creating if needed) the SQLite file, sets WAL and a busy timeout, applies migrations, builds the search index and the headline-facts read model if a migration left them unbuilt. */
export function openDb(path: string): DigestDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  // 8 KB pages for a new file (before WAL mode writes its header; an existing file keeps its page size until a
  // VACUUM outside WAL mode): paragraphs and originals of 1–4 KB leave less of a page unused, 4 % of the size.
  client.pragma(`page_size = ${PAGE_SIZE}`);
  client.pragma('journal_mode = WAL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  client.pragma('synchronous = NORMAL');
  const db = drizzle(client, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  rebuildGramsIfNeeded(client);
  fillHeadlineFactsIfNeeded(db as DigestDb);
  return db as DigestDb;
}

/** Closes the connection (idempotent: better-sqlite3 ignores a second close). */
export function closeDb(db: DigestDb): void {
  db.$client.close();
}

/** False once the connection was closed (background work then stops quietly). */
export function isOpen(db: DigestDb): boolean {
  return db.$client.open;
}

/** Folds the WAL into the database file (before measuring or copying it). */
export function checkpointDb(db: DigestDb): void {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
}
