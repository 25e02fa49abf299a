import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { DigestDb } from './open.js';

// Prepared once per connection: every batch of stored reports adjusts a few hundred terms.
const upserts = new WeakMap<Database.Database, Database.Statement>();

function upsertOf(db: DigestDb): Database.Statement {
  let upsert = upserts.get(db.$client);
  if (!upsert) {
    upsert = db.$client.prepare(
      'INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
    );
    upserts.set(db.$client, upsert);
  }
  return upsert;
}

/** Counts `delta` for each of `terms` into `deltas` (to apply later with applyTermDeltas). */
export function countTerms(deltas: Map<string, number>, terms: readonly string[], delta: number): void {
  for (const term of terms) deltas.set(term, (deltas.get(term) ?? 0) + delta);
}

/**
 * Applies summed document-frequency changes (rows at zero are removed): one upsert per distinct term of a
 * whole batch instead of one per report and term (64 reports share most of their terms, so ~10× fewer).
 * Summed first, the result does not depend on the order reports were added and dropped in.
 */
export function applyTermDeltas(db: DigestDb, deltas: ReadonlyMap<string, number>): void {
  const upsert = upsertOf(db);
  let removed = false;
  for (const [term, delta] of deltas) {
    if (delta === 0) continue;
    upsert.run(term, delta);
    removed ||= delta < 0;
  }
  if (removed) db.run(sql`DELETE FROM term_df WHERE df <= 0`);
}
