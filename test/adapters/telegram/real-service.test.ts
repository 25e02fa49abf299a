import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';
import { seededService } from '../../helpers/seeded-service.js';
import { callbackQuery, textMessage } from '../../helpers/telegram-updates.js';
import { startPair, waitForCalls, waitUntil, type Pair } from './harness.js';

// End to end: real grammY bot ↔ HTTP stand-in, real digest service on a temp SQLite DB with the seeds.
let seeded: Awaited<ReturnType<typeof seededService>>;
let pair: Pair;

beforeAll(async () => {
  seeded = await seededService();
  pair = await startPair(seeded.service);
});

afterAll(async () => {
  await pair?.close();
  seeded?.cleanup();
});

const buttonsOf = (markup: unknown) => (markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();

describe('telegram adapter with the real digest service on the seeds', () => {
  it('/report 资阳 2022 → an HTML digest naming 资阳市 and 196, with buttons', async () => {
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 801 }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.parse_mode).toBe('HTML');
    const text = String(sent!.payload.text);
    expect(text).toContain('资阳市');
    expect(text).toContain('196');
    expect(checkTelegramHtml(text).ok).toBe(true);
    expect(buttonsOf(sent!.payload.reply_markup).map((b) => b.text)).toContain('全部章节');
  });

  it('pressing 全部章节 answers the query and edits the message with the sections', async () => {
    const [first] = pair.standIn.okCallsOf('sendMessage').filter((c) => c.payload.chat_id === 801);
    const button = buttonsOf(first!.payload.reply_markup).find((b) => b.text === '全部章节')!;
    const before = pair.standIn.okCallsOf('sendMessage').length;
    pair.standIn.push(callbackQuery(button.callback_data, { chatId: 801, messageId: 1 }));
    await waitForCalls(pair.standIn, 'answerCallbackQuery');
    await waitUntil(() => pair.standIn.okCallsOf('editMessageText').length > 0 || pair.standIn.okCallsOf('sendMessage').length > before, 'new content');
    const edits = pair.standIn.okCallsOf('editMessageText');
    const below = pair.standIn.okCallsOf('sendMessage').slice(before);
    const content = [...edits, ...below].map((c) => String(c.payload.text)).join('\n');
    expect(content).toContain('旗帜鲜明讲政治');
  });

  it('/compare 提案 lists the five seed reports in readable rows (no <pre>)', async () => {
    pair.standIn.push(textMessage('/compare 提案', { chatId: 802 }));
    await waitUntil(() => pair.standIn.okCallsOf('sendMessage').some((c) => c.payload.chat_id === 802), 'the comparison');
    const text = pair.standIn
      .okCallsOf('sendMessage')
      .filter((c) => c.payload.chat_id === 802)
      .map((c) => String(c.payload.text))
      .join('\n');
    for (const place of ['资阳市', '鹤岗市', '安宁市', '开化县', '钟祥市']) expect(text).toContain(place);
    expect(text).not.toContain('<pre>');
    expect(text).toMatch(/<b>资阳市[^<]*2022<\/b> · 立案 196/);
  });
});
