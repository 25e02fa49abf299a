import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot } from 'grammy';
import pino from 'pino';
import type { Publisher } from '../../src/service/ports.js';
import { registerCommandMenu } from './commands-menu.js';
import { registerHandlers, type HandlerDeps } from './handlers.js';
import { CallbackStore } from './keyboard.js';
import type { TelegramAdapterOptions } from './options.js';
import { createTelegramPublisher } from './publisher.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './upload.js';
import { startWebhookServer, type WebhookServer } from './webhook-server.js';

export type { TelegramAdapterOptions } from './options.js';

/** A running (or ready to run) Telegram adapter. */
export interface TelegramAdapter {
  /** Polling: resolves once getUpdates runs. Webhook: resolves once setWebhook is done and the port listens. */
  start(): Promise<void>;
  /** Stops polling or the webhook listener and waits for in-flight updates. */
  stop(): Promise<void>;
  publisher: Publisher;
  /** The grammY bot (for diagnostics and tests). */
  bot: Bot;
  /** Address of the webhook listener once started in webhook mode, else null. */
  webhookAddress(): AddressInfo | null;
}

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Builds the grammY bot that maps chat commands onto the digest service and renders its replies. */
export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const logger = options.logger ?? pino({ level: 'silent' });
  const apiRoot = (options.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const bot = new Bot(options.token, { client: { apiRoot } });
  bot.api.config.use(
    autoRetry({
      maxRetryAttempts: options.retry?.maxRetryAttempts ?? 3,
      maxDelaySeconds: options.retry?.maxDelaySeconds ?? 60,
      // Network errors must surface (TemporaryDeliveryError for pushes) instead of being retried forever.
      rethrowHttpErrors: true,
    }),
  );
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
  registerHandlers(bot, deps);
  // Without a catch handler grammY stops polling on the first failing update.
  bot.catch((err) => logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'telegram update failed'));

  let polling: Promise<void> | null = null;
  let webhook: WebhookServer | null = null;

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

  const startWebhook = async (url: string) => {
    const secret = options.webhookSecret || randomBytes(24).toString('base64url');
    webhook = await startWebhookServer({
      path: new URL(url).pathname,
      secret,
      port: options.port ?? 3000,
      ...(options.host ? { host: options.host } : {}),
      logger,
      onUpdate: (update) => bot.handleUpdate(update),
    });
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    logger.info({ url }, 'telegram webhook set');
  };

  return {
    bot,
    publisher: createTelegramPublisher(deps),
    webhookAddress: () => (webhook ? (webhook.server.address() as AddressInfo) : null),
    async start() {
      await bot.init();
      await registerMenu();
      if (options.webhookUrl) await startWebhook(options.webhookUrl);
      else await startPolling();
    },
    async stop() {
      if (webhook) {
        await webhook.close();
        webhook = null;
      }
      if (polling) {
        // stop() confirms the last update offset with one more getUpdates; if the API is unreachable, the
        // updates are simply fetched again next time, so that failure must not fail shutdown.
        await bot.stop().catch((err: unknown) => logger.warn({ err }, 'telegram: confirming the update offset failed'));
        await polling.catch(() => undefined);
        polling = null;
      }
    },
  };
}
