/** Worker thread: runs the extraction pipeline on files it is sent; storing stays in the main thread. */
import { parentPort } from 'node:worker_threads';
import { DigestError } from '../errors.js';
import { extractFile } from '../ingest/extract.js';

/** Message to the worker. */
export interface ExtractJob {
  id: number;
  file: string;
}

const port = parentPort;
if (port) {
  port.on('message', (job: ExtractJob) => {
    extractFile(job.file).then(
      (report) => port.postMessage({ id: job.id, report }),
      (error: unknown) => port.postMessage({ id: job.id, error: reasonOf(error) }),
    );
  });
}

function reasonOf(error: unknown): string {
  if (error instanceof DigestError && 'reason' in error) return String((error as { reason: string }).reason);
  return error instanceof Error ? error.message : String(error);
}
