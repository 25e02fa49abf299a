import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Every .ts file under a folder of the repo. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('data access stays in src/db', () => {
  it('no file outside src/db reaches the raw SQLite client (db.$client): repositories there do the SQL', () => {
    const offenders = [...sources('src'), ...sources('adapters')]
      .filter((f) => !f.startsWith('src/db/'))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (line.includes('$client') ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  /**
   * Files of src/db still preparing hand-written SQL on the raw client, each with the reason; every other
   * repository queries through drizzle's builder (`.prepare()` without an SQL string) with schema-typed rows.
   */
  const RAW_SQL_ALLOWED: Record<string, string> = {
    'src/db/compare-statements.ts':
      'read model owned by the comparison work: the SQL of compare-cell-counts, -other-bodies, -uncompared, -segment-walk, -row-facts and compare-scan.ts, statements shaped per query (IN lists of a row’s columns and units, INDEXED BY headline_facts_key_rank), prepared here once per SQL text',
    'src/db/corpus-meta.ts': 'counters read and written on the raw client inside the writers’ own transactions',
    'src/db/fill-corpus.ts': 'bench/test corpus filler: bulk INSERT … SELECT copies of whole tables',
    'src/db/headline-labels.ts':
      'the ingest writer’s per-report label upserts (ON CONFLICT … DO UPDATE), run on the raw client inside its transaction',
    'src/db/headline-facts.ts': 'read model owned by the comparison work (compare-*.ts, headline-facts*.ts)',
    'src/db/headline-facts-write.ts': 'read model owned by the comparison work (compare-*.ts, headline-facts*.ts)',
    'src/db/paragraph-search.ts':
      'the /search ranking statement (rankedSql): CTEs over the FTS5 match and bm25 arithmetic drizzle has no builder for, prepared once per query shape; its raw rows are read by position',
    'src/db/rebuild-grams.ts': 'FTS5 maintenance commands (`delete-all`, rowid inserts) drizzle has no builder for',
    'src/db/report-writer.ts': 'the ingest write path: batched statements, savepoints and FTS5 rows on the raw client',
    'src/db/term-df.ts':
      'the ingest writer’s hot loop (a few hundred upserts a report): a raw statement binds without drizzle’s per-run mapping',
  };

  /** `.prepare(<anything>)`: drizzle's prepare takes no SQL, the raw client's takes a string. */
  const RAW_PREPARE = /\.prepare\(\s*[^)\s]/;
  /** A cast of a query result to a hand-written row type (`as ReportRow`, `as FigureRow[]`). */
  const ROW_CAST = /\bas\s+\w*Row(\[\])?\b/;

  it('repositories in src/db prepare drizzle queries, not raw SQL strings, outside an allow-list', () => {
    const offenders = sources('src/db')
      .filter((f) => !(f in RAW_SQL_ALLOWED))
      .flatMap((f) => {
        const text = readFileSync(join(ROOT, f), 'utf8');
        const found: string[] = [];
        for (const m of text.matchAll(new RegExp(RAW_PREPARE, 'g')))
          found.push(`${f}:${text.slice(0, m.index).split('\n').length}: raw prepare`);
        if (text.includes('$client.prepare') || /\.stmt\(/.test(text)) found.push(`${f}: raw client statement`);
        return found;
      });
    expect(offenders).toEqual([]);
  });

  it('no query result is cast to a hand-written row type outside the allow-list', () => {
    const offenders = [...sources('src'), ...sources('adapters')]
      .filter((f) => !(f in RAW_SQL_ALLOWED) && f !== 'src/gazetteer/build-gazetteer.ts') // that one reads a JSON file
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (ROW_CAST.test(line) && !line.startsWith('import') ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('the checks catch what they look for', () => {
    expect(RAW_PREPARE.test("client.prepare('SELECT 1')")).toBe(true);
    expect(RAW_PREPARE.test('client\n  .prepare(\n    `SELECT 1`)')).toBe(true);
    expect(RAW_PREPARE.test('db.select().from(t).prepare()')).toBe(false);
    expect(ROW_CAST.test('.get(id) as ReportRow | undefined')).toBe(true);
    expect(ROW_CAST.test('.all() as FigureRow[]')).toBe(true);
    expect(ROW_CAST.test('const rows = q.all();')).toBe(false);
    for (const f of Object.keys(RAW_SQL_ALLOWED)) expect(sources('src/db')).toContain(f);
  });
});
