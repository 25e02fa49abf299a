import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';

/** Header Telegram sends with the secret given to setWebhook. */
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Largest update body accepted (Telegram updates are a few KB). */
const MAX_BODY_BYTES = 1024 * 1024;

/** Options of the webhook listener. */
export interface WebhookServerOptions {
  /** URL path Telegram posts to (the path of the configured webhook URL). */
  path: string;
  secret: string;
  port: number;
  host?: string;
  logger: Logger;
  /**
   * Stores the update durably before it is acknowledged (false: its update_id is known already); a throw
   * answers 500, so Telegram sends it again.
   */
  accept: (update: Update) => boolean;
  /** Called after an update was accepted and acknowledged: process the stored updates. */
  onAccepted: () => void;
}

/** A running webhook listener. */
export interface WebhookServer {
  server: Server;
  /** Stops listening. */
  close(): Promise<void>;
}

/**
 * Listens for webhook POSTs: wrong path → 404, wrong secret header → 401, a body that is no update (`null`,
 * bad JSON) → 400, over 1 MB → 413. A good update is stored durably (SQLite) and only then answered 200; it
 * is processed afterwards. Why: Telegram resends an update whose request is slow, so slow work (uploads, long
 * replies with rate limits) must not hold the answer; and an update answered 200 must survive a `kill -9`.
 */
export async function startWebhookServer(opts: WebhookServerOptions): Promise<WebhookServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (!secretMatches(req.headers[SECRET_HEADER], opts.secret)) {
      opts.logger.warn({ ip: req.socket.remoteAddress }, 'telegram webhook: wrong secret token');
      res.writeHead(401).end('unauthorized');
      return;
    }
    readBody(req)
      .then((body) => {
        if (body === null) {
          res.writeHead(413, { connection: 'close' }).end('payload too large');
          return;
        }
        const update = parseUpdate(body);
        if (!update) {
          res.writeHead(400).end('not an update');
          return;
        }
        let fresh: boolean;
        try {
          fresh = opts.accept(update);
        } catch (err) {
          opts.logger.error({ err, updateId: update.update_id }, 'telegram webhook: storing the update failed');
          res.writeHead(500).end('try again');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        if (fresh) opts.onAccepted();
        else opts.logger.info({ updateId: update.update_id }, 'telegram webhook: repeated update_id ignored');
      })
      .catch((err: unknown) => {
        opts.logger.warn({ err }, 'telegram webhook: reading the request failed');
        if (!res.headersSent) res.writeHead(400).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The update in a JSON body, or null when the body is no object with an integer `update_id`. */
function parseUpdate(body: string): Update | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const id = (value as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? (value as Update) : null;
}

/**
 * The body as text, or null when it is larger than MAX_BODY_BYTES. An oversized body is drained (not kept)
 * rather than the socket destroyed: the client then reads a 413 instead of a connection reset.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
