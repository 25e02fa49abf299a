import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readMeta, writeMeta } from '../../src/db/corpus-meta.js';
import { openDb } from '../../src/db/open.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { refreshKeywords } from '../../src/ingest/refresh-keywords.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const t = tempDb();
afterAll(() => t.cleanup());

const keywordsById = (db: ReturnType<typeof openDb>) =>
  new Map(
    (db.$client.prepare('SELECT id, keywords FROM reports').all() as { id: number; keywords: string }[]).map((r) => [
      r.id,
      r.keywords,
    ]),
  );

describe('keyword re-ranking after ingest', () => {
  it('is finished at the next start when the process died after the last report was committed', async () => {
    // A corpus whose keywords are up to date: one report ingested and re-ranked, the flag clear.
    await ingestPaths(t.db, [join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[0]!)]);
    expect(readMeta(t.db.$client, 'keywords_dirty')).toBe(0);
    // The "crash": every report committed, the re-ranking never ran (deferred, then the process is gone).
    const summary = await ingestPaths(t.db, [SEEDS_DIR], undefined, { deferKeywords: true });
    expect(summary.ingested).toBeGreaterThan(2);
    expect(readMeta(t.db.$client, 'keywords_dirty')).toBe(1);
    const unranked = keywordsById(t.db);
    t.db.$client.close();

    const db = openDb(t.path);
    try {
      const service = createDigestService({ db });
      await service.keywordsReady;
      expect(readMeta(db.$client, 'keywords_dirty')).toBe(0);
      const ranked = keywordsById(db);
      // Corpus weights changed the extraction-time keywords of some reports…
      expect([...ranked].filter(([id, k]) => unranked.get(id) !== k).length).toBeGreaterThan(0);
      // …and they are exactly what a full re-ranking gives.
      writeMeta(db.$client, 'keywords_dirty', 1);
      refreshKeywords(db);
      expect(keywordsById(db)).toEqual(ranked);
      const stale = db.$client.prepare('SELECT count(*) AS n FROM reports WHERE keywords_total = 0').get() as { n: number };
      expect(stale.n).toBe(0);
    } finally {
      db.$client.close();
      t.db = openDb(t.path);
    }
  }, 60_000);
});
