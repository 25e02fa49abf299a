import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { paragraphGrams } from './fts-tables.js';
import { type GramQuery, toGramQuery } from './gram-index.js';
import type { Statement } from 'better-sqlite3';
import type { DigestDb } from './open.js';
import { listParams } from './prepared-lists.js';
import type { ReportStore } from './report-store.js';
import { paragraphs } from './schema.js';

/** Matches counted at most: enough to say “more than 5000”, bounded so a common word stays cheap to count. */
const COUNT_CAP = 5000;

/** Query shapes kept prepared per connection at most (a shape: which confirmed terms need ASCII folding). */
const SHAPES = 256;

/** `paragraph_grams MATCH @match`. */
const MATCHES = sql`${paragraphGrams} MATCH ${sql.placeholder('match')}`;

/**
 * Conditions confirming every long term on the paragraph text, bound as `c0 … cn`. A term without ASCII letters
 * is found in the text as it is: folding the text with lower() first cost a third of a confirmation, and case
 * cannot matter to it.
 */
function confirmations(shape: string, term: (i: number) => unknown = (i) => sql.placeholder(`c${i}`)): SQL[] {
  return Array.from(shape, (folded, i) =>
    folded === 'a' ? sql`instr(lower(${paragraphs.text}), ${term(i)}) > 0` : sql`instr(${paragraphs.text}, ${term(i)}) > 0`,
  );
}

/** The shape of a query's confirmations: one letter per long term, `a` when it holds ASCII letters. */
function shapeOf(query: GramQuery): string {
  return query.confirm.map((t) => (/[a-z]/.test(t) ? 'a' : 'c')).join('');
}

/** The shape of a scored query: its confirmations' shape, then one letter per term for its counts. */
function scoredShapeOf(query: GramQuery): string {
  return `${shapeOf(query)}:${query.terms.map((t) => (/[a-z]/.test(t) ? 'a' : 'c')).join('')}`;
}

function prepareSearch(db: DigestDb) {
  const hits = db
    .select({ rowid: paragraphGrams.rowid })
    .from(paragraphGrams)
    .where(MATCHES)
    .limit(sql.placeholder('cap'))
    .as('hits');
  return {
    count: db.select({ n: count() }).from(hits).prepare(),
    candidates: (shape: string) =>
      db
        .select({
          paragraphId: paragraphs.id,
          reportId: paragraphs.reportId,
          sectionPath: paragraphs.sectionPath,
          text: paragraphs.text,
        })
        .from(paragraphGrams)
        .innerJoin(paragraphs, eq(paragraphs.id, paragraphGrams.rowid))
        .where(and(MATCHES, ...confirmations(shape)))
        .orderBy(desc(paragraphGrams.rowid))
        .limit(sql.placeholder('max'))
        .prepare(),
    texts: (ids: number) =>
      db
        .select({ id: paragraphs.id, text: paragraphs.text })
        .from(paragraphs)
        .where(
          inArray(
            paragraphs.id,
            Array.from({ length: ids }, (_, i) => sql.placeholder(`p${i}`)),
          ),
        )
        .prepare(),
    withTopic: (ids: number, shape: string) =>
      db
        .selectDistinct({ id: paragraphs.reportId })
        .from(paragraphGrams)
        .innerJoin(paragraphs, eq(paragraphs.id, paragraphGrams.rowid))
        .where(
          and(
            MATCHES,
            inArray(
              paragraphs.reportId,
              Array.from({ length: ids }, (_, i) => sql.placeholder(`r${i}`)),
            ),
            ...confirmations(shape),
          ),
        )
        .prepare(),
  };
}

type Search = ReturnType<typeof prepareSearch>;
type Shaped = {
  candidates: Map<string, ReturnType<Search['candidates']>>;
  ranked: Map<string, Statement>;
  texts: Map<string, ReturnType<Search['texts']>>;
  withTopic: Map<string, ReturnType<Search['withTopic']>>;
};

/** A connection's statements and its index totals (see `indexCount`). */
interface PerDb {
  search: Search;
  shaped: Shaped;
  totals: { version: string; byMatch: Map<string, number> };
}

const perDb = new WeakMap<DigestDb, PerDb>();

/** The connection's search statements, prepared once (per shape for the shaped ones). */
function searchOf(db: DigestDb): PerDb {
  let s = perDb.get(db);
  if (!s)
    perDb.set(
      db,
      (s = {
        search: prepareSearch(db),
        shaped: { candidates: new Map(), ranked: new Map(), texts: new Map(), withTopic: new Map() },
        totals: { version: '', byMatch: new Map() },
      }),
    );
  return s;
}

/** A statement of `cache` for `shape`, prepared on first use (the cache is bounded). */
function shaped<T>(cache: Map<string, T>, shape: string, prepare: () => T): T {
  let s = cache.get(shape);
  if (!s) {
    if (cache.size >= SHAPES) cache.clear();
    cache.set(shape, (s = prepare()));
  }
  return s;
}

/**
 * How many paragraphs contain all `terms`, given that the search read `read` confirmed matches with a bound of
 * `bound` (more than `bound` read means there are more). Below the bound the read ones are all of them. Above
 * it, 1–2 character terms are counted on the index alone, up to `COUNT_CAP`; a longer term needs every
 * paragraph's text to confirm it (~6 µs each, 30 ms for 5,000 at 30,000 reports), so its count stops at what
 * the search read: “more than `bound`”.
 */
export function countParagraphs(
  store: ReportStore,
  terms: string[],
  read: { found: number; bound: number },
): { count: number; capped: boolean } {
  if (read.found <= read.bound) return { count: read.found, capped: false };
  const query = toGramQuery(terms);
  if (!query || query.confirm.length) return { count: read.bound, capped: true };
  const n = indexCount(store, query.match);
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
}

/** Index totals kept per connection at most; dropped whole when the corpus version moves. */
const TOTALS = 4096;

/**
 * Paragraphs matching `match` on the index, up to `COUNT_CAP + 1`, cached per corpus version (only ingest moves
 * it): counting a common pair's doclists (委员 履职) cost ~0.6–1 ms a search at 30,000 reports, the same answer
 * for the next page of the same words and for every repeat until the next ingest.
 */
function indexCount(store: ReportStore, match: string): number {
  const s = searchOf(store.db);
  const version = store.corpusVersion();
  if (s.totals.version !== version || s.totals.byMatch.size >= TOTALS) s.totals = { version, byMatch: new Map() };
  let n = s.totals.byMatch.get(match);
  if (n === undefined) {
    n = s.search.count.get({ match, cap: COUNT_CAP + 1 })?.n ?? 0;
    s.totals.byMatch.set(match, n);
  }
  return n;
}

/** A paragraph matching a search: its report and section. */
export interface ParagraphMatch {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  text: string;
}

/** Paragraphs matching `query`, newest first, at most `max` (FTS5 walks its doclists in rowid order, so this stops early). */
export function candidates(store: ReportStore, query: GramQuery, max: number): ParagraphMatch[] {
  const { search, shaped: cache } = searchOf(store.db);
  const shape = shapeOf(query);
  return shaped(cache.candidates, shape, () => search.candidates(shape)).all({
    match: query.match,
    max,
    ...listParams('c', query.confirm),
  });
}

/** bm25's parameters, shared by the SQL ranking here and the JS one over texts (text-search.ts). */
export const BM25 = { k1: 1.2, b: 0.75 } as const;

/**
 * The ranking statement of a scored shape. The newest `@max` matches (`c`) get their stored length in characters
 * (`chars`) and each term's non-overlapping occurrences (`f0 … fn`: the UTF-8 bytes replace() takes away over the term's bytes
 * `@bytes0 …`; replace() and indexOf count alike, from the left); the first `@bound` of them are scored by bm25
 * with their average length and the weights `@w0 …`, and only the best `@limit` come back. Ranked in SQL so a
 * search hands JS a page of rows, not 500 rows made into objects: those were ~350 KB of a search's ~500 KB of
 * garbage, and the young generation's collections they caused (one call in ~33 at 30,000 reports) made the p99.
 * The arithmetic is the JS bm25's, operation for operation (the same IEEE doubles; the length total is an exact
 * integer), so ranks and ties come out identical.
 */
function rankedSql(shape: string): string {
  const [confirm = '', counts = ''] = shape.split(':');
  const text = (folded: string) => (folded === 'a' ? 'lower(p.text)' : 'p.text');
  const confirmed = Array.from(confirm, (f, i) => ` AND instr(${text(f)}, @c${i}) > 0`).join('');
  const tf = Array.from(
    counts,
    (f, i) => `, (octet_length(p.text) - octet_length(replace(${text(f)}, @t${i}, ''))) / @bytes${i} AS f${i}`,
  );
  // avg is never 0: a match holds its terms' characters.
  const score = Array.from(
    counts,
    (_, i) => ` + (@w${i} * (f${i} * (@k1 + 1))) / (f${i} + @k1 * (1 - @b + (@b * len) / (total * 1.0 / n)))`,
  ).join('');
  // No window functions: each window pass sorted and copied the rows again (~0.6 ms a search at 30,000 reports).
  // The first `@bound` of the newest ids are all but the oldest one when `@max` (= bound + 1) were read.
  return `WITH c AS MATERIALIZED (
      SELECT p.id, p.report_id, p.section_path, p.chars AS len${tf.join('')}
      FROM paragraph_grams g JOIN paragraphs p ON p.id = g.rowid
      WHERE paragraph_grams MATCH @match${confirmed}
      ORDER BY g.rowid DESC LIMIT @max),
    a AS MATERIALIZED (SELECT count(*) AS found, min(id) AS last FROM c),
    w AS NOT MATERIALIZED (SELECT c.* FROM c, a WHERE a.found <= @bound OR c.id > a.last),
    t AS MATERIALIZED (SELECT sum(len) AS total, count(*) AS n FROM w)
    SELECT id, report_id, section_path, -(0${score}) AS rank, (SELECT found FROM a) FROM w, t
    ORDER BY rank, id DESC LIMIT @limit`;
}

/** A ranked match before its text is read: only the shown ones need it. */
export interface RankedMatch {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  /** bm25-like score, lower is better (as FTS5's rank). */
  rank: number;
}

/**
 * The best `limit` of the newest `bound` paragraphs matching `query` (AND, substring, ASCII case ignored), best
 * first, ties newest first; `weights` are the terms' idf. `found` counts the matches read, at most `bound + 1`.
 */
export function rankedMatches(
  store: ReportStore,
  query: GramQuery,
  weights: readonly number[],
  bound: number,
  limit: number,
): { hits: RankedMatch[]; found: number } {
  const { shaped: cache } = searchOf(store.db);
  const shape = scoredShapeOf(query);
  const statement = shaped(cache.ranked, shape, () => store.db.$client.prepare(rankedSql(shape)).raw(true));
  const rows = statement.all({
    match: query.match,
    max: bound + 1,
    bound,
    limit,
    k1: BM25.k1,
    b: BM25.b,
    ...listParams('c', query.confirm),
    ...listParams('t', query.terms),
    ...listParams(
      'bytes',
      query.terms.map((t) => Buffer.byteLength(t)),
    ),
    ...listParams('w', weights),
  }) as [number, number, string | null, number, number][];
  return {
    hits: rows.map(([paragraphId, reportId, sectionPath, rank]) => ({ paragraphId, reportId, sectionPath, rank })),
    found: rows[0]?.[4] ?? 0,
  };
}

/** The texts of some paragraphs by id (those a page shows). */
export function paragraphTexts(store: ReportStore, ids: readonly number[]): Map<number, string> {
  const { search, shaped: cache } = searchOf(store.db);
  const texts = new Map<number, string>();
  // Chunks keep the IN list far below SQLite's variable limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = shaped(cache.texts, String(chunk.length), () => search.texts(chunk.length)).all(listParams('p', chunk));
    for (const r of rows) texts.set(r.id, r.text);
  }
  return texts;
}

/** Ids among `reportIds` with at least one paragraph containing every word of `topic` (the index, like /search). */
export function reportsWithTopic(store: ReportStore, topic: string, reportIds: readonly number[]): Set<number> {
  const hit = new Set<number>();
  const query = toGramQuery(topic.split(/\s+/).filter(Boolean));
  if (!query) return hit;
  const { search, shaped: cache } = searchOf(store.db);
  const shape = shapeOf(query);
  // Chunks keep the IN list far below SQLite's variable limit.
  for (let i = 0; i < reportIds.length; i += 500) {
    const chunk = reportIds.slice(i, i + 500);
    const rows = shaped(cache.withTopic, `${chunk.length}:${shape}`, () => search.withTopic(chunk.length, shape)).all({
      match: query.match,
      ...listParams('r', chunk),
      ...listParams('c', query.confirm),
    });
    for (const r of rows) hit.add(r.id);
  }
  return hit;
}

/**
 * Ids of the reports with a paragraph containing every word of `topic` (as `reportsWithTopic` finds them), as a
 * subquery for `IN (…)` with its values bound in it; null when the topic has no searchable term (it matches none).
 */
export function topicReportIds(topic: string): SQL | null {
  const query = toGramQuery(topic.split(/\s+/).filter(Boolean));
  if (!query) return null;
  const confirmed = confirmations(shapeOf(query), (i) => query.confirm[i]);
  return sql`SELECT ${paragraphs.reportId} FROM ${paragraphGrams} JOIN ${paragraphs} ON ${paragraphs.id} = ${paragraphGrams.rowid}
    WHERE ${and(sql`${paragraphGrams} MATCH ${query.match}`, ...confirmed)}`;
}
