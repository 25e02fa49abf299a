import type { Logger } from 'pino';
import { createConsoleAdapter } from '../../adapters/console/create-console-adapter.js';
import { createSlackAdapter } from '../../adapters/slack/create-slack-adapter.js';
import { createTelegramAdapter } from '../../adapters/telegram/create-telegram-adapter.js';
import { createSqliteInbox } from '../db/update-inbox.js';
import { toCsv } from '../charts/csv.js';
import { renderChartPng } from '../charts/render-png.js';
import { saveReplyFiles } from '../charts/save-chart.js';
import { formatSummary } from '../cli/ingest-command.js';
import type { Config } from '../config.js';
import { closeDb, openDb, type DigestDb } from '../db/open.js';
import { ingestPaths } from '../ingest/ingest-batch.js';
import { reextractStale } from '../ingest/reextract.js';
import { createLogger } from '../logger.js';
import { createScheduler, type Scheduler } from '../scheduler/create-scheduler.js';
import type { Clock } from '../scheduler/clock.js';
import { describeSchedule } from '../scheduler/describe-schedule.js';
import { createDigestService } from '../service/create-digest-service.js';
import type { PlatformAdapter } from '../service/ports.js';

/** Something the app starts and must stop on shutdown. */
interface Running {
  stop(): Promise<void>;
}

/** The wired application: database, service, adapters and scheduler, started and stopped as one. */
export interface App {
  readonly db: DigestDb;
  readonly service: ReturnType<typeof createDigestService>;
  readonly scheduler: Scheduler;
  readonly logger: Logger;
  /** Ingests the seeds, then starts the adapters and the scheduler; on a failure stops what had started and throws. */
  start(): Promise<void>;
  /** Stops adapters and scheduler (newest first) and closes SQLite; safe to call twice. */
  stop(): Promise<void>;
  /** Resolves when the console chat's input ends (never, when no console chat runs). */
  readonly done: Promise<void>;
}

/** Options beyond the configuration (tests, the CLI). */
export interface AppOptions {
  /** SQLite file instead of `config.dbPath` (`--db`). */
  dbPath?: string;
  logger?: Logger;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** An open database instead of opening `dbPath` (tests); the app then leaves it open on stop. */
  db?: DigestDb;
  /** Only the console chat, whatever is configured: `digest push` delivers console chats and leaves the platforms to the server. */
  consoleOnly?: boolean;
  /** The scheduler's clock (`digest push --now`). */
  clock?: Clock;
}

/** Composition root: config → db → seed ingest → service → adapters → scheduler. Used by `npm start` and the CLI. */
export function createApp(config: Config, options: AppOptions = {}): App {
  // Every configured secret is scrubbed from every log line (tokens also appear inside error URLs).
  const secrets = [
    config.telegram?.token,
    config.telegram?.webhookSecret,
    config.slack?.botToken,
    config.slack?.appToken,
    config.slack?.signingSecret,
  ].filter((s): s is string => !!s);
  const log = options.logger ?? createLogger(config.logLevel, { secrets });
  const owned = !options.db;
  const db = options.db ?? openDb(options.dbPath ?? config.dbPath);
  const close = () => {
    if (owned) closeDb(db);
  };
  try {
    return wire(config, options, log, db, close);
  } catch (error) {
    close();
    throw error;
  }
}

function wire(config: Config, options: AppOptions, log: Logger, db: DigestDb, close: () => void): App {
  const service = createDigestService({
    db,
    logger: log,
    scheduleText: describeSchedule(config.cron, config.timezone),
    cron: config.cron,
    timezone: config.timezone,
    fetch: { allow: config.fetchAllow },
  });
  const running: Running[] = [];

  const consoleChat =
    options.consoleOnly || (!config.telegram && !config.slack)
      ? createConsoleAdapter({
          service,
          ...(options.input ? { input: options.input } : {}),
          ...(options.output ? { output: options.output } : {}),
          saveFiles: (r) => saveReplyFiles(r, { dir: config.chartsDir }),
        })
      : null;
  const telegram =
    !options.consoleOnly && config.telegram
      ? createTelegramAdapter({
          ...config.telegram,
          service,
          renderChart: renderChartPng,
          encodeCsv: toCsv,
          logger: log.child({ adapter: 'telegram' }),
          inbox: createSqliteInbox(db),
        })
      : null;
  const slack =
    !options.consoleOnly && config.slack
      ? createSlackAdapter({
          ...config.slack,
          service,
          renderChart: renderChartPng,
          encodeCsv: toCsv,
          logger: log.child({ adapter: 'slack' }),
        })
      : null;
  const adapters: PlatformAdapter[] = [consoleChat, telegram, slack].filter((a): a is NonNullable<typeof a> => a !== null);
  // Each adapter pushes through its publisher at its platform's own limits.
  const publishers = adapters.map((a) => a.publisher);
  const limits = Object.fromEntries(adapters.map((a) => [a.publisher.platform, a.limits]));

  const scheduler = createScheduler({
    db,
    ...(options.clock ? { clock: options.clock } : {}),
    store: service.reads,
    subscriptions: service.subscriptions,
    publishers,
    dispatch: { limits },
    cron: config.cron,
    timezone: config.timezone,
    emptyDigest: config.emptyDigest,
    logger: log.child({ module: 'scheduler' }),
    // A console session is interactive and short: catching up a missed weekly slot there would announce
    // digests for chats this process cannot reach.
    catchUp: !consoleChat,
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const r of running.reverse()) await r.stop().catch((err: unknown) => log.error({ err }, 'stop failed'));
    close();
  };

  return {
    db,
    service,
    scheduler,
    logger: log,
    get done() {
      return consoleChat ? consoleChat.done : new Promise<void>(() => undefined);
    },
    async start() {
      try {
        // Reports stored by an older extractor are re-extracted first, so none keeps facts the old code got wrong.
        const redone = await reextractStale(db);
        if (redone.reextracted > 0)
          log.info(
            { reextracted: redone.reextracted },
            `re-extracted ${redone.reextracted} reports with extractor v${redone.version}`,
          );
        for (const k of redone.kept) log.warn({ file: k.source }, `kept old extraction: ${k.reason}`);
        // New or changed seed files are ingested before serving; unchanged ones cost a stat each.
        const summary = await ingestPaths(db, [config.seedsDir]);
        log.info(
          { ingested: summary.ingested, unchanged: summary.unchanged, skipped: summary.skipped.length },
          formatSummary(summary),
        );
        for (const s of summary.skipped) log.warn({ file: s.file }, `skipped: ${s.reason}`);
        if (telegram) {
          // Not awaited: while the Bot API is unreachable the adapter logs and backs off, and Slack, the console
          // and the scheduler must serve meanwhile.
          running.push(telegram);
          void telegram.start().catch((err: unknown) => log.error({ err }, 'telegram start failed'));
        }
        if (slack) {
          await slack.start();
          running.push(slack);
        }
        // The scheduler runs beside the adapters; a catch-up may take a while, so it is not awaited.
        running.push(scheduler);
        void scheduler.start().catch((err: unknown) => log.error({ err }, 'scheduler start failed'));
        if (consoleChat) {
          await consoleChat.start();
          running.push(consoleChat);
        }
      } catch (error) {
        await stop();
        throw error;
      }
    },
    stop,
  };
}
