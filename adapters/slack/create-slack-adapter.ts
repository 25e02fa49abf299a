import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, webApi } from '@slack/bolt';
import pino, { type Logger } from 'pino';
import { DEFAULT_MAX_UPLOAD_BYTES } from '../../src/domain/upload.js';
import { ConfigError } from '../../src/errors.js';
import type { DigestService, PlatformAdapter } from '../../src/service/ports.js';
import { registerActions } from './actions.js';
import type { AttachmentRenderers } from './attachments.js';
import { boltLogger } from './bolt-logger.js';
import { resolveCommandNames, type SlackCommandNames } from './command-names.js';
import { registerCommands } from './commands.js';
import { registerFileShares } from './file-shares.js';
import { SLACK_PUSH_LIMITS } from './limits.js';
import { registerMention } from './mention.js';
import type { SlackUploadSettings } from './upload.js';
import { createReplayGuard } from './replay-guard.js';
import { createSlackPublisher } from './publisher.js';
import { runAndRespond, type Handling } from './run-command.js';

/** Options of the Slack adapter; set `appToken` for Socket Mode or `signingSecret` for HTTP. */
export interface SlackAdapterOptions extends AttachmentRenderers {
  service: DigestService;
  /** Bot token (xoxb-…). */
  botToken: string;
  /** App-level token (xapp-…): Socket Mode, no public URL needed. Wins over `signingSecret` when both are set. */
  appToken?: string | null;
  /** Signing secret: HTTP mode, Slack posts to `/slack/events` on `port`. */
  signingSecret?: string | null;
  /** Web API base URL (SLACK_API_URL); default Slack's. */
  apiUrl?: string | null;
  /** HTTP port (0 = any free port; see `address()`); default 3000. */
  port?: number;
  /** HTTP listen host; default all interfaces. */
  host?: string;
  /** Slash command names (workspace-global, so they may clash with other apps). */
  commands?: Partial<SlackCommandNames>;
  logger?: Logger;
  /** Web API retry policy (429s and network errors); default a few retries within about a minute. */
  retryConfig?: webApi.RetryOptions;
  /** Per-request timeout of Web API calls in ms; default 30 s. */
  timeoutMs?: number;
  /** Member ids (SLACK_ADMIN_USERS) who may share report files and run `/digest ingest <url>`; default nobody. */
  adminUsers?: readonly string[];
  /** Largest report file accepted from Slack; default 5 MB. */
  maxUploadBytes?: number;
}

/** A running (or startable) Slack adapter. */
export interface SlackAdapter extends PlatformAdapter {
  /** `socket` or `http`, as chosen from the tokens. */
  readonly mode: 'socket' | 'http';
  /** HTTP mode after start: where the receiver listens (the bound port when `port` was 0); otherwise null. */
  address(): { host: string; port: number } | null;
  /** The Bolt app, for the composition root's extra wiring. */
  readonly app: App;
}

/** Slack's Web API root (what the client uses when SLACK_API_URL is unset). */
const DEFAULT_API_URL = 'https://slack.com/api/';

/** Default retry policy: enough to ride out a 429 or a blip, short enough not to stall a weekly push run. */
const DEFAULT_RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1_000, maxTimeout: 20_000, randomize: true };

/** Creates the Slack adapter: slash commands, buttons and mentions onto the digest service, and the push publisher. */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  if (!options.botToken) throw new ConfigError('SLACK_BOT_TOKEN', 'is required for the Slack adapter');
  if (!options.appToken && !options.signingSecret) {
    throw new ConfigError('SLACK_APP_TOKEN', 'set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)');
  }
  const log = (options.logger ?? pino({ level: 'silent' })).child({ adapter: 'slack' });
  const names = resolveCommandNames(options.commands);
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? DEFAULT_RETRY,
    timeout: options.timeoutMs ?? 30_000,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl.endsWith('/') ? options.apiUrl : `${options.apiUrl}/` } : {}),
  };
  const mode = options.appToken ? 'socket' : 'http';
  // HTTP mode builds its receiver itself so start() can listen on port 0 and report the bound address.
  const receiver =
    mode === 'http' ? new HTTPReceiver({ signingSecret: options.signingSecret!, logger, endpoints: '/slack/events' }) : null;
  if (receiver) {
    // Bolt refuses only old timestamps and answers a replay again: the guard runs before it.
    const guard = createReplayGuard({ logger: log });
    const inner = receiver.requestListener;
    receiver.requestListener = (req, res) => (guard(req, res) ? inner(req, res) : undefined);
  }
  const app = new App({
    token: options.botToken,
    logger,
    clientOptions,
    // auth.test runs in start(), so a bad token fails there and not as a stray rejection in the constructor.
    deferInitialization: true,
    ...(receiver ? { receiver } : { appToken: options.appToken!, socketMode: true }),
  });

  const h: Handling = {
    service: options.service,
    names,
    renderers: { renderChart: options.renderChart, encodeCsv: options.encodeCsv },
    log,
  };
  const uploads: SlackUploadSettings = {
    admins: new Set(options.adminUsers ?? []),
    botToken: options.botToken,
    apiUrl: clientOptions.slackApiUrl ?? DEFAULT_API_URL,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  };
  registerCommands(app, names, h, uploads);
  registerFileShares(app, h, uploads);
  registerActions(app, (command, channelId, respond) => runAndRespond(h, command, channelId, respond, app.client));
  registerMention(app, h);
  app.error(async (error) => {
    log.error({ err: error }, 'slack: handler failed');
  });

  // Pushes have exactly one retry layer, the dispatcher's: this client gives up at once (no retries, a 429
  // rejected with its Retry-After) so the pacer pauses every send to Slack instead of one job sleeping in
  // the WebClient while the others keep sending. Interactive replies keep the retrying `app.client`.
  const pushClient = new webApi.WebClient(options.botToken, {
    ...clientOptions,
    logger,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  });

  let bound: { host: string; port: number } | null = null;
  let started = false;
  return {
    mode,
    app,
    publisher: createSlackPublisher(pushClient, h.renderers, log, names),
    limits: SLACK_PUSH_LIMITS,
    address: () => bound,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the bot token (auth.test): ${(error as Error).message}`);
      }
      if (receiver) {
        const server = await receiver.start({ port: options.port ?? 3000, ...(options.host ? { host: options.host } : {}) });
        const info = server.address() as AddressInfo;
        bound = { host: info.address, port: info.port };
        log.info({ port: info.port, commands: names }, 'slack: listening for HTTP events on /slack/events');
      } else {
        await app.start();
        log.info({ commands: names }, 'slack: connected in Socket Mode');
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      bound = null;
      await app.stop();
    },
  };
}
