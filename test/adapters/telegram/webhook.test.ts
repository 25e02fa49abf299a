import { afterEach, describe, expect, it } from 'vitest';
import { textMessage } from '../../helpers/telegram-updates.js';
import { FakeService } from './fake-service.js';
import { startPair, waitForCalls, type Pair } from './harness.js';

let pair: Pair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

const SECRET = 'webhook_Secret-123';

async function post(path: string, body: unknown, secret?: string): Promise<number> {
  const port = pair!.adapter.webhookAddress()!.port;
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'X-Telegram-Bot-Api-Secret-Token': secret } : {}) },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

describe('telegram adapter in webhook mode', () => {
  const start = (service: FakeService) =>
    startPair(service, { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: SECRET, port: 0, host: '127.0.0.1' });

  it('sets the webhook with the secret token and does not poll', async () => {
    pair = await start(new FakeService());
    const [set] = pair.standIn.okCallsOf('setWebhook');
    expect(set!.payload).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: SECRET });
    expect(pair.standIn.callsOf('getUpdates')).toHaveLength(0);
    expect(pair.standIn.okCallsOf('setMyCommands')).toHaveLength(2);
  });

  it('refuses a POST with a wrong or missing secret header and never runs it', async () => {
    const service = new FakeService();
    pair = await start(service);
    const update = { update_id: 1, ...textMessage('/report 资阳 2022', { chatId: 901 }) };
    expect(await post('/tg/hook', update, 'wrong')).toBe(401);
    expect(await post('/tg/hook', update)).toBe(401);
    expect(await post('/other', update, SECRET)).toBe(404);
    expect(service.handled).toHaveLength(0);
  });

  it('processes a POST with the right secret, answering 200 before the slow work is done', async () => {
    const service = new FakeService();
    pair = await start(service);
    const release = pair.standIn.hold('sendMessage');
    const update = { update_id: 2, ...textMessage('/report 资阳 2022', { chatId: 902 }) };
    expect(await post('/tg/hook', update, SECRET)).toBe(200);
    // The answer to Telegram went out while sendMessage is still held by the stand-in.
    expect(pair.standIn.okCallsOf('sendMessage')).toHaveLength(0);
    release();
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.text).toContain('资阳市');
    expect(service.handled[0]!.chat).toEqual({ platform: 'telegram', chatId: '902', direct: true });
  });
});

describe('telegram webhook with hostile bodies', () => {
  const start = (service: FakeService) =>
    startPair(service, { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: SECRET, port: 0, host: '127.0.0.1' });

  const raw = async (body: string): Promise<number> => {
    const port = pair!.adapter.webhookAddress()!.port;
    const res = await fetch(`http://127.0.0.1:${port}/tg/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body,
    });
    await res.text();
    return res.status;
  };

  it('answers 400 to null, arrays, strings and objects without update_id, and keeps serving', async () => {
    const service = new FakeService();
    pair = await start(service);
    for (const body of ['null', '[]', '"x"', '42', '{}', '{"update_id":"1"}', '{"update_id":-1}', 'not json']) {
      expect(await raw(body), body).toBe(400);
    }
    // The process is alive and still handles a real update.
    const update = { update_id: 5, ...textMessage('/report 资阳 2022', { chatId: 905 }) };
    expect(await post('/tg/hook', update, SECRET)).toBe(200);
    await waitForCalls(pair.standIn, 'sendMessage');
    expect(service.handled).toHaveLength(1);
  });

  it('answers 413 to a 3 MB body instead of resetting the connection', async () => {
    const service = new FakeService();
    pair = await start(service);
    const big = JSON.stringify({ update_id: 6, filler: 'x'.repeat(3 * 1024 * 1024) });
    expect(await raw(big)).toBe(413);
    expect(service.handled).toHaveLength(0);
  });
});
