import { asc, count, eq, gt, lt, or, sql } from 'drizzle-orm';
import { bumpCorpusVersion, readMeta, writeMeta } from './corpus-meta.js';
import type { DigestDb } from './open.js';
import { reports, termDf } from './schema.js';

/** A report's keyword inputs: its candidate terms with counts and the keywords it serves now. */
export type RankRow = Pick<typeof reports.$inferSelect, 'id' | 'terms' | 'keywords'>;

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
  save(id: number, keywords: string[], total: number): void;
  /** Served keywords changed: caches keyed by the corpus version must drop them. */
  bumpVersion(): void;
  /** Nothing stale is left. */
  markClean(): void;
  /** Runs `step` in one IMMEDIATE transaction (a deferred read→write upgrade fails at once beside another writer). */
  inTransaction(step: () => void): void;
}

const cache = new WeakMap<DigestDb, KeywordRanks>();

/** The keyword-ranking access of a connection. */
export function keywordRanks(db: DigestDb): KeywordRanks {
  let ranks = cache.get(db);
  if (ranks) return ranks;
  const p = sql.placeholder;
  const row = { id: reports.id, terms: reports.terms, keywords: reports.keywords };
  const total = db.select({ n: count() }).from(reports).prepare();
  const all = db.select(row).from(reports).prepare();
  const stale = db
    .select(row)
    .from(reports)
    .where(or(lt(reports.keywordsTotal, p('below')), gt(reports.keywordsTotal, p('above'))))
    .orderBy(asc(reports.keywordsTotal))
    .limit(p('limit'))
    .prepare();
  const df = db
    .select({ df: termDf.df })
    .from(termDf)
    .where(eq(termDf.term, p('term')))
    .prepare();
  // The keywords arrive as JSON text: a placeholder in `set` is bound as it is, without the column's encoder.
  const save = db
    .update(reports)
    .set({ keywords: sql`${p('keywords')}`, keywordsTotal: sql`${p('total')}` })
    .where(eq(reports.id, p('id')))
    .prepare();
  ranks = {
    total: () => total.get()?.n ?? 0,
    dirty: () => readMeta(db.$client, 'keywords_dirty') === 1,
    all: () => all.all(),
    stale: (below, above, limit) => stale.all({ below, above, limit }),
    docFreq() {
      const memo = new Map<string, number>();
      return (term) => {
        let n = memo.get(term);
        if (n === undefined) {
          n = df.get({ term })?.df ?? 0;
          memo.set(term, n);
        }
        return n;
      };
    },
    save: (id, keywords, n) => void save.run({ keywords: JSON.stringify(keywords), total: n, id }),
    bumpVersion: () => bumpCorpusVersion(db.$client),
    markClean: () => writeMeta(db.$client, 'keywords_dirty', 0),
    inTransaction: (step) => db.transaction(step, { behavior: 'immediate' }),
  };
  cache.set(db, ranks);
  return ranks;
}
