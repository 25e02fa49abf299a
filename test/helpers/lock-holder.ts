import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Runs in its own thread and connection: takes the write lock, runs the statements, says so, holds the lock
// for `holdMs` while the test's thread goes on, then commits.
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
for (const statement of workerData.statements) db.prepare(statement).run();
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
`;

/** Another writer on the database file: resolves once it holds the write lock; `committed` when it let go. */
export async function holdWriteLock(
  path: string,
  statements: string[],
  holdMs: number,
): Promise<{ committed: Promise<unknown> }> {
  const worker = new Worker(HOLDER, {
    eval: true,
    workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path, statements, holdMs },
  });
  const committed = new Promise((resolve) => worker.once('exit', resolve));
  await new Promise((resolve) => worker.once('message', resolve));
  return { committed };
}
