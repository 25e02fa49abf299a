import cliProgress from 'cli-progress';
import type { DigestDb } from '../db/open.js';
import { type IngestOptions, ingestPaths, type IngestSummary } from '../ingest/ingest-batch.js';

/** `digest ingest [paths or URLs…]`: stores reports, with a progress bar on a TTY and one summary line. */
export async function runIngest(
  db: DigestDb,
  inputs: string[],
  out: NodeJS.WriteStream = process.stdout,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const bar = out.isTTY
    ? new cliProgress.SingleBar(
        { format: '导入 [{bar}] {value}/{total} {file}', clearOnComplete: true, stream: out },
        cliProgress.Presets.shades_classic,
      )
    : null;
  let started = false;
  const summary = await ingestPaths(
    db,
    inputs,
    (done, total, file) => {
      if (!bar) return;
      if (!started) {
        bar.start(total, 0, { file: '' });
        started = true;
      }
      bar.update(done, { file: file.split('/').pop() });
    },
    options,
  );
  bar?.stop();
  for (const s of summary.skipped) out.write(`skipped ${s.file}: ${s.reason}\n`);
  out.write(formatSummary(summary) + '\n');
  if (summary.databaseErrors > 0) out.write(`${summary.databaseErrors} 个文件因数据库错误未保存,请重新导入。\n`);
  return summary;
}

/** The one summary line of an ingest run. */
export function formatSummary(s: IngestSummary): string {
  return `ingested ${s.ingested}, unchanged ${s.unchanged}, skipped ${s.skipped.length}`;
}
