/**
 * Child process of the benchmark: opens an ingested database, serves the benchmark commands and prints
 * the figures as JSON. A separate process keeps the corpus and ingest out of the peak RSS it reports.
 */
import { closeDb, openDb } from '../db/open.js';
import { measureServing } from './measure-latency.js';

const [dbPath, iterations, mode] = process.argv.slice(2);
if (!dbPath) {
  process.stderr.write('usage: serve-probe <db> [iterations] [after-write]\n');
  process.exit(2);
}
const db = openDb(dbPath);
try {
  process.stdout.write(
    JSON.stringify(measureServing(db, Number(iterations ?? 200), { afterWrite: mode === 'after-write' })) + '\n',
  );
} finally {
  closeDb(db);
}
