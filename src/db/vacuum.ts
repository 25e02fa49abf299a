import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PAGE_SIZE } from './open.js';

/** What a database file holds, as a vacuum reports it before and after. */
export interface DbFileSize {
  /** The file and its WAL, in bytes. */
  bytes: number;
  pageSize: number;
  pages: number;
  freePages: number;
}

/** The sizes of a vacuumed file before and after. */
export interface VacuumResult {
  before: DbFileSize;
  after: DbFileSize;
}

function fileBytes(path: string): number {
  const wal = `${path}-wal`;
  return statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0);
}

function pagesOf(client: Database.Database): Omit<DbFileSize, 'bytes'> {
  return {
    pageSize: client.pragma('page_size', { simple: true }) as number,
    pages: client.pragma('page_count', { simple: true }) as number,
    freePages: client.pragma('freelist_count', { simple: true }) as number,
  };
}

/**
 * Rewrites an existing database file with `PAGE_SIZE` pages and no free pages (VACUUM), then returns it to WAL
 * mode. A page size change only takes effect outside WAL mode, and leaving WAL mode needs the file to itself:
 * while another connection has it open (a running bot keeps a lock on it), SQLite answers SQLITE_BUSY after
 * `busyTimeoutMs` and the file is left as it was, still in WAL mode. Throws that error (see `isBusy`).
 */
export function vacuumDb(path: string, options: { busyTimeoutMs?: number } = {}): VacuumResult {
  // fileMustExist: a mistyped path must not become a new empty database.
  const client = new Database(path, { fileMustExist: true });
  try {
    client.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    const before = { bytes: fileBytes(path), ...pagesOf(client) };
    try {
      // Fails with SQLITE_BUSY, changing nothing, while any other connection holds the file.
      client.pragma('journal_mode = DELETE');
      client.pragma(`page_size = ${PAGE_SIZE}`);
      client.exec('VACUUM');
    } finally {
      // Back to WAL whatever happened (a VACUUM that failed rolled back through the rollback journal).
      client.pragma('journal_mode = WAL');
    }
    const pages = pagesOf(client);
    client.close();
    return { before, after: { bytes: fileBytes(path), ...pages } };
  } finally {
    client.close();
  }
}
