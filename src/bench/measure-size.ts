import { existsSync, statSync } from 'node:fs';
import { checkpointDb, type DigestDb } from '../db/open.js';

/** Database file size including the WAL after a truncating checkpoint. */
export function databaseBytes(db: DigestDb, path: string): number {
  checkpointDb(db);
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  return size(path) + size(`${path}-wal`);
}
