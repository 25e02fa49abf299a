// A batch store killed mid-way, for kill -9 tests: `node --import tsx store-crash-child.ts <db> <file…>`.
// Stores the first file alone (committed), then all files as one batch and dies (SIGKILL) while storing the
// third report of that batch, after the first two reports' savepoints were released.
import { openDb } from '../../src/db/open.js';
import { storeReport, storeReports } from '../../src/db/report-writer.js';
import { extractFile } from '../../src/ingest/extract.js';

const [dbPath, ...files] = process.argv.slice(2) as [string, ...string[]];
const db = openDb(dbPath);
const reports = await Promise.all(files.map((f) => extractFile(f)));
storeReport(db, reports[0]!, { path: `first:${files[0]}`, size: 1, mtimeMs: 1 });
// Reading the third report's metrics is the moment of death: its own rows are half-written by then.
Object.defineProperty(reports[2]!, 'metrics', {
  get: () => {
    process.kill(process.pid, 'SIGKILL');
    return [];
  },
});
storeReports(
  db,
  reports.map((report, i) => ({ report, stamp: { path: files[i]!, size: 1, mtimeMs: 1 } })),
);
