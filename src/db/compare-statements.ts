import type { Statement } from 'better-sqlite3';
import type { DigestDb } from './open.js';

/** Prepares an SQL text once per connection: the same text gives the same statement. */
export type PrepareOnce = (sql: string) => Statement;

const perDb = new WeakMap<DigestDb['$client'], PrepareOnce>();

/**
 * The comparison reads' statements of a connection, keyed by SQL text: they are shaped per query (IN lists of a
 * row's columns and units, the scope's conditions), so one text per shape is prepared and then reused.
 */
export function prepareOnceOf(db: DigestDb): PrepareOnce {
  let prepare = perDb.get(db.$client);
  if (!prepare) {
    const statements = new Map<string, Statement>();
    prepare = (sql) => {
      let s = statements.get(sql);
      if (!s) statements.set(sql, (s = db.$client.prepare(sql)));
      return s;
    };
    perDb.set(db.$client, prepare);
  }
  return prepare;
}
