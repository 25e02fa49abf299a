import { createConsoleAdapter } from '../adapters/console/create-console-adapter.js';
import { createSlackAdapter } from '../adapters/slack/create-slack-adapter.js';
import { createTelegramAdapter } from '../adapters/telegram/create-telegram-adapter.js';
import { createSqliteInbox } from '../adapters/telegram/update-inbox.js';
import { toCsv } from './charts/csv.js';
import { renderChartPng } from './charts/render-png.js';
import { saveReplyFiles } from './charts/save-chart.js';
import { formatSummary } from './cli/ingest-command.js';
import { loadConfig } from './config.js';
import { openDb } from './db/open.js';
import { ingestPaths } from './ingest/ingest-batch.js';
import { createLogger } from './logger.js';
import { createScheduler } from './scheduler/create-scheduler.js';
import { describeSchedule } from './scheduler/describe-schedule.js';
import { createDigestService } from './service/create-digest-service.js';
import type { Publisher } from './service/ports.js';

/** Something `main` starts and must stop on shutdown. */
interface Running {
  stop(): Promise<void>;
}

/** Composition root: config → db → seed ingest → service → adapters → scheduler. */
async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = [
    config.telegram?.token,
    config.telegram?.webhookSecret,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
  ].filter((s): s is string => !!s);
  const log = createLogger(config.logLevel, { secrets });
  const dbArg = process.argv.indexOf('--db');
  const db = openDb(dbArg > 0 && process.argv[dbArg + 1] ? process.argv[dbArg + 1]! : config.dbPath);

  // New or changed seed files are ingested before serving; unchanged ones cost a stat each.
  const summary = await ingestPaths(db, [config.seedsDir]);
  log.info({ ingested: summary.ingested, unchanged: summary.unchanged, skipped: summary.skipped.length }, formatSummary(summary));
  for (const s of summary.skipped) log.warn({ file: s.file }, `skipped: ${s.reason}`);

  const service = createDigestService({
    db,
    logger: log,
    scheduleText: describeSchedule(config.cron, config.timezone),
    fetch: { allow: config.fetchAllow },
  });
  const running: Running[] = [];
  const publishers: Publisher[] = [];
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    for (const r of running.reverse()) await r.stop().catch((err) => log.error({ err }, 'stop failed'));
    db.$client.close();
  };

  const consoleChat =
    !config.telegram && !config.slack
      ? createConsoleAdapter({ service, saveFiles: (r) => saveReplyFiles(r, { dir: config.chartsDir }) })
      : null;
  if (consoleChat) publishers.push(consoleChat.publisher);

  if (config.telegram) {
    const telegram = createTelegramAdapter({
      ...config.telegram,
      service,
      renderChart: renderChartPng,
      encodeCsv: toCsv,
      logger: log.child({ adapter: 'telegram' }),
      inbox: createSqliteInbox(db),
    });
    // Not awaited: while the Bot API is unreachable the adapter logs and backs off, and Slack, the console
    // and the scheduler must serve meanwhile.
    void telegram.start().catch((err) => log.error({ err }, 'telegram start failed'));
    running.push(telegram);
    publishers.push(telegram.publisher);
  }

  if (config.slack) {
    const slack = createSlackAdapter({
      ...config.slack,
      service,
      renderChart: renderChartPng,
      encodeCsv: toCsv,
      logger: log.child({ adapter: 'slack' }),
    });
    await slack.start();
    running.push(slack);
    publishers.push(slack.publisher);
  }

  // The scheduler runs beside the adapters; start-up catch-up of a missed slot may take a while, so it is
  // not awaited before serving.
  const scheduler = createScheduler({
    db,
    store: service.store,
    subscriptions: service.subscriptions,
    publishers,
    cron: config.cron,
    timezone: config.timezone,
    emptyDigest: config.emptyDigest,
    logger: log.child({ module: 'scheduler' }),
  });
  running.push(scheduler);
  void scheduler.start().catch((err) => log.error({ err }, 'scheduler start failed'));

  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(0)));

  if (consoleChat) {
    await consoleChat.start();
    running.push(consoleChat);
    await consoleChat.done;
    await shutdown();
  }
}

main().catch((error) => {
  process.stderr.write(`启动失败: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
