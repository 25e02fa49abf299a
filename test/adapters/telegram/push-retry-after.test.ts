import { afterEach, describe, expect, it } from 'vitest';
import { TemporaryDeliveryError } from '../../../src/errors.js';
import { failures } from '../../helpers/telegram-stand-in.js';
import { textMessage } from '../../helpers/telegram-updates.js';
import { FakeService, reportLike } from './fake-service.js';
import { startPair, waitForCalls, type Pair } from './harness.js';

let pair: Pair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

describe('one retry layer per push: a 429 reaches the dispatcher with its retry_after', () => {
  it('a push meeting a 4 s flood wait is not retried inside grammY: it fails at once with retryAfterMs', async () => {
    pair = await startPair(new FakeService());
    pair.standIn.failNext('sendMessage', failures.rateLimit(4));
    const err = await pair.adapter.publisher.publish('801', reportLike('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemporaryDeliveryError);
    expect((err as TemporaryDeliveryError).retryAfterMs).toBe(4000);
    // Exactly one attempt: the pacer, told about the wait, decides when to send again.
    expect(pair.standIn.callsOf('sendMessage')).toHaveLength(1);
  });

  it('an interactive reply still rides out a short flood wait (auto-retry stays for replies)', async () => {
    pair = await startPair(new FakeService());
    pair.standIn.failNext('sendMessage', failures.rateLimit(1));
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 802 }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.chat_id).toBe(802);
    expect(pair.standIn.callsOf('sendMessage')).toHaveLength(2);
  });
});
