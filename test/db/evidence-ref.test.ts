import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceRef, evidenceSql, paragraphStarts } from '../../src/db/evidence-ref.js';
import { ReportStore } from '../../src/db/report-store.js';
import { storeReport } from '../../src/db/report-writer.js';
import type { ExtractedReport } from '../../src/domain/report.js';
import { extractFile } from '../../src/ingest/extract.js';
import { seedAndDevFiles } from '../helpers/corpus-files.js';
import { tempDb } from '../helpers/temp-db.js';

describe('evidenceRef', () => {
  const text = '一、概况\n\n全年立案提案120件。办结率100%。\n全年立案提案120件。';
  const paragraphs = ['一、概况', '全年立案提案120件。办结率100%。', '全年立案提案120件。'];
  const starts = paragraphStarts(text, paragraphs);

  it('finds each paragraph’s start in the text, blank lines skipped', () => {
    expect(starts).toEqual([0, 6, 26]);
  });

  it('prefers the paragraph holding the number, else the first that contains the sentence', () => {
    expect(evidenceRef(paragraphs, starts, '全年立案提案120件。', 32)).toEqual({ ord: 2, at: 0, len: 11 });
    expect(evidenceRef(paragraphs, starts, '办结率100%。', 20)).toEqual({ ord: 1, at: 11, len: 8 });
    expect(evidenceRef(paragraphs, starts, '办结率100%。', 0)).toEqual({ ord: 1, at: 11, len: 8 });
  });

  it('keeps the text of merged sentences, of sentences no paragraph holds, and after a surrogate pair', () => {
    expect(evidenceRef(paragraphs, starts, '一、概况\n全年立案提案120件。', 0)).toBeNull();
    expect(evidenceRef(paragraphs, starts, '全年立案提案121件。', 6)).toBeNull();
    expect(evidenceRef(['𠀀立案120件'], [0], '立案120件', 2)).toBeNull();
    expect(evidenceRef(['立案120件𠀀'], [0], '立案120件', 2)).toEqual({ ord: 0, at: 0, len: 6 });
  });
});

// Every figure and summary of the seeds and the dev corpus, stored and read back: the references resolve to
// exactly the extracted strings (and most are stored as references, not copies). Summaries: see summary-refs.ts.
describe('stored evidence and summaries round-trip on the seeds and the dev corpus', () => {
  const t = tempDb();
  const files = seedAndDevFiles();
  const extracted = new Map<number, ExtractedReport>();

  beforeAll(async () => {
    for (const file of files) {
      const r = await extractFile(file);
      storeReport(t.db, r, { path: file, size: 1, mtimeMs: 1 });
      const id = t.db.$client.prepare('SELECT report_id AS id FROM report_files WHERE path = ?').get(file) as { id: number };
      extracted.set(id.id, r);
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  it('reads every figure’s evidence back unchanged', () => {
    const store = new ReportStore(t.db);
    const byId = t.db.$client.prepare('SELECT id FROM metrics WHERE report_id = ? ORDER BY id').pluck();
    let facts = 0;
    for (const [id, r] of extracted) {
      // Rows are stored in this order: every fact, then headline facts not among them.
      const headlines = Object.values(r.headline);
      const want = [...r.metrics, ...headlines.filter((f) => !r.metrics.includes(f))].map((f) => `${f.key}:${f.evidence}`);
      const read = store.allMetrics(id);
      expect(read.map((f) => `${f.key}:${f.evidence}`).sort()).toEqual([...want].sort());
      // And row by row, in insertion order (allMetrics sorts by offset, where ties are in any order).
      const ids = byId.all(id) as number[];
      const rows = ids.map((mid) => {
        const f = t.db.$client.prepare(`SELECT key || ':' || (${evidenceSql()}) AS v FROM metrics WHERE id = ?`).get(mid) as {
          v: string;
        };
        return f.v;
      });
      expect(rows).toEqual(want);
      facts += want.length;
    }
    expect(facts).toBeGreaterThan(files.length * 5);
    const stored = t.db.$client
      .prepare(`SELECT count(*) AS n, sum(evidence_ord IS NOT NULL AND evidence = '') AS refs FROM metrics`)
      .get() as { n: number; refs: number };
    expect(stored.n).toBe(facts);
    expect(stored.refs / stored.n).toBeGreaterThan(0.95);
  });

  it('keeps the text only where no paragraph holds the sentence verbatim', () => {
    const kept = t.db.$client.prepare(`SELECT m.evidence FROM metrics m WHERE m.evidence_ord IS NULL`).all() as {
      evidence: string;
    }[];
    const paragraphs = t.db.$client.prepare('SELECT text FROM paragraphs').pluck().all() as string[];
    for (const k of kept) expect(k.evidence.includes('\n') || !paragraphs.some((p) => p.includes(k.evidence))).toBe(true);
  });

  it('reads every report and section summary back unchanged, most stored as references', () => {
    const store = new ReportStore(t.db);
    for (const [id, r] of extracted) {
      const row = store.reportById(id)!;
      expect(row.summary).toEqual(r.summary);
      expect(row.planSummary).toEqual(r.planSummary);
      expect(store.sections(id).map((s) => [s.path, s.summary])).toEqual(
        r.outline.sections.map((s) => [s.path, s.summary ?? []]),
      );
    }
    const refs = t.db.$client
      .prepare(`SELECT count(*) AS n, sum(summary LIKE '[[%') AS refs FROM sections WHERE summary <> '[]'`)
      .get() as { n: number; refs: number };
    expect(refs.refs / refs.n).toBeGreaterThan(0.8);
  });
});
