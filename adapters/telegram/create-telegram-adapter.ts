import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, GrammyError, HttpError, type Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import pino, { type Logger } from 'pino';
import type { PlatformAdapter } from '../../src/service/ports.js';
import { registerCommandMenu } from './commands-menu.js';
import { registerHandlers, type HandlerDeps } from './handlers.js';
import { CallbackStore } from './keyboard.js';
import { TELEGRAM_LIMITS } from './limits.js';
import type { TelegramAdapterOptions } from './options.js';
import { createTelegramPublisher } from './publisher.js';
import { startWithBackoff } from './start-backoff.js';
import { createMemoryInbox } from './update-inbox.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../src/domain/upload.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

export type { TelegramAdapterOptions } from './options.js';

/** A running (or ready to run) Telegram adapter. */
export interface TelegramAdapter extends PlatformAdapter {
  /**
   * Polling: resolves once getUpdates runs. Webhook: resolves once setWebhook is done and the port listens.
   * While the Bot API is unreachable it logs and retries with backoff; resolves early when stop() is called.
   */
  start(): Promise<void>;
  /** Stops polling or the webhook listener and waits for in-flight updates. */
  stop(): Promise<void>;
  /** The grammY bot (for diagnostics and tests). */
  bot: Bot;
  /** Address of the webhook listener once started in webhook mode, else null. */
  webhookAddress(): AddressInfo | null;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Logs network failures of Bot API calls (grammY's polling loop retries them silently otherwise). */
function logNetworkFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      if (err instanceof HttpError) logger.warn({ err, method }, 'telegram API call failed');
      throw err;
    }
  };
}

/** Builds the grammY bot that maps chat commands onto the digest service and renders its replies. */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const logger = options.logger ?? pino({ level: 'silent' });
  const apiRoot = (options.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const inbox = options.inbox ?? createMemoryInbox();
  const bot = new Bot(options.token, { client: { apiRoot } });
  bot.api.config.use(logNetworkFailures(logger));
  // Interactive replies ride out flood control here; pushes use `pushApi` below, without this layer.
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: options.retry?.maxRetryAttempts ?? 3,
      maxDelaySeconds: options.retry?.maxDelaySeconds ?? 60,
      // Network errors must surface instead of being retried forever.
      rethrowHttpErrors: true,
    }),
  );
  // Pushes have exactly one retry layer, the dispatcher's: a 429 surfaces with its retry_after so the pacer
  // pauses every send to the platform, instead of auto-retry waiting in one job while others keep sending.
  const pushApi = new Api(options.token, { apiRoot });
  pushApi.config.use(logNetworkFailures(logger));
  const deps: HandlerDeps = {
    api: bot.api,
    service: options.service,
    callbacks: new CallbackStore(),
    logger,
    adminIds: new Set((options.adminIds ?? []).map(String)),
    token: options.token,
    apiRoot,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    ...(options.renderChart ? { renderChart: options.renderChart } : {}),
    ...(options.encodeCsv ? { encodeCsv: options.encodeCsv } : {}),
  };
  // First in the chain: an update handled before (a redelivery after a crash, a repeated webhook POST) is
  // skipped; one that ran is recorded even when its handler failed, so a poison update is not retried forever.
  bot.use(async (ctx, next) => {
    const id = ctx.update.update_id;
    if (inbox.isHandled(id)) {
      logger.info({ updateId: id }, 'telegram: update already handled, skipped');
      return;
    }
    try {
      await next();
    } finally {
      inbox.markHandled(id);
    }
  });
  registerHandlers(bot, deps);
  // Without a catch handler grammY stops polling on the first failing update.
  bot.catch((err) => logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'telegram update failed'));

  let polling: Promise<void> | null = null;
  let webhook: WebhookServer | null = null;
  let stopping = false;
  const abort = new AbortController();
  // grammY types its signal with the abort-controller package; the runtime object is the same.
  const grammySignal = abort.signal as unknown as Parameters<Bot['init']>[0];

  const registerMenu = async () => {
    try {
      await registerCommandMenu(bot.api);
    } catch (err) {
      logger.warn({ err }, 'setMyCommands failed; the bot works without a menu');
    }
  };

  const startPolling = () =>
    new Promise<void>((resolve, reject) => {
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          timeout: options.pollingTimeoutSeconds ?? 30,
          onStart: (me) => {
            logger.info({ username: me.username }, 'telegram long polling started');
            resolve();
          },
        })
        .catch((err: unknown) => {
          logger.error({ err }, 'telegram polling stopped with an error');
          reject(err);
        });
    });

  // Stored updates are handled one at a time in update_id order, also those a crash left behind.
  let draining: Promise<void> = Promise.resolve();
  const drain = (): Promise<void> => {
    draining = draining.then(async () => {
      for (;;) {
        const batch = inbox.pending(50);
        if (!batch.length || stopping) return;
        for (const update of batch) {
          await bot.handleUpdate(update as Update).catch((err: unknown) => {
            logger.error({ err, updateId: update.update_id }, 'telegram webhook update failed');
          });
          if (!inbox.isHandled(update.update_id)) inbox.markHandled(update.update_id);
        }
      }
    });
    return draining;
  };

  const startWebhook = async (url: string) => {
    const secret = options.webhookSecret || randomBytes(24).toString('base64url');
    webhook = await startWebhookServer({
      path: new URL(url).pathname,
      secret,
      port: options.port ?? 3000,
      ...(options.host ? { host: options.host } : {}),
      logger,
      accept: (update) => inbox.enqueue(update),
      onAccepted: () => void drain(),
    });
    void drain();
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ url }, 'telegram webhook set');
  };

  const isUnreachable = (err: unknown) => err instanceof HttpError || (err instanceof GrammyError && err.error_code >= 500);

  return {
    bot,
    publisher: createTelegramPublisher({ ...deps, api: pushApi }),
    limits: TELEGRAM_LIMITS,
    webhookAddress: () => (webhook ? (webhook.server.address() as AddressInfo) : null),
    async start() {
      // getMe first, under our backoff: bot.init() alone retries an unreachable API forever without a word.
      const ready = await startWithBackoff(() => bot.api.getMe(grammySignal), {
        logger,
        what: 'telegram API',
        retryIf: isUnreachable,
        signal: abort.signal,
        ...(options.startRetry ?? {}),
      });
      if (!ready || stopping) return;
      await bot.init(grammySignal);
      await registerMenu();
      if (options.webhookUrl) await startWebhook(options.webhookUrl);
      else await startPolling();
    },
    async stop() {
      stopping = true;
      abort.abort();
      if (webhook) {
        await webhook.close();
        webhook = null;
      }
      await draining;
      if (polling) {
        // stop() confirms the last update offset with one more getUpdates; if the API is unreachable, the
        // updates are simply fetched again next time (and skipped as handled), so that must not fail shutdown.
        await bot.stop().catch((err: unknown) => logger.warn({ err }, 'telegram: confirming the update offset failed'));
        await polling.catch(() => undefined);
        polling = null;
      }
    },
  };
}
