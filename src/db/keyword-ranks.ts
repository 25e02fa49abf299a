import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from './corpus-meta.js';
import type { DigestDb } from './open.js';

/** A report's keyword inputs: its candidate terms and the keywords it serves now (both JSON). */
export interface RankRow {
  id: number;
  terms: string;
  keywords: string;
}

/** The reads and writes of one keyword re-ranking step, on one connection (statements prepared once each). */
export interface KeywordRanks {
  /** Reports in the corpus. */
  total(): number;
  /** True while reports were committed whose keywords are not re-ranked yet. */
  dirty(): boolean;
  /** Every report (a small corpus is re-ranked whole). */
  all(): RankRow[];
  /** Up to `limit` reports ranked when the corpus had fewer than `below` or more than `above` reports, stalest first. */
  stale(below: number, above: number, limit: number): RankRow[];
  /** Document frequency by point lookups, memoized for one step (a report has a few hundred candidate terms). */
  docFreq(): (term: string) => number;
  /** Stores a report's keywords and the corpus size they were ranked at. */
  save(id: number, keywords: string, total: number): void;
  /** Served keywords changed: caches keyed by the corpus version must drop them. */
  bumpVersion(): void;
  /** Nothing stale is left. */
  markClean(): void;
  /** Runs `step` in one IMMEDIATE transaction (a deferred read→write upgrade fails at once beside another writer). */
  inTransaction(step: () => void): void;
}

const cache = new WeakMap<Database.Database, KeywordRanks>();

/** The keyword-ranking access of a connection. */
export function keywordRanks(db: DigestDb): KeywordRanks {
  const client = db.$client;
  let ranks = cache.get(client);
  if (ranks) return ranks;
  const total = client.prepare('SELECT count(*) AS n FROM reports');
  const all = client.prepare('SELECT id, terms, keywords FROM reports');
  const stale = client.prepare(
    `SELECT id, terms, keywords FROM reports WHERE keywords_total < ? OR keywords_total > ?
     ORDER BY keywords_total LIMIT ?`,
  );
  const df = client.prepare('SELECT df FROM term_df WHERE term = ?');
  const save = client.prepare('UPDATE reports SET keywords = ?, keywords_total = ? WHERE id = ?');
  const bump = client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`);
  ranks = {
    total: () => (total.get() as { n: number }).n,
    dirty: () => readMeta(client, 'keywords_dirty') === 1,
    all: () => all.all() as RankRow[],
    stale: (below, above, limit) => stale.all(below, above, limit) as RankRow[],
    docFreq() {
      const memo = new Map<string, number>();
      return (term) => {
        let n = memo.get(term);
        if (n === undefined) {
          n = (df.get(term) as { df: number } | undefined)?.df ?? 0;
          memo.set(term, n);
        }
        return n;
      };
    },
    save: (id, keywords, n) => void save.run(keywords, n, id),
    bumpVersion: () => void bump.run(),
    markClean: () => writeMeta(client, 'keywords_dirty', 0),
    inTransaction: (step) => db.transaction(step, { behavior: 'immediate' }),
  };
  cache.set(client, ranks);
  return ranks;
}
