import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteInbox } from '../../../src/db/update-inbox.js';
import { openDb } from '../../../src/db/open.js';
import { tempDb } from '../../helpers/temp-db.js';
import { postUpdate } from '../../helpers/webhook-post.js';
import { textMessage, type UpdateBody } from '../../helpers/telegram-updates.js';
import { FakeService } from './fake-service.js';
import { startPair, waitForCalls, waitUntil, type Pair } from './harness.js';

const pairs: Pair[] = [];
const dbs: ReturnType<typeof tempDb>[] = [];
afterEach(async () => {
  for (const p of pairs.splice(0)) await p.close();
  for (const d of dbs.splice(0)) d.cleanup();
});

const SECRET = 'inbox_Secret-123';
const bodies = (n: number, chatId: number): UpdateBody[] =>
  Array.from({ length: n }, (_, i) => textMessage(`/report 资阳 ${2000 + i}`, { chatId }));

describe('telegram update_id persistence (fault suite)', () => {
  it('polling restart after a crash: the redelivered updates are not answered again, new ones are', async () => {
    const t = tempDb();
    dbs.push(t);
    const first = new FakeService();
    const a = await startPair(first, { inbox: createSqliteInbox(t.db) });
    pairs.push(a);
    const updates = bodies(30, 301);
    for (const u of updates) a.standIn.push(u);
    await waitForCalls(a.standIn, 'sendMessage', 30);
    expect(first.handled).toHaveLength(30);

    // kill -9 before the offset was confirmed: Telegram hands the same updates (same update_ids) to the next
    // process. A fresh stand-in replays them, plus two new ones, to a new adapter on the same database file.
    const again = new FakeService();
    const b = await startPair(again, { inbox: createSqliteInbox(openDb(t.path)) });
    pairs.push(b);
    for (const u of updates) b.standIn.push(u);
    b.standIn.push(textMessage('/report 资阳 2099', { chatId: 301 }));
    b.standIn.push(textMessage('/report 资阳 2098', { chatId: 301 }));
    await waitForCalls(b.standIn, 'sendMessage', 2);
    expect(again.handled.map((h) => h.line)).toEqual(['/report 资阳 2099', '/report 资阳 2098']);
  });

  it('the same update_id twice in one run is answered once', async () => {
    const t = tempDb();
    dbs.push(t);
    const service = new FakeService();
    const pair = await startPair(service, {
      inbox: createSqliteInbox(t.db),
      webhookUrl: 'https://bot.example.org/tg/hook',
      webhookSecret: SECRET,
      port: 0,
      host: '127.0.0.1',
    });
    pairs.push(pair);
    const update = { update_id: 77, ...textMessage('/report 资阳 2022', { chatId: 302 }) };
    for (let i = 0; i < 3; i++) expect(await post(pair, update)).toBe(200);
    await waitForCalls(pair.standIn, 'sendMessage');
    expect(await post(pair, { update_id: 78, ...textMessage('/list', { chatId: 302 }) })).toBe(200);
    await waitUntil(() => service.handled.length === 2, 'the second update');
    expect(service.handled.map((h) => h.line)).toEqual(['/report 资阳 2022', '/list']);
  });

  it('webhook: an acknowledged update is in SQLite before it is handled, and a restart handles it', async () => {
    const t = tempDb();
    dbs.push(t);
    const webhook = { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: SECRET, port: 0, host: '127.0.0.1' };
    const first = new FakeService();
    const a = await startPair(first, { inbox: createSqliteInbox(t.db), ...webhook });
    pairs.push(a);
    // The first update's reply hangs (as if the process froze); the rest queue behind it.
    const release = a.standIn.hold('sendMessage');
    const ids = [11, 12, 13];
    for (const id of ids) {
      expect(await post(a, { update_id: id, ...textMessage(`/report 资阳 ${2000 + id}`, { chatId: 303 }) })).toBe(200);
    }
    // Every 200 was preceded by a durable row: another connection sees them queued.
    const other = openDb(t.path);
    const pending = createSqliteInbox(other).pending();
    expect(pending.map((u) => u.update_id).slice(-2)).toEqual([12, 13]);

    // kill -9 now: a new process on the same database answers what was acknowledged but not handled.
    const again = new FakeService();
    const b = await startPair(again, { inbox: createSqliteInbox(other), ...webhook });
    pairs.push(b);
    // Update 11 was in flight in the old process (not recorded as handled), so it may run again too.
    const lines = () => again.handled.map((h) => h.line);
    await waitUntil(() => lines().includes('/report 资阳 2013'), 'the acknowledged updates');
    expect(lines()).toEqual(expect.arrayContaining(['/report 资阳 2012', '/report 资阳 2013']));
    release();
  });
});

function post(pair: Pair, body: unknown): Promise<number> {
  return postUpdate(pair.adapter.webhookAddress()!.port, SECRET, body);
}
