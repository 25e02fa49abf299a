import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';

/** Header Telegram sends with the secret given to setWebhook. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

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
  onUpdate: (update: Update) => Promise<void>;
}

/** A running webhook listener. */
export interface WebhookServer {
  server: Server;
  /** Stops listening and waits for queued updates to finish. */
  close(): Promise<void>;
}

/**
 * Listens for webhook POSTs: wrong path → 404, wrong secret header → 401, bad JSON → 400; a good update is
 * answered 200 at once and processed afterwards, one at a time in arrival order. Why: Telegram resends an
 * update whose request is slow, so slow work (uploads, long replies with rate limits) must not hold it.
 */
export async function startWebhookServer(opts: WebhookServerOptions): Promise<WebhookServer> {
  let queue: Promise<void> = Promise.resolve();
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
        let update: Update;
        try {
          update = JSON.parse(body) as Update;
        } catch {
          res.writeHead(400).end('bad json');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        queue = queue
          .then(() => opts.onUpdate(update))
          .catch((err: unknown) => opts.logger.error({ err, updateId: update.update_id }, 'telegram webhook update failed'));
      })
      .catch(() => res.writeHead(413).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    server,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue;
    },
  };
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined) return false;
  const a = Buffer.from(value);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}
