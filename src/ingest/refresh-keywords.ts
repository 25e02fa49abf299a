import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../db/corpus-meta.js';
import type { DigestDb } from '../db/open.js';
import { rankKeywords } from './summarize/tfidf.js';

/** Up to this many reports every report is re-ranked on each refresh (a few ms); above, only stale ones. */
const EXACT_UP_TO = 2000;
/** A report's keywords are stale once the corpus has grown or shrunk by this fraction since they were ranked. */
const MATERIAL = 0.05;
/** Reports re-ranked per step: one step is one short transaction, so serving is never blocked for long. */
const STEP = 500;

/**
 * Re-ranks the keywords of up to `max` reports whose weights changed materially: new reports, and reports
 * ranked when the corpus was more than 5 % smaller or larger (idf moves with the corpus size; small corpora
 * are re-ranked whole). Clears `keywords_dirty` when nothing stale is left. Returns how many it re-ranked.
 */
function refreshKeywordsStep(db: DigestDb, max = STEP): { ranked: number; done: boolean } {
  const client = db.$client;
  let ranked = 0;
  let done = false;
  db.transaction(
    () => {
      const total = (client.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
      const exact = total <= EXACT_UP_TO;
      if (exact && readMeta(client, 'keywords_dirty') === 0) {
        done = true;
        return;
      }
      // A small corpus is re-ranked whole in one step (as exact as before); a large one only where stale.
      const rows = (
        exact
          ? client.prepare('SELECT id, terms, keywords FROM reports').all()
          : client
              .prepare(
                `SELECT id, terms, keywords FROM reports WHERE keywords_total < ? OR keywords_total > ?
               ORDER BY keywords_total LIMIT ?`,
              )
              .all(Math.floor(total / (1 + MATERIAL)), Math.ceil(total * (1 + MATERIAL)), max + 1)
      ) as { id: number; terms: string; keywords: string }[];
      done = exact || rows.length <= max;
      const df = docFreq(client);
      const update = client.prepare('UPDATE reports SET keywords = ?, keywords_total = ? WHERE id = ?');
      let changed = 0;
      for (const row of exact ? rows : rows.slice(0, max)) {
        const keywords = JSON.stringify(rankKeywords(JSON.parse(row.terms), df, total));
        update.run(keywords, total, row.id);
        if (keywords !== row.keywords) changed++;
        ranked++;
      }
      // Served keywords changed: caches keyed by the corpus version must drop them.
      if (changed) client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`).run();
      if (done) writeMeta(client, 'keywords_dirty', 0);
    },
    { behavior: 'immediate' },
  ); // a deferred read→write upgrade fails at once beside another writer
  return { ranked, done };
}

/** Document frequency by point lookups, memoized for one step (a report has a few hundred candidate terms). */
function docFreq(client: Database.Database): (term: string) => number {
  const get = client.prepare('SELECT df FROM term_df WHERE term = ?');
  const memo = new Map<string, number>();
  return (term) => {
    let df = memo.get(term);
    if (df === undefined) {
      df = (get.get(term) as { df: number } | undefined)?.df ?? 0;
      memo.set(term, df);
    }
    return df;
  };
}

/** Re-ranks every stale report now (CLI ingest, start-up seeding, benchmarks). */
export function refreshKeywords(db: DigestDb): void {
  while (!refreshKeywordsStep(db).done) {
    // Each step commits, so a crash keeps the progress and leaves `keywords_dirty` set for the rest.
  }
}

const running = new WeakMap<Database.Database, Promise<void>>();

/**
 * Re-ranks stale keywords in the background, one short step per event-loop turn, so a request is never
 * blocked behind it. Coalesced per connection; stops quietly when the database is closed.
 */
export function scheduleKeywordRefresh(db: DigestDb, onError?: (error: unknown) => void): Promise<void> {
  const client = db.$client;
  const pending = running.get(client);
  if (pending) return pending;
  const work = new Promise<void>((resolve) => {
    const tick = () => {
      try {
        if (!client.open || refreshKeywordsStep(db).done) {
          running.delete(client);
          return resolve();
        }
        setImmediate(tick);
      } catch (error) {
        running.delete(client);
        onError?.(error);
        resolve();
      }
    };
    setImmediate(tick);
  });
  running.set(client, work);
  return work;
}

/** True when a previous process committed reports but stopped before their keywords were re-ranked. */
export function keywordsDirty(db: DigestDb): boolean {
  return readMeta(db.$client, 'keywords_dirty') === 1;
}
