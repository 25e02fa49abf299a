import { writeMeta } from '../db/corpus-meta.js';
import type { DigestDb } from '../db/open.js';
import { rankKeywords } from './summarize/tfidf.js';

/** Recomputes every report's keywords against the current corpus (document frequencies change as it grows). */
export function refreshKeywords(db: DigestDb): void {
  const client = db.$client;
  const df = new Map<string, number>();
  for (const row of client.prepare('SELECT term, df FROM term_df').iterate() as Iterable<{ term: string; df: number }>) {
    df.set(row.term, row.df);
  }
  const total = (client.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  const rows = client.prepare('SELECT id, terms, keywords FROM reports').all() as {
    id: number;
    terms: string;
    keywords: string;
  }[];
  const update = client.prepare('UPDATE reports SET keywords = ? WHERE id = ?');
  db.transaction(() => {
    let changed = 0;
    for (const row of rows) {
      const keywords = JSON.stringify(rankKeywords(JSON.parse(row.terms), (t) => df.get(t) ?? 0, total));
      if (keywords !== row.keywords) changed += update.run(keywords, row.id).changes;
    }
    // Served keywords changed: caches keyed by the corpus version must drop them.
    if (changed) client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`).run();
    writeMeta(client, 'keywords_dirty', 0);
  });
}
