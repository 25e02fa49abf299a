import { keywordRanks } from '../db/keyword-ranks.js';
import { type DigestDb, isOpen } from '../db/open.js';
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
  const ranks = keywordRanks(db);
  let ranked = 0;
  let done = false;
  ranks.inTransaction(() => {
    const total = ranks.total();
    const exact = total <= EXACT_UP_TO;
    if (exact && !ranks.dirty()) {
      done = true;
      return;
    }
    // A small corpus is re-ranked whole in one step (as exact as before); a large one only where stale.
    const rows = exact
      ? ranks.all()
      : ranks.stale(Math.floor(total / (1 + MATERIAL)), Math.ceil(total * (1 + MATERIAL)), max + 1);
    done = exact || rows.length <= max;
    const df = ranks.docFreq();
    let changed = 0;
    for (const row of exact ? rows : rows.slice(0, max)) {
      const keywords = rankKeywords(row.terms, df, total);
      ranks.save(row.id, keywords, total);
      if (keywords.length !== row.keywords.length || keywords.some((k, i) => k !== row.keywords[i])) changed++;
      ranked++;
    }
    if (changed) ranks.bumpVersion();
    if (done) ranks.markClean();
  });
  return { ranked, done };
}

/** Re-ranks every stale report now (CLI ingest, start-up seeding, benchmarks). */
export function refreshKeywords(db: DigestDb): void {
  while (!refreshKeywordsStep(db).done) {
    // Each step commits, so a crash keeps the progress and leaves `keywords_dirty` set for the rest.
  }
}

const running = new WeakMap<DigestDb, Promise<void>>();

/**
 * Re-ranks stale keywords in the background, one short step per event-loop turn, so a request is never
 * blocked behind it. Coalesced per connection; stops quietly when the database is closed.
 */
export function scheduleKeywordRefresh(db: DigestDb, onError?: (error: unknown) => void): Promise<void> {
  const pending = running.get(db);
  if (pending) return pending;
  const work = new Promise<void>((resolve) => {
    const tick = () => {
      try {
        if (!isOpen(db) || refreshKeywordsStep(db).done) {
          running.delete(db);
          return resolve();
        }
        setImmediate(tick);
      } catch (error) {
        running.delete(db);
        onError?.(error);
        resolve();
      }
    };
    setImmediate(tick);
  });
  running.set(db, work);
  return work;
}

/** True when a previous process committed reports but stopped before their keywords were re-ranked. */
export function keywordsDirty(db: DigestDb): boolean {
  return keywordRanks(db).dirty();
}
