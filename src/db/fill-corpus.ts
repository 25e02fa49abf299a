import type Database from 'better-sqlite3';
import { bumpCorpusVersion } from './corpus-meta.js';
import { toGramText } from './gram-index.js';
import type { DigestDb } from './open.js';
import { decodeTermCounts } from './term-counts.js';
import { allRegions } from '../gazetteer/gazetteer.js';
import { createRng } from '../bench/prng.js';

/** Clones inserted per transaction (one SQL statement per table per batch). */
const BATCH = 500;
/** The newest year a clone gets; older years follow once every region has a report for it. */
const NEWEST_YEAR = 2025;

/** Report columns copied unchanged from the source report (region, year, hash and file are the clone's own). */
const COPIED = `title, body, kind, delivered_on, speaker, session, source_url, script, encoding, text_length,
  summary, plan_summary, keywords, terms, extractor_version, ingested_at`;

/**
 * Grows a database of ingested reports to `target` reports without re-running extraction: each new report
 * is a copy of an extracted one (its paragraphs, search tokens, sections, figures, original) under another
 * gazetteer region and year, written by INSERT … SELECT in batches, so 100,000 reports take minutes.
 * The copies' search tokens come from the source paragraphs' tokens, computed once. Bumps the corpus
 * version (as an ingest would) and keeps document frequencies and keyword totals consistent, so the
 * service sees a corpus whose keywords are up to date. Returns the number of reports added.
 */
export function fillCorpus(db: DigestDb, target: number, seed = 11): number {
  const client = db.$client;
  const count = () => (client.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  const start = count();
  if (start >= target) return 0;
  const sources = (
    client.prepare(`SELECT id FROM reports WHERE source_file NOT LIKE 'clone:%' ORDER BY id`).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (!sources.length) throw new Error('fillCorpus needs at least one ingested report to copy');
  prepareSourceGrams(client, sources);

  // A fixed shuffled order: each pass over the regions takes the next older year.
  const regions = createRng(seed).shuffle(allRegions().filter((r) => r.tier !== '国家'));
  const clonesSoFar = (
    client.prepare(`SELECT count(*) AS n FROM reports WHERE source_file LIKE 'clone:%'`).get() as {
      n: number;
    }
  ).n;

  const plan = client.prepare(
    `INSERT INTO bench_clone_plan (new_id, src_id, hash, code, name, short, level, tier, province, parent, year)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const statements = cloneStatements(client);
  const labels = labelCounts(client);
  const maxId = () => (client.prepare('SELECT coalesce(max(id), 0) AS n FROM reports').get() as { n: number }).n;
  let added = 0;
  while (start + added < target) {
    const size = Math.min(BATCH, target - start - added);
    client.transaction(() => {
      client.prepare('DELETE FROM bench_clone_plan').run();
      let id = maxId();
      for (let i = 0; i < size; i++) {
        const k = clonesSoFar + added + i;
        const region = regions[k % regions.length]!;
        const year = NEWEST_YEAR - Math.floor(k / regions.length);
        id++;
        plan.run(
          id,
          sources[k % sources.length]!,
          `clone-${k}-${seed}`,
          region.code,
          region.name,
          region.short,
          region.level,
          region.tier,
          region.province,
          region.parent,
          year,
        );
      }
      for (const s of statements) s.run();
      labels.run();
      bumpCorpusVersion(client);
    })();
    added += size;
  }
  syncTermDf(client, sources);
  return added;
}

/** Search tokens of every source paragraph, by (report, ord): the copies' index rows are these. */
function prepareSourceGrams(client: Database.Database, sources: number[]): void {
  client.exec(`CREATE TEMP TABLE IF NOT EXISTS bench_clone_plan (new_id INTEGER PRIMARY KEY, src_id INTEGER NOT NULL,
    hash TEXT NOT NULL, code TEXT, name TEXT, short TEXT, level TEXT, tier TEXT, province TEXT, parent TEXT, year INTEGER)`);
  client.exec(`CREATE TEMP TABLE IF NOT EXISTS bench_source_grams (report_id INTEGER NOT NULL, ord INTEGER NOT NULL,
    body TEXT NOT NULL, PRIMARY KEY (report_id, ord))`);
  const have = (client.prepare('SELECT count(DISTINCT report_id) AS n FROM bench_source_grams').get() as { n: number }).n;
  if (have === sources.length) return;
  const rows = client.prepare('SELECT report_id AS reportId, ord, text FROM paragraphs WHERE report_id = ?');
  const insert = client.prepare('INSERT OR REPLACE INTO bench_source_grams (report_id, ord, body) VALUES (?, ?, ?)');
  client.transaction(() => {
    for (const id of sources)
      for (const p of rows.all(id) as { reportId: number; ord: number; text: string }[])
        insert.run(p.reportId, p.ord, toGramText(p.text));
  })();
}

/** One INSERT … SELECT per table, copying the planned sources under the planned ids and regions. */
function cloneStatements(client: Database.Database): Database.Statement[] {
  const sql = [
    `INSERT INTO reports (id, hash, source_file, region_code, region_name, region_short, region_level, region_tier,
       province, parent, year, keywords_total, ${COPIED})
     SELECT p.new_id, p.hash, 'clone:' || p.new_id, p.code, p.name, p.short, p.level, p.tier, p.province, p.parent,
       p.year, r.keywords_total, ${COPIED.replace(/(\w+)/g, 'r.$1')}
     FROM bench_clone_plan p JOIN reports r ON r.id = p.src_id ORDER BY p.new_id`,
    `INSERT INTO report_files (path, report_id, hash, size, mtime_ms)
     SELECT 'clone:' || p.new_id, p.new_id, p.hash, 0, 0 FROM bench_clone_plan p`,
    `INSERT INTO report_originals (report_id, original, page)
     SELECT p.new_id, o.original, o.page FROM bench_clone_plan p JOIN report_originals o ON o.report_id = p.src_id`,
    `INSERT INTO parts (report_id, ord, title, scope, start, "end")
     SELECT p.new_id, x.ord, x.title, x.scope, x.start, x."end" FROM bench_clone_plan p JOIN parts x ON x.report_id = p.src_id`,
    `INSERT INTO sections (report_id, ord, path, title, level, scope, start, "end", summary)
     SELECT p.new_id, x.ord, x.path, x.title, x.level, x.scope, x.start, x."end", x.summary
     FROM bench_clone_plan p JOIN sections x ON x.report_id = p.src_id`,
    `INSERT INTO metrics (report_id, key, label, value, unit, approx, lower, upper, normalized, scope, period, evidence,
       evidence_ord, evidence_at, evidence_len, section_path, offset, headline, body_scope, confidence, rule, flags, derived)
     SELECT p.new_id, m.key, m.label, m.value, m.unit, m.approx, m.lower, m.upper, m.normalized, m.scope, m.period,
       m.evidence, m.evidence_ord, m.evidence_at, m.evidence_len, m.section_path, m.offset, m.headline, m.body_scope, m.confidence, m.rule, m.flags, m.derived
     FROM bench_clone_plan p JOIN metrics m ON m.report_id = p.src_id ORDER BY p.new_id, m.id`,
    // The clone's headline facts: the source's, under the clone's region, year and tier (its period is `year`).
    `INSERT INTO headline_facts (report_id, key, metric_id, value, unit, approx, normalized, period, doubts, derived,
       other_body, tier, year, province, body, region_name, report_period, checks)
     SELECT p.new_id, h.key,
       (SELECT min(m.id) FROM metrics m WHERE m.report_id = p.new_id AND m.key = h.key AND m.headline = 1),
       h.value, h.unit, h.approx, h.normalized, h.period, h.doubts, h.derived, h.other_body, p.tier, p.year, p.province,
       h.body, p.name, 'year', h.checks
     FROM bench_clone_plan p JOIN headline_facts h ON h.report_id = p.src_id ORDER BY p.new_id`,
    `INSERT INTO headline_rows (report_id, family, own, any, annual, periods, tier, year, province, body)
     SELECT p.new_id, h.family, h.own, h.any, h.annual, h.periods, p.tier, p.year, p.province, h.body
     FROM bench_clone_plan p JOIN headline_rows h ON h.report_id = p.src_id ORDER BY p.new_id`,
    `INSERT INTO paragraphs (report_id, ord, section_path, text, chars)
     SELECT p.new_id, x.ord, x.section_path, x.text, x.chars FROM bench_clone_plan p JOIN paragraphs x ON x.report_id = p.src_id
     ORDER BY p.new_id, x.ord`,
    `INSERT INTO paragraph_grams (rowid, body)
     SELECT n.id, g.body FROM bench_clone_plan p JOIN paragraphs n ON n.report_id = p.new_id
     JOIN bench_source_grams g ON g.report_id = p.src_id AND g.ord = n.ord`,
  ];
  return sql.map((s) => client.prepare(s));
}

/** headline_labels for a batch's copies in one aggregate (ingest counts them per report, headline-labels.ts). */
function labelCounts(client: Database.Database): Database.Statement {
  return client.prepare(
    `INSERT INTO headline_labels (key, label, reports, first_id)
     SELECT m.key, m.label, count(DISTINCT m.report_id), min(m.id) FROM bench_clone_plan p
     JOIN metrics m ON m.report_id = p.new_id WHERE m.headline = 1 GROUP BY m.key, m.label
     ON CONFLICT (key, label) DO UPDATE SET reports = reports + excluded.reports`,
  );
}

/**
 * Document frequencies as if every copy had been ingested (each adds its source's terms). Keyword totals are
 * copied from the sources: serving never re-ranks, and re-ranking a copy would only reproduce its source's.
 */
function syncTermDf(client: Database.Database, sources: number[]): void {
  client.transaction(() => {
    const df = new Map<string, number>();
    const terms = client.prepare('SELECT terms FROM reports WHERE id = ?');
    const weight = copiesPerSource(client, sources);
    for (const id of sources) {
      const row = terms.get(id) as { terms: string };
      for (const t of Object.keys(decodeTermCounts(row.terms))) df.set(t, (df.get(t) ?? 0) + (weight.get(id) ?? 1));
    }
    const upsert = client.prepare(
      'INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = excluded.df',
    );
    for (const [t, n] of df) upsert.run(t, n);
  })();
}

/** How many reports (the source itself included) carry each source's extraction. */
function copiesPerSource(client: Database.Database, sources: number[]): Map<number, number> {
  const clones = (
    client.prepare(`SELECT count(*) AS n FROM reports WHERE source_file LIKE 'clone:%'`).get() as {
      n: number;
    }
  ).n;
  // Clone k copies sources[k % sources.length], so the first (clones mod sources) sources have one more copy.
  const each = Math.floor(clones / sources.length);
  const extra = clones % sources.length;
  return new Map(sources.map((id, i) => [id, 1 + each + (i < extra ? 1 : 0)]));
}
