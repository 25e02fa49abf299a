import { eq, sql } from 'drizzle-orm';
import { refreshHeadlineFacts } from './headline-facts-write.js';
import { metrics } from './schema.js';
import type { DigestDb } from './open.js';

/** A yearly headline figure (or one an earlier outlier pass took out of the headline) with its report's place. */
export interface FigureRow {
  id: number;
  reportId: number;
  key: string;
  unit: string;
  normalized: number;
  flags: string;
  headline: number;
  body: string | null;
  level: string | null;
  region: string | null;
  year: number | null;
}

/** The reads and writes of one outlier pass (src/ingest/outliers.ts), inside its transaction. */
export interface OutlierMarks {
  /** Yearly counts and amounts that headline today or carry `mark` from an earlier pass. */
  figures(): FigureRow[];
  /** Takes a figure out of the headline with its reasons. */
  demote(id: number, flags: string[]): void;
  /** Clears the mark: back in the headline unless the report headlines another figure of the key. */
  restore(row: Pick<FigureRow, 'id' | 'reportId' | 'key'>): void;
  /** Served figures changed: caches keyed by the corpus version must drop them. */
  bumpVersion(): void;
}

/** Runs `pass` in one IMMEDIATE write transaction over the metrics marked with `mark`. */
export function outlierMarks(db: DigestDb, mark: string, pass: (marks: OutlierMarks) => void): void {
  const client = db.$client;
  db.transaction(
    () => {
      const demote = client.prepare(`UPDATE metrics SET headline = 0, confidence = 'low', flags = ? WHERE id = ?`);
      const restore = client.prepare(
        `UPDATE metrics SET headline = CASE WHEN EXISTS (SELECT 1 FROM metrics o WHERE o.report_id = ? AND o.key = ?
           AND o.headline = 1 AND o.id <> ?) THEN 0 ELSE 1 END, confidence = 'high', flags = '[]' WHERE id = ?`,
      );
      const touched = new Set<number>();
      const reportOf = db
        .select({ reportId: metrics.reportId })
        .from(metrics)
        .where(eq(metrics.id, sql.placeholder('id')))
        .prepare();
      pass({
        figures: () =>
          client
            .prepare(
              `SELECT m.id, m.report_id AS reportId, m.key, m.unit, m.normalized, m.flags, m.headline, r.body,
                      r.region_level AS level, coalesce(r.region_code, r.region_name) AS region, r.year
               FROM metrics m JOIN reports r ON r.id = m.report_id
               WHERE m.period = 'year' AND m.unit NOT IN ('%', '个百分点') AND m.normalized > 0
                 AND (m.headline = 1 OR m.flags LIKE ?)`,
            )
            .all(`%${mark}%`) as FigureRow[],
        demote: (id, flags) => {
          demote.run(JSON.stringify(flags), id);
          const r = reportOf.get({ id });
          if (r) touched.add(r.reportId);
        },
        restore: (row) => {
          restore.run(row.reportId, row.key, row.id, row.id);
          touched.add(row.reportId);
        },
        bumpVersion: () => void client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`).run(),
      });
      // The headline changed: the read model follows in the same transaction.
      for (const id of touched) refreshHeadlineFacts(db, id);
    },
    { behavior: 'immediate' },
  );
}
