import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter } from '../adapters/telegram/create-telegram-adapter.js';
import { createLogger } from '../src/logger.js';
import { TelegramStandIn } from './helpers/telegram-stand-in.js';
import { FakeService } from './adapters/telegram/fake-service.js';

/** A logger writing into a string, with the process logger's redaction. */
function captured(secrets: string[] = []) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger('debug', { destination: sink, secrets }), text: () => lines.join('') };
}

const TOKEN = '123456:TEST-token';

describe('no secret in any log line', () => {
  it('redacts token fields and scrubs tokens out of messages, URLs and error stacks', () => {
    const log = captured();
    const err = new Error(`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed, reason: ECONNREFUSED`);
    log.logger.error({ err }, 'telegram polling stopped with an error');
    log.logger.error({ api: { token: TOKEN }, ctx: { api: { token: TOKEN } } }, 'webhook handler failed');
    log.logger.warn({ botToken: 'xoxb-1-2-secret', headers: { authorization: 'Bearer xoxb-1-2-secret' } }, 'slack');
    log.logger.info(`shutdown: bot${TOKEN} stopped`);
    const text = log.text();
    expect(text).toContain('telegram polling stopped');
    expect(text).toContain('ECONNREFUSED');
    expect(text).not.toContain('TEST-token');
    expect(text).not.toContain('xoxb-1-2-secret');
    expect(text).toContain('[redacted]');
  });

  it('redacts secret fields by path even when the value has no token shape and was not configured', () => {
    const log = captured();
    const opaque = 'opaque-value-no-token-shape';
    log.logger.error({ api: { token: opaque }, err: { api: { token: opaque } } }, 'grammY error');
    log.logger.warn({ signingSecret: opaque, webhookSecret: opaque, headers: { authorization: `Basic ${opaque}` } }, 'slack');
    log.logger.info({ secret_token: opaque, config: { botToken: opaque } }, 'setWebhook');
    const text = log.text();
    expect(text).toContain('setWebhook');
    expect(text).not.toContain(opaque);
    expect(text.split('[redacted]').length - 1).toBe(7);
  });

  it('scrubs configured secrets of any shape (webhook secret, signing secret)', () => {
    const log = captured(['webhook_Secret-123', 'sig"ning\\secret']);
    log.logger.warn({ note: 'x webhook_Secret-123 y', other: 'sig"ning\\secret' }, 'secret webhook_Secret-123');
    expect(log.text()).not.toContain('webhook_Secret-123');
    expect(log.text()).not.toContain('ning');
  });

  it('a real grammY bot whose API goes away logs the network error without the token', async () => {
    const standIn = await TelegramStandIn.start();
    const log = captured();
    const adapter = createTelegramAdapter({
      token: standIn.token,
      apiRoot: standIn.apiRoot,
      service: new FakeService(),
      logger: log.logger,
      pollingTimeoutSeconds: 0,
      startRetry: { firstDelayMs: 5, maxDelayMs: 20 },
    });
    await adapter.start();
    await standIn.close();
    await vi.waitFor(() => expect(log.text()).toMatch(/telegram API call failed/), { timeout: 10_000, interval: 20 });
    await adapter.stop();
    const text = log.text();
    expect(text).not.toContain('TEST-token');
  });
});
