import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/telegram/create-telegram-adapter.js';
import { TelegramStandIn } from '../../helpers/telegram-stand-in.js';
import { FakeService } from './fake-service.js';

describe('telegram start-up while the Bot API is unreachable', () => {
  it('logs each failed attempt, backs off, and gives up cleanly on stop', async () => {
    const standIn = await TelegramStandIn.start();
    const deadRoot = standIn.apiRoot;
    await standIn.close();
    const lines: { msg: string; retryInMs?: number }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const adapter = createTelegramAdapter({
      token: standIn.token,
      apiRoot: deadRoot,
      service: new FakeService(),
      logger: pino({ level: 'info' }, sink),
      startRetry: { firstDelayMs: 5, maxDelayMs: 20 },
    });
    let settled = false;
    const started = adapter.start().then(() => (settled = true));
    const retries = () => lines.filter((l) => l.msg.includes('unreachable at start'));
    await vi.waitFor(() => expect(retries().length).toBeGreaterThanOrEqual(4), { timeout: 10_000, interval: 10 });
    expect(settled).toBe(false);
    // Doubling waits, capped.
    expect(
      retries()
        .map((l) => l.retryInMs)
        .slice(0, 4),
    ).toEqual([5, 10, 20, 20]);
    await adapter.stop();
    await started;
    expect(settled).toBe(true);
  });

  it('a rejected token (401) fails at once instead of retrying', async () => {
    const standIn = await TelegramStandIn.start();
    const adapter = createTelegramAdapter({
      token: '999999:WRONG-token',
      apiRoot: standIn.apiRoot,
      service: new FakeService(),
      startRetry: { firstDelayMs: 5, maxDelayMs: 20 },
    });
    await expect(adapter.start()).rejects.toThrow(/401|Unauthorized/);
    await adapter.stop();
    await standIn.close();
  });
});
