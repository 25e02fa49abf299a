import { and, eq, gt, ne, notInArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { storedFlags } from '../domain/fact-period.js';
import { bumpCorpusVersion } from './corpus-meta.js';
import { refreshHeadlineFacts } from './headline-facts-write.js';
import { metrics, reports } from './schema.js';
import type { DigestDb } from './open.js';

/** A yearly headline figure (or one an earlier outlier pass took out of the headline) with its report's place. */
export type FigureRow = Pick<typeof metrics.$inferSelect, 'id' | 'reportId' | 'key' | 'unit' | 'normalized' | 'flags'> & {
  headline: number;
  body: string | null;
  level: string | null;
  region: string | null;
  year: number | null;
};

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
  const p = sql.placeholder;
  const other = alias(metrics, 'o');
  db.transaction(
    () => {
      // The flags arrive as JSON text: a placeholder in `set` is bound as it is, without the column's encoder.
      const demote = db
        .update(metrics)
        .set({ headline: false, confidence: 'low', flags: sql`${p('flags')}` })
        .where(eq(metrics.id, p('id')))
        .prepare();
      const otherHeadline = db
        .select({ one: sql`1` })
        .from(other)
        .where(and(eq(other.reportId, p('reportId')), eq(other.key, p('key')), eq(other.headline, true), ne(other.id, p('id'))));
      // drizzle parenthesizes the subquery itself (EXISTS needs exactly one pair).
      const restore = db
        .update(metrics)
        .set({ headline: sql`CASE WHEN EXISTS ${otherHeadline} THEN 0 ELSE 1 END`, confidence: 'high', flags: [] })
        .where(eq(metrics.id, p('id')))
        .prepare();
      const reportOf = db
        .select({ reportId: metrics.reportId })
        .from(metrics)
        .where(eq(metrics.id, p('id')))
        .prepare();
      const figures = db
        .select({
          id: metrics.id,
          reportId: metrics.reportId,
          key: metrics.key,
          unit: metrics.unit,
          normalized: metrics.normalized,
          // Rows of an early version hold `;`-separated text, not JSON: read the way every other reader does.
          flags: sql`${metrics.flags}`.mapWith(storedFlags),
          headline: sql<number>`${metrics.headline}`,
          body: reports.body,
          level: reports.regionLevel,
          region: sql<string | null>`coalesce(${reports.regionCode}, ${reports.regionName})`,
          year: reports.year,
        })
        .from(metrics)
        .innerJoin(reports, eq(reports.id, metrics.reportId))
        .where(
          and(
            eq(metrics.period, 'year'),
            notInArray(metrics.unit, ['%', '个百分点']),
            gt(metrics.normalized, 0),
            // LIKE on the JSON text: a placeholder compared to the column would go through its JSON encoder.
            or(eq(metrics.headline, true), sql`${metrics.flags} LIKE ${p('mark')}`),
          ),
        )
        .prepare();
      const touched = new Set<number>();
      pass({
        figures: () => figures.all({ mark: `%${mark}%` }),
        demote: (id, flags) => {
          demote.run({ flags: JSON.stringify(flags), id });
          const r = reportOf.get({ id });
          if (r) touched.add(r.reportId);
        },
        restore: (row) => {
          restore.run({ reportId: row.reportId, key: row.key, id: row.id });
          touched.add(row.reportId);
        },
        bumpVersion: () => bumpCorpusVersion(db.$client),
      });
      // The headline changed: the read model follows in the same transaction.
      for (const id of touched) refreshHeadlineFacts(db, id);
    },
    { behavior: 'immediate' },
  );
}
