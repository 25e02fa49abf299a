import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { SEEDS_DIR, tempDb } from './temp-db.js';

/** A real service over a temp SQLite file with the seeds (and any extra files) ingested. */
export async function seededService(extra: string[] = []) {
  const t = tempDb();
  const summary = await ingestPaths(t.db, [SEEDS_DIR, ...extra]);
  const service = createDigestService({ db: t.db });
  return { ...t, service, summary };
}
