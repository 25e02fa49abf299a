import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import type { DigestDb } from './open.js';

// Prepared once per connection: every stored report adjusts a few hundred terms.
const upserts = new WeakMap<Database.Database, Database.Statement>();

/** Adds `delta` to the document frequency of each term (rows at zero are removed). */
export function adjustTermDf(db: DigestDb, terms: string[], delta: 1 | -1): void {
  if (!terms.length) return;
  let upsert = upserts.get(db.$client);
  if (!upsert) {
    upsert = db.$client.prepare(
      'INSERT INTO term_df(term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df',
    );
    upserts.set(db.$client, upsert);
  }
  for (const term of terms) upsert.run(term, delta);
  if (delta < 0) db.run(sql`DELETE FROM term_df WHERE df <= 0`);
}
