import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/scheduler/dispatcher.js';
import { DeliveryLedger } from '../../../src/db/delivery-ledger.js';
import { runSlot } from '../../../src/scheduler/run-slot.js';
import { slotOf } from '../../../src/scheduler/slot.js';
import { SlotRuns } from '../../../src/db/slot-runs.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { failures } from '../../helpers/telegram-stand-in.js';
import { seededService } from '../../helpers/seeded-service.js';
import { callbackQuery, textMessage } from '../../helpers/telegram-updates.js';
import { longCompare } from './fake-service.js';
import { startPair, waitUntil, type Pair } from './harness.js';

// Subscriptions end to end: real grammY ↔ the Bot API stand-in, the real service on the seeds.
const PAST = new Date('2026-01-05T00:00:00Z');
let seeded: Awaited<ReturnType<typeof seededService>>;
let pair: Pair;

beforeAll(async () => {
  seeded = await seededService();
  // Subscriptions made "in the past", so the seeds count as new reports for the weekly digest.
  const service = createDigestService({ db: seeded.db, now: () => PAST });
  pair = await startPair(service, { retry: { maxRetryAttempts: 0 } });
});
afterAll(async () => {
  await pair?.close();
  seeded?.cleanup();
});

type Button = { text: string; callback_data: string };
const buttonsOf = (markup: unknown): Button[] =>
  markup ? (markup as { inline_keyboard: Button[][] }).inline_keyboard.flat() : [];
const sentTo = (chatId: number) =>
  pair.standIn.okCallsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(chatId));
const subsOf = (chatId: number) => seeded.service.subscriptions.forChat('telegram', String(chatId));

async function say(text: string, chatId: number, opts: { chatType?: 'supergroup'; userId?: number } = {}) {
  const before = sentTo(chatId).length + pair.standIn.okCallsOf('editMessageText').length;
  pair.standIn.push(textMessage(text, { chatId, ...opts }));
  await waitUntil(() => sentTo(chatId).length + pair.standIn.okCallsOf('editMessageText').length > before, `answer to ${text}`);
  return sentTo(chatId).at(-1)!;
}

async function press(button: Button, chatId: number, opts: { chatType?: 'supergroup'; userId?: number } = {}) {
  const before = sentTo(chatId).length + pair.standIn.okCallsOf('editMessageText').length;
  pair.standIn.push(callbackQuery(button.callback_data, { chatId, messageId: 1, ...opts }));
  await waitUntil(
    () => sentTo(chatId).length + pair.standIn.okCallsOf('editMessageText').length > before,
    `answer to ${button.text}`,
  );
}

describe('telegram: subscriptions', () => {
  it('the 资阳市(四川) button offered by /subscribe 资阳 creates a REGION subscription', async () => {
    const ask = await say('/subscribe 资阳', 811);
    const button = buttonsOf(ask.payload.reply_markup).find((b) => b.text.startsWith('资阳市'))!;
    expect(button.text).toBe('资阳市(四川)');
    await press(button, 811);
    expect(subsOf(811)).toMatchObject([{ filterKind: 'region', filterValue: '512000', filter: '资阳市' }]);
  });

  it('/subscribe 资阳市 四川 typed by hand: the same region subscription', async () => {
    await say('/subscribe 资阳市 四川', 812);
    expect(subsOf(812)).toMatchObject([{ filterKind: 'region', filterValue: '512000' }]);
  });

  it('/subscribe 资杨 gives /report’s suggestion (资阳市(四川)) and subscribes to nothing', async () => {
    const reply = await say('/subscribe 资杨', 813);
    const report = await say('/report 资杨', 813);
    expect(String(reply.payload.text)).toContain('资阳市(四川)');
    expect(String(report.payload.text)).toContain('资阳市(四川)');
    expect(buttonsOf(reply.payload.reply_markup).map((b) => b.text)).toContain('订阅资阳市(四川)');
    expect(subsOf(813)).toEqual([]);
  });

  it('/subscribe 四川 提案 is one combined subscription', async () => {
    const reply = await say('/subscribe 四川 提案', 814);
    expect(String(reply.payload.text)).toContain('四川省的报告 · 指标“提案”');
    expect(subsOf(814)).toMatchObject([
      { filterKind: 'province', filterValue: '四川省', subjectKind: 'metric', subjectValue: '提案' },
    ]);
  });

  it('/subscriptions is a numbered list with an unsubscribe button each; pressing one removes that one', async () => {
    await say('/subscribe 四川', 815);
    await say('/subscribe 提案', 815);
    const list = await say('/subscriptions', 815);
    expect(String(list.payload.text)).toMatch(/1\. 四川省的报告[\s\S]*2\. 指标“提案”/);
    const buttons = buttonsOf(list.payload.reply_markup);
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(['退订 1', '退订 2', '全部退订']));
    await press(buttons.find((b) => b.text === '退订 1')!, 815);
    expect(subsOf(815).map((s) => s.filter)).toEqual(['提案']);
  });

  it('bare /unsubscribe asks before removing everything', async () => {
    const ask = await say('/unsubscribe', 815);
    expect(String(ask.payload.text)).toContain('确定取消本聊天的全部 1 个订阅吗');
    expect(subsOf(815)).toHaveLength(1);
    await press(buttonsOf(ask.payload.reply_markup).find((b) => b.text.startsWith('确认'))!, 815);
    expect(subsOf(815)).toHaveLength(0);
  });

  it('in a group a non-admin is refused (getChatMember: member); an administrator may', async () => {
    const refused = await say('/subscribe 四川', -1000816, { chatType: 'supergroup', userId: 61 });
    expect(String(refused.payload.text)).toContain('只有管理员');
    expect(subsOf(-1000816)).toEqual([]);
    expect(pair.standIn.okCallsOf('getChatMember').some((c) => c.payload.user_id === 61)).toBe(true);
    pair.standIn.memberStatus.set(62, 'administrator');
    await say('/subscribe 四川', -1000816, { chatType: 'supergroup', userId: 62 });
    expect(subsOf(-1000816)).toHaveLength(1);
    // Reading the list needs no admin.
    const list = await say('/subscriptions', -1000816, { chatType: 'supergroup', userId: 61 });
    expect(String(list.payload.text)).toContain('四川省的报告');
  });

  it('/schedule in a group: anyone sees the time; only an admin changes it (周五 9 → the chat’s own time)', async () => {
    const group = -1000818;
    const shown = await say('/schedule', group, { chatType: 'supergroup', userId: 63 });
    expect(String(shown.payload.text)).toContain('(默认)');
    const refused = await say('/schedule 周五 9', group, { chatType: 'supergroup', userId: 63 });
    expect(String(refused.payload.text)).toContain('只有管理员');
    expect(seeded.service.subscriptions.chatDelivery('telegram', String(group))).toMatchObject({ weekday: null, hour: null });
    pair.standIn.memberStatus.set(64, 'creator');
    const set = await say('/schedule 周五 9', group, { chatType: 'supergroup', userId: 64 });
    expect(String(set.payload.text)).toContain('每周五 09:00');
    expect(seeded.service.subscriptions.chatDelivery('telegram', String(group))).toMatchObject({ weekday: 5, hour: 9 });
  });
});

describe('telegram: the weekly digest', () => {
  it('a chat with 3 filters gets ONE digest; a report matching all 3 is in it once; it ends with manage buttons', async () => {
    for (const f of ['四川', '资阳市 四川', '提案']) await say(`/subscribe ${f}`, 817);
    const clock = { now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    const deps = {
      store: seeded.service.reads,
      subscriptions: seeded.service.subscriptions,
      ledger: new DeliveryLedger(seeded.db),
      slotRuns: new SlotRuns(seeded.db),
      publishers: new Map([['telegram', pair.adapter.publisher]]),
      limits: { telegram: pair.adapter.limits },
      empty: 'skip' as const,
      clock,
      logger: pino({ level: 'silent' }),
    };
    const before = sentTo(817).length;
    await runSlot(deps, slotOf(clock.now(), 'Asia/Shanghai'), clock.now());
    const digest = sentTo(817).slice(before);
    const text = digest.map((c) => String(c.payload.text)).join('\n');
    expect(text.match(/每周报告摘要/g)).toHaveLength(1);
    const zy = seeded.service.store.allReports().find((r) => r.regionName === '资阳市')!;
    const title = seeded.service.store.reportById(zy.id)!.title!;
    expect(text.split(title).length - 1).toBe(1);
    expect(buttonsOf(digest.at(-1)!.payload.reply_markup).map((b) => b.text)).toEqual(
      expect.arrayContaining(['管理订阅', '暂停推送', '退订']),
    );
  });

  it('a 429 on part 2 of a multi-part digest: the retry resumes at part 2, part 1 is sent once (issue 14 #1)', async () => {
    const ledger = new DeliveryLedger(seeded.db);
    const reply = longCompare(300);
    const clock = { now: () => new Date(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
    const parts = pair.adapter.publisher.countParts!(reply);
    expect(parts).toBeGreaterThan(2);
    pair.standIn.failNext('sendMessage', failures.rateLimit(1), 1, 1);
    const tally = await dispatch([{ platform: 'telegram', chatId: '818', slot: '2026-W02', reportIds: [], reply }], {
      publishers: new Map([['telegram', pair.adapter.publisher]]),
      limits: { telegram: pair.adapter.limits },
      ledger,
      onPermanentFailure: () => undefined,
      clock,
      logger: pino({ level: 'silent' }),
      backoffBaseMs: 10,
    });
    expect(tally).toMatchObject({ sent: 1, retries: 1, failed: 0 });
    const texts = sentTo(818).map((c) => String(c.payload.text));
    expect(texts).toHaveLength(parts);
    expect(new Set(texts).size).toBe(parts);
    expect(ledger.get('telegram', '818', '2026-W02')).toMatchObject({ status: 'sent', nextPart: parts, partsTotal: parts });
  });
});
