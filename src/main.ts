import { createConsoleAdapter } from '../adapters/console/create-console-adapter.js';
import { formatSummary } from './cli/ingest-command.js';
import { loadConfig } from './config.js';
import { openDb } from './db/open.js';
import { ingestPaths } from './ingest/ingest-batch.js';
import { createLogger } from './logger.js';
import { createDigestService } from './service/create-digest-service.js';

/** Composition root: config → db → seed ingest → service → adapters → scheduler. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const dbArg = process.argv.indexOf('--db');
  const db = openDb(dbArg > 0 && process.argv[dbArg + 1] ? process.argv[dbArg + 1]! : config.dbPath);

  // New or changed seed files are ingested before serving; unchanged ones cost a stat each.
  const summary = await ingestPaths(db, [config.seedsDir]);
  log.info({ ...summary, timings: undefined }, formatSummary(summary));
  for (const s of summary.skipped) log.warn({ file: s.file }, `skipped: ${s.reason}`);

  const service = createDigestService({ db, logger: log });
  const stops: (() => Promise<void>)[] = [];

  if (!config.telegram && !config.slack) {
    const consoleChat = createConsoleAdapter({ service });
    await consoleChat.start();
    stops.push(() => consoleChat.stop());
    await consoleChat.done;
    await shutdown();
    return;
  }

  async function shutdown(): Promise<void> {
    for (const stop of stops.reverse()) await stop().catch((err) => log.error({ err }, 'stop failed'));
    db.$client.close();
  }
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`启动失败: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
