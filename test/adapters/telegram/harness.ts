import { vi } from 'vitest';
import {
  createTelegramAdapter,
  type TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../adapters/telegram/create-telegram-adapter.js';
import type { DigestService } from '../../../src/service/ports.js';
import { TelegramStandIn, type RecordedCall } from '../../helpers/telegram-stand-in.js';

/** A stand-in Bot API plus an adapter talking to it. */
export interface Pair {
  standIn: TelegramStandIn;
  adapter: TelegramAdapter;
  close(): Promise<void>;
}

/** Starts a stand-in and an adapter (long polling unless options say webhook) wired to it. */
export async function startPair(service: DigestService, options: Partial<TelegramAdapterOptions> = {}): Promise<Pair> {
  const standIn = await TelegramStandIn.start();
  const adapter = createTelegramAdapter({ token: standIn.token, apiRoot: standIn.apiRoot, service, ...options });
  await adapter.start();
  return {
    standIn,
    adapter,
    close: async () => {
      await adapter.stop();
      await standIn.close();
    },
  };
}

/** Waits until `count` successful calls of `method` reached the stand-in and returns them. */
export async function waitForCalls(standIn: TelegramStandIn, method: string, count = 1): Promise<RecordedCall[]> {
  return vi.waitFor(
    () => {
      const calls = standIn.okCallsOf(method);
      if (calls.length < count) throw new Error(`${method}: ${calls.length}/${count} calls so far`);
      return calls;
    },
    { timeout: 10_000, interval: 10 },
  );
}

/** Waits until a condition on recorded state holds. */
export async function waitUntil(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!check()) throw new Error(`still waiting for ${what}`);
    },
    { timeout: 10_000, interval: 10 },
  );
}
