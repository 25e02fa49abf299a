import { tierOf } from '../../domain/compare-tier.js';
import type { FactScope } from '../../db/headline-facts.js';
import { paragraphTexts } from '../../db/paragraph-search.js';
import type { ReportRef, ReportStore } from '../../db/report-store.js';
import { refsInScope } from '../../db/report-scope.js';
import { markTerms, searchParagraphs, sentences } from '../query/text-search.js';

/** Upper bound of paragraphs read for a topic comparison (keeps the answer fast on a large corpus). */
const MAX_PARAGRAPHS = 5000;

/** A report's mentions of the topic, and the paragraphs they are in (in rank order) for its best sentence. */
export interface TopicEntry {
  mentions: number;
  paragraphs: number[];
  /** The sentence quoted for the report, found when a page first shows it. */
  best?: string;
}

/** Mentions per report for one topic and scope, and the reports' listing rows read so far. */
export interface TopicTable {
  /** Reports in scope that mention the topic, most mentions first (ties in rank order of their first hit). */
  ranked: [number, TopicEntry][];
  terms: string[];
  scope: FactScope;
  /** Listing rows by id: every ranked report's for a scoped table (the scope needed them), else the shown ones. */
  refs: Map<number, ReportRef>;
}

/**
 * Topic tables per store, reused while the corpus is unchanged: every page of the same topic needs the same
 * table. A table keeps counts and paragraph ids, not the paragraphs' text.
 */
const tables = new WeakMap<ReportStore, Map<string, { version: string; table: TopicTable }>>();

/** Tables kept per store. */
const MAX_TABLES = 16;

/** The topic table of `words` in `scope`, built from the best-ranked matching paragraphs once per corpus version. */
export function topicTable(store: ReportStore, words: string, scope: FactScope): TopicTable {
  // Every field of the scope the table is filtered by: a tier-filtered table is no answer for all tiers.
  const cacheKey = [words, scope.year ? `${scope.year.from}-${scope.year.to}` : '', scope.province ?? '', scope.tier ?? ''].join(
    '|',
  );
  const version = store.corpusVersion();
  let perStore = tables.get(store);
  if (!perStore) tables.set(store, (perStore = new Map()));
  // Tables of an older corpus are never served again: drop them all before building.
  for (const [k, v] of perStore) if (v.version !== version) perStore.delete(k);
  const hit = perStore.get(cacheKey);
  if (hit) return hit.table;

  const terms = words.split(/\s+/).filter(Boolean);
  const hits = searchParagraphs(store, terms, MAX_PARAGRAPHS);
  const scoped = scope.year !== null || scope.province !== null || scope.tier !== null;
  // Without a scope every hit's report is in it: only the reports a page shows are read (each is a wide row,
  // ~10 µs from the OS cache: 3,000 of them were a third of the first call). With one, the hits' reports are.
  const refs = scoped ? refsInScope(store.db, [...new Set(hits.map((h) => h.reportId))], scope, tierOf) : new Map();
  const perReport = new Map<number, TopicEntry>();
  for (const h of hits) {
    if (scoped && !refs.has(h.reportId)) continue;
    let entry = perReport.get(h.reportId);
    if (!entry) perReport.set(h.reportId, (entry = { mentions: 0, paragraphs: [] }));
    entry.mentions += markTerms(h.text, terms).length;
    entry.paragraphs.push(h.paragraphId);
  }
  // A paragraph the index matched (a prefix like `资*`) in which the words themselves never occur is no
  // mention: a row saying 提到 0 次 is not a result.
  for (const [id, entry] of perReport) if (entry.mentions === 0) perReport.delete(id);
  const table = { ranked: [...perReport].sort((a, b) => b[1].mentions - a[1].mentions), terms, scope, refs };
  if (perStore.size >= MAX_TABLES) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, table });
  return table;
}

/** The listing rows and best sentences of some ranked reports (a page), read once and kept in the table. */
export function showEntries(store: ReportStore, table: TopicTable, shown: [number, TopicEntry][]): Map<number, ReportRef> {
  const missing = shown.map(([id]) => id).filter((id) => !table.refs.has(id));
  if (missing.length)
    for (const [id, r] of refsInScope(store.db, missing, { year: null, province: null, tier: null }, tierOf))
      table.refs.set(id, r);
  const unquoted = shown.filter(([, e]) => e.best === undefined);
  const texts = paragraphTexts(
    store,
    unquoted.flatMap(([, e]) => e.paragraphs),
  );
  for (const [, e] of unquoted)
    e.best = bestSentence(
      e.paragraphs.map((p) => texts.get(p) ?? ''),
      table.terms,
    );
  return table.refs;
}

/** The sentence holding every term that says most (figures, a readable length); the first of equals. */
function bestSentence(texts: string[], terms: string[]): string {
  let best = '';
  let bestScore = -Infinity;
  for (const text of texts)
    for (const s of sentences(text)) {
      if (!terms.every((t) => s.includes(t))) continue;
      // Sentences with figures and of a readable length say most about what was done.
      const score = (/\d/.test(s) ? 2 : 0) - Math.abs(s.length - 60) / 60;
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
  return best;
}
