import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { fillHeadlineFactsIfNeeded } from '../../src/db/headline-facts-write.js';
import { type DigestDb, openDb } from '../../src/db/open.js';
import { storeReport } from '../../src/db/report-writer.js';
import { ReportStore } from '../../src/db/report-store.js';
import * as schema from '../../src/db/schema.js';
import { extractFile } from '../../src/ingest/extract.js';
import { SEEDS_DIR } from '../helpers/temp-db.js';
import { matchingParagraphs, rankedSearch, searchParagraphs, withTexts } from '../../src/service/query/text-search.js';

const MIGRATIONS = new URL('../../src/db/migrations/', import.meta.url).pathname;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database migrated by the first `count` migrations only, as an older release left it. */
function migratedTo(count: number): { client: Database.Database; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'digest-upgrade-'));
  dirs.push(dir);
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  const path = join(dir, 'digest.db');
  const client = new Database(path);
  migrate(drizzle(client), { migrationsFolder: folder });
  return { client, path };
}

/** Report 1 with empty summaries and the given term counts: the row paragraphs of an upgrade test belong to. */
function reportRow(client: Database.Database, terms: string): void {
  client
    .prepare(
      `INSERT INTO reports (id, hash, source_file, script, encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
       VALUES (1, 'h', 'a.txt', 'simplified', 'utf-8', 40, '[]', '[]', '[]', ?, '2026-01-01T00:00:00Z')`,
    )
    .run(terms);
}

/** A database as the release before the search-index change left it: only the first two migrations. */
function oldDb(): string {
  const { client, path } = migratedTo(2);
  client
    .prepare(
      `INSERT INTO reports (id, hash, source_file, script, encoding, text_length, original, summary, plan_summary, keywords, terms, ingested_at)
       VALUES (1, 'h', 'a.txt', 'simplified', 'utf-8', 9, ?, '[]', '[]', '[]', '{}', '2026-01-01T00:00:00Z')`,
    )
    .run(deflateSync(Buffer.from('原文:开展协商议政', 'utf8')));
  client.prepare(`INSERT INTO paragraphs (id, report_id, ord, text) VALUES (7, 1, 0, '开展协商议政')`).run();
  client.close();
  return path;
}

describe('upgrading an existing database', () => {
  it('moves the original text to its own table and rebuilds the search index', () => {
    const db = openDb(oldDb());
    try {
      const store = new ReportStore(db);
      expect(store.originalText(1)).toBe('原文:开展协商议政');
      expect(matchingParagraphs(store, ['协商议'], 10).map((h) => h.paragraphId)).toEqual([7]);
      expect(matchingParagraphs(store, ['议'], 10).map((h) => h.paragraphId)).toEqual([7]);
      expect(matchingParagraphs(store, ['政协'], 10)).toEqual([]);
      const tables = db.$client.prepare(`SELECT name FROM sqlite_master WHERE name = 'paragraphs_fts'`).all();
      expect(tables).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});

describe('upgrading a database with evidence copies (migration 0010)', () => {
  it('turns evidence held verbatim by one paragraph into a reference and reads every figure the same', () => {
    const { client, path } = migratedTo(10);
    reportRow(client, '{}');
    const para = client.prepare('INSERT INTO paragraphs (report_id, ord, text) VALUES (1, ?, ?)');
    para.run(0, '一、提案工作');
    para.run(1, '𠀀全年共收到提案150件，立案142件。办复率100%。');
    const metric = client.prepare(
      `INSERT INTO metrics (report_id, key, label, value, unit, approx, normalized, period, evidence, offset, headline)
       VALUES (1, ?, ?, ?, '件', 'exact', ?, 'year', ?, ?, 1)`,
    );
    const evidence = [
      ['proposals.received', '收到提案', 150, '𠀀全年共收到提案150件，立案142件。', 12],
      ['proposals.filed', '立案提案', 142, '立案142件。', 20],
      ['proposals.replied_rate', '办复率', 100, '办复率100%。', 28],
      ['proposals.total', '提案', 292, '一、提案工作\n全年共收到提案150件', 3],
      ['proposals.other', '提案', 1, '不在任何段落里的句子', 3],
    ] as const;
    for (const [key, label, value, text, offset] of evidence) metric.run(key, label, value, value, text, offset);
    client.close();

    const db = openDb(path);
    try {
      const store = new ReportStore(db);
      expect(
        store
          .allMetrics(1)
          .map((f) => [f.key, f.evidence])
          .sort(),
      ).toEqual(evidence.map(([key, , , text]) => [key, text]).sort());
      const rows = db.$client
        .prepare('SELECT key, evidence, evidence_ord AS ord, evidence_at AS at, evidence_len AS len FROM metrics ORDER BY id')
        .all();
      expect(rows).toEqual([
        { key: 'proposals.received', evidence: '', ord: 1, at: 0, len: 20 },
        { key: 'proposals.filed', evidence: '', ord: 1, at: 13, len: 7 },
        { key: 'proposals.replied_rate', evidence: '', ord: 1, at: 20, len: 8 },
        { key: 'proposals.total', evidence: evidence[3][3], ord: null, at: null, len: null },
        { key: 'proposals.other', evidence: evidence[4][3], ord: null, at: null, len: null },
      ]);
    } finally {
      db.$client.close();
    }
  });
});

describe('upgrading a database from before the headline-facts read model', () => {
  it('fills the read model from the stored figures, with the compare period read from their evidence', () => {
    // Every migration before the read model's: the fill at open reads evidence through its references.
    const { client, path } = migratedTo(11);
    client
      .prepare(
        `INSERT INTO reports (id, hash, source_file, body, region_code, region_name, province, year, script, encoding,
           text_length, summary, plan_summary, keywords, terms, ingested_at)
         VALUES (3, 'h', 'a.txt', '政协', '512000', '资阳市', '四川省', 2022, 'simplified', 'utf-8', 9, '[]', '[]', '[]', '{}',
           '2026-01-01T00:00:00Z')`,
      )
      .run();
    const metric = client.prepare(
      `INSERT INTO metrics (id, report_id, key, label, value, unit, approx, normalized, period, evidence, offset, headline,
         body_scope, confidence, rule, flags)
       VALUES (?, 3, ?, '立案', ?, '件', 'exact', ?, 'year', ?, 0, ?, 'own', ?, 'cue', ?)`,
    );
    metric.run(10, 'proposals.filed', 412, 412, '五年来立案412件', 1, 'high', '[]');
    metric.run(11, 'proposals.received', 90, 90, '收到提案90件', 1, 'low', '[]');
    metric.run(12, 'proposals.answered', 80, 80, '办复80件', 0, 'high', '[]');
    client.close();

    const db = openDb(path);
    try {
      const rows = db.$client
        .prepare('SELECT report_id, key, metric_id, period, doubts, tier, region_name FROM headline_facts ORDER BY key')
        .all();
      expect(rows).toEqual([
        {
          report_id: 3,
          key: 'proposals.filed',
          metric_id: 10,
          period: 'term',
          doubts: '[]',
          tier: '地级',
          region_name: '资阳市',
        },
        {
          report_id: 3,
          key: 'proposals.received',
          metric_id: 11,
          period: 'year',
          doubts: '["把握不大"]',
          tier: '地级',
          region_name: '资阳市',
        },
      ]);
    } finally {
      db.$client.close();
    }
    // Filled once: a second open does not rebuild it (the flag is set).
    const again = openDb(path);
    try {
      again.$client.prepare('DELETE FROM headline_facts WHERE key = ?').run('proposals.received');
      again.$client.close();
      const third = openDb(path);
      expect(third.$client.prepare('SELECT count(*) AS n FROM headline_facts').get()).toEqual({ n: 1 });
      third.$client.close();
    } finally {
      if (again.$client.open) again.$client.close();
    }
  });
});

describe('upgrading a database from before the WITHOUT ROWID tables (migration 0015)', () => {
  const TABLES = {
    parts: 'report_id, ord',
    sections: 'report_id, ord',
    headline_facts: 'report_id, key',
    headline_rows: 'report_id, family',
  } as const;
  const withoutRowid = (client: Database.Database, table: string) =>
    (client.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').get(table) as { wr: number }).wr;

  it('keeps every row of the four tables keyed by report, stored without a rowid, and deletes them with their report', async () => {
    const { client, path } = migratedTo(15);
    // Today's writer counts headline labels itself (migration 0017 dropped this trigger): with both, twice.
    client.exec('DROP TRIGGER headline_labels_insert');
    const old = drizzle(client, { schema }) as DigestDb;
    const seed = join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[0]!);
    // Today's writer also writes paragraphs.chars (migration 0018): the column is there while it writes only.
    client.exec('ALTER TABLE paragraphs ADD chars integer');
    expect(storeReport(old, await extractFile(seed), { path: seed, size: 1, mtimeMs: 1 })).toBe('ingested');
    client.exec('ALTER TABLE paragraphs DROP COLUMN chars');
    fillHeadlineFactsIfNeeded(old);
    const rows = (c: Database.Database) =>
      Object.entries(TABLES).map(([t, key]) => c.prepare(`SELECT * FROM ${t} ORDER BY ${key}`).all());
    const before = rows(client);
    for (const t of Object.keys(TABLES)) expect(withoutRowid(client, t)).toBe(0);
    for (const r of before) expect(r.length).toBeGreaterThan(0);
    client.close();

    const db = openDb(path);
    try {
      for (const t of Object.keys(TABLES)) expect(withoutRowid(db.$client, t)).toBe(1);
      expect(rows(db.$client)).toEqual(before);
      db.$client.prepare('DELETE FROM reports').run();
      for (const r of rows(db.$client)) expect(r).toEqual([]);
    } finally {
      db.$client.close();
    }
  });
});

describe('upgrading a database with JSON term counts (migration 0016)', () => {
  it('rewrites the records the compact form holds exactly and reads every record the same', () => {
    const { client, path } = migratedTo(16);
    const records = [
      '{"民主监督":6,"社情民意信息":6,"营商环境":5,"APP":1,"一等奖":1}',
      '{}',
      // Counts rising again, a tab in a term, a fractional count: left as JSON.
      '{"甲":1,"乙":2}',
      '{"a\\tb":1}',
      '{"丙":1.5}',
    ];
    const insert = client.prepare(
      `INSERT INTO reports (id, hash, source_file, script, encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
       VALUES (?, ?, 'a.txt', 'simplified', 'utf-8', 9, '[]', '[]', '[]', ?, '2026-01-01T00:00:00Z')`,
    );
    for (const [i, terms] of records.entries()) insert.run(i + 1, `h${i}`, terms);
    client.close();

    const db = openDb(path);
    try {
      const stored = db.$client.prepare('SELECT terms FROM reports ORDER BY id').pluck().all();
      expect(stored).toEqual(['6\t民主监督\t社情民意信息\n5\t营商环境\n1\tAPP\t一等奖', '', ...records.slice(2)]);
      const read = db.select({ terms: schema.reports.terms }).from(schema.reports).orderBy(schema.reports.id).all();
      expect(read.map((r) => Object.entries(r.terms))).toEqual(records.map((r) => Object.entries(JSON.parse(r))));
    } finally {
      db.$client.close();
    }
  });
});

describe('upgrading a database whose headline labels a trigger counted (migration 0017)', () => {
  it('drops the insert trigger, and the writer then counts the labels as a scan of the facts gives them', async () => {
    const { client, path } = migratedTo(17);
    const report = client.prepare(
      `INSERT INTO reports (id, hash, source_file, script, encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
       VALUES (?, ?, 'a.txt', 'simplified', 'utf-8', 9, '[]', '[]', '[]', '', '2026-01-01T00:00:00Z')`,
    );
    const metric = client.prepare(
      `INSERT INTO metrics (report_id, key, label, value, unit, approx, normalized, period, evidence, offset, headline)
       VALUES (?, 'proposals.filed', '立案', 5, '件', 'exact', 5, 'year', '立案5件', 0, ?)`,
    );
    for (const id of [1, 2]) {
      report.run(id, `h${id}`);
      metric.run(id, 1);
      metric.run(id, 0);
    }
    const labels = (c: Database.Database) =>
      c.prepare('SELECT key, label, reports, first_id AS firstId FROM headline_labels ORDER BY key, label').all();
    expect(labels(client)).toEqual([{ key: 'proposals.filed', label: '立案', reports: 2, firstId: 1 }]);
    client.close();

    const db = openDb(path);
    try {
      const trigger = `SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'headline_labels_insert'`;
      expect(db.$client.prepare(trigger).pluck().get()).toBe(0);
      const seed = join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[0]!);
      expect(storeReport(db, await extractFile(seed), { path: seed, size: 1, mtimeMs: 1 })).toBe('ingested');
      const scanned = db.$client
        .prepare(
          `SELECT key, label, count(DISTINCT report_id) AS reports, min(id) AS firstId FROM metrics WHERE headline = 1
           GROUP BY key, label ORDER BY key, label`,
        )
        .all();
      expect(scanned.length).toBeGreaterThan(3);
      expect(labels(db.$client)).toEqual(scanned);
    } finally {
      db.$client.close();
    }
  });
});

describe('upgrading a database from before stored paragraph lengths (migration 0018)', () => {
  it('fills the length in characters of every paragraph, and search ranks from it as from the texts', () => {
    const { client, path } = migratedTo(17);
    reportRow(client, '');
    // A character outside the BMP (two UTF-16 units, one character) and ASCII, as length() counts them.
    const texts = ['开展协商议政,协商两次。', '𪷽𪷽协商议事,GDP增长。', '围绕PPP项目协商。'];
    const insert = client.prepare('INSERT INTO paragraphs (report_id, ord, text) VALUES (1, ?, ?)');
    for (const [i, t] of texts.entries()) insert.run(i, t);
    client.close();

    const db = openDb(path);
    try {
      const rows = db.$client.prepare('SELECT text, chars FROM paragraphs ORDER BY ord').all();
      expect(rows).toEqual(texts.map((text) => ({ text, chars: Array.from(text).length })));
      const store = new ReportStore(db);
      const fromSql = withTexts(store, rankedSearch(store, ['协商'], 8).hits);
      expect(fromSql).toEqual(searchParagraphs(store, ['协商'], 8));
      expect(fromSql).toHaveLength(3);
    } finally {
      db.$client.close();
    }
  });
});
