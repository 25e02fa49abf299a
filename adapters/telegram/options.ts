import type { Logger } from 'pino';
import type { DigestService } from '../../src/service/ports.js';
import type { ChartRenderer, CsvEncoder } from './send-reply.js';
import type { UpdateInbox } from './update-inbox.js';

/** Options of `createTelegramAdapter` (the composition root fills them from `src/config.ts`). */
export interface TelegramAdapterOptions {
  /** Bot token from BotFather. */
  token: string;
  service: DigestService;
  /** Bot API root (TELEGRAM_API_ROOT); default https://api.telegram.org. */
  apiRoot?: string;
  /** Public HTTPS URL Telegram posts updates to; when set, webhook mode replaces long polling. */
  webhookUrl?: string | null;
  /** Secret Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`; random per start when not given. */
  webhookSecret?: string | null;
  /** Port the webhook listener binds (PORT); default 3000, 0 = any free port. */
  port?: number;
  /** Interface the webhook listener binds; default all. */
  host?: string;
  /** Numeric Telegram user ids allowed to upload report files. */
  adminIds?: readonly (string | number)[];
  /** Upload size limit in bytes; default 5 MB. */
  maxUploadBytes?: number;
  /** Flood-control retries (@grammyjs/auto-retry); defaults 3 attempts, 60 s longest wait. */
  retry?: { maxRetryAttempts?: number; maxDelaySeconds?: number };
  /** Long-polling timeout in seconds for getUpdates; default 30. */
  pollingTimeoutSeconds?: number;
  /** Hook for the chart renderer (another module): when given, `reply.chart` is sent as a photo. */
  renderChart?: ChartRenderer;
  /** Hook for the CSV encoder: when given, `reply.csv` is sent as a document. */
  encodeCsv?: CsvEncoder;
  logger?: Logger;
  /** Where handled update_ids (and webhook updates before their 200) are kept; default in memory only. */
  inbox?: UpdateInbox;
  /** Backoff while the Bot API is unreachable at start; defaults 1 s doubling to 60 s. */
  startRetry?: { firstDelayMs?: number; maxDelayMs?: number };
}
