import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import { signedPost, SIGNING_SECRET, slashCommandBody } from '../adapters/slack/signed-request.js';
import { STAND_IN_BOT_TOKEN, startSlackStandIn } from '../helpers/slack-stand-in.js';
import { TelegramStandIn } from '../helpers/telegram-stand-in.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('createApp while the Telegram Bot API is unreachable (issue 14 #15)', () => {
  it('start() returns, Telegram keeps logging its retries, and Slack answers meanwhile', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    t.db.$client.close();
    const telegram = await TelegramStandIn.start();
    const deadRoot = telegram.apiRoot;
    await telegram.close();
    const slack = await startSlackStandIn();
    cleanups.push(() => slack.close());
    const port = await freePort();
    const lines: { msg: string }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const config = loadConfig(
      {
        DIGEST_DB: t.path,
        DIGEST_SEEDS: SEEDS_DIR,
        TELEGRAM_BOT_TOKEN: '123456:TEST-unreachable',
        TELEGRAM_API_ROOT: deadRoot,
        SLACK_BOT_TOKEN: STAND_IN_BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      t.dir,
    );
    const app: App = createApp(config, { logger: pino({ level: 'info' }, sink) });
    cleanups.push(() => app.stop());
    const retries = () => lines.filter((l) => l.msg.includes('unreachable at start')).length;
    const twoRetries = new Promise<'still retrying'>((resolve) => {
      const timer = setInterval(() => {
        if (retries() >= 2) {
          clearInterval(timer);
          resolve('still retrying');
        }
      }, 10);
      cleanups.push(() => clearInterval(timer));
    });
    // Awaiting Telegram's start would hold start() for as long as the API is away (retries go on meanwhile).
    const first = await Promise.race([app.start().then(() => 'started' as const), twoRetries]);
    expect(first).toBe('started');

    const res = await signedPost(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandBody('/report', '资阳 2022', slack.responseUrl('served')),
    );
    await res.text();
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses('served').length >= 1);
    await twoRetries;
    expect(lines.some((l) => l.msg.includes('long polling started'))).toBe(false);
  }, 60_000);
});
