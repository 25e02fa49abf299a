import type Database from 'better-sqlite3';

/** Names of the counters and flags in `corpus_meta`. */
export type CorpusMetaKey = 'corpus_version' | 'keywords_dirty' | 'gram_index' | 'headline_facts' | 'headline_checks';

/** Reads one counter or flag (0 when absent). */
export function readMeta(client: Database.Database, key: CorpusMetaKey): number {
  const row = client.prepare('SELECT value FROM corpus_meta WHERE key = ?').get(key) as { value: number } | undefined;
  return row?.value ?? 0;
}

/** Sets one counter or flag. */
export function writeMeta(client: Database.Database, key: CorpusMetaKey, value: number): void {
  client
    .prepare('INSERT INTO corpus_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, value);
}

/**
 * Marks the corpus as changed, inside the caller's ingest transaction: the version moves (service caches
 * drop) and keyword weights become due for a refresh, both atomically with the report rows.
 */
export function markCorpusChanged(client: Database.Database): void {
  client
    .prepare(
      `INSERT INTO corpus_meta (key, value) VALUES ('corpus_version', 1), ('keywords_dirty', 1)
       ON CONFLICT(key) DO UPDATE SET value = CASE key WHEN 'corpus_version' THEN value + 1 ELSE 1 END`,
    )
    .run();
}

/** Moves the corpus version only (served figures or keywords changed outside an ingest): caches keyed by it drop. */
export function bumpCorpusVersion(client: Database.Database): void {
  client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`).run();
}
