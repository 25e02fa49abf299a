import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { paragraphGrams } from './fts-tables.js';
import { type GramQuery, toGramQuery } from './gram-index.js';
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

/**
 * Occurrences of every term in the paragraph text, bound as `t0 … tn`, each as the UTF-8 bytes that removing
 * them takes away (the term's byte length times its count: replace() and the old indexOf loop both count
 * non-overlapping matches from the left). In SQL, so ranking reads a few integers a candidate instead of its
 * text: turning 500 texts into JS strings was most of a search.
 */
function occurrences(shape: string): Record<string, SQL<number>> {
  return Object.fromEntries(
    Array.from(shape, (folded, i) => {
      const text = folded === 'a' ? sql`lower(${paragraphs.text})` : sql`${paragraphs.text}`;
      const bytes = sql<number>`octet_length(${paragraphs.text}) - octet_length(replace(${text}, ${sql.placeholder(`t${i}`)}, ''))`;
      return [`t${i}`, bytes.mapWith(Number)];
    }),
  );
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
    scored: (shape: string) => {
      const [confirm = '', counts = ''] = shape.split(':');
      return db
        .select({
          paragraphId: paragraphs.id,
          reportId: paragraphs.reportId,
          sectionPath: paragraphs.sectionPath,
          // Characters (code points): what SQL counts without handing the text over.
          length: sql<number>`length(${paragraphs.text})`.mapWith(Number),
          ...occurrences(counts),
        })
        .from(paragraphGrams)
        .innerJoin(paragraphs, eq(paragraphs.id, paragraphGrams.rowid))
        .where(and(MATCHES, ...confirmations(confirm)))
        .orderBy(desc(paragraphGrams.rowid))
        .limit(sql.placeholder('max'))
        .prepare();
    },
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
  scored: Map<string, ReturnType<Search['scored']>>;
  texts: Map<string, ReturnType<Search['texts']>>;
  withTopic: Map<string, ReturnType<Search['withTopic']>>;
};

const perDb = new WeakMap<DigestDb, { search: Search; shaped: Shaped }>();

/** The connection's search statements, prepared once (per shape for the shaped ones). */
function searchOf(db: DigestDb): { search: Search; shaped: Shaped } {
  let s = perDb.get(db);
  if (!s)
    perDb.set(
      db,
      (s = {
        search: prepareSearch(db),
        shaped: { candidates: new Map(), scored: new Map(), texts: new Map(), withTopic: new Map() },
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
  const n = searchOf(store.db).search.count.get({ match: query.match, cap: COUNT_CAP + 1 })?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: n, capped: false };
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

/** A matching paragraph as ranking needs it: its length in characters and each term's occurrences. */
export interface ScoredMatch {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  /** Characters (code points) of the text. */
  length: number;
  /** Non-overlapping occurrences of each of `query.terms` in the text (ASCII case ignored), in order. */
  counts: number[];
}

/** Paragraphs matching `query` with what bm25 needs, newest first, at most `max`; no text is read into JS. */
export function scoredCandidates(store: ReportStore, query: GramQuery, max: number): ScoredMatch[] {
  const { search, shaped: cache } = searchOf(store.db);
  const shape = scoredShapeOf(query);
  // As arrays in the selection's order (id, report, section, length, t0 … tn): drizzle's mapping of 500 rows into
  // objects cost a third of the query.
  const rows = shaped(cache.scored, shape, () => search.scored(shape)).values({
    match: query.match,
    max,
    ...listParams('c', query.confirm),
    ...listParams('t', query.terms),
  });
  const bytes = query.terms.map((t) => Buffer.byteLength(t));
  return rows.map((r) => ({
    paragraphId: Number(r[0]),
    reportId: Number(r[1]),
    sectionPath: r[2] === null ? null : String(r[2]),
    length: Number(r[3]),
    counts: bytes.map((b, i) => Number(r[4 + i]) / b),
  }));
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
