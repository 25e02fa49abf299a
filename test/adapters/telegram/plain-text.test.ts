import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededService } from '../../helpers/seeded-service.js';
import { textMessage } from '../../helpers/telegram-updates.js';
import { startPair, waitUntil, type Pair } from './harness.js';

// Real grammY against the stand-in: plain text is a /report in private chats only.
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

const sentTo = (chatId: number) =>
  pair.standIn
    .okCallsOf('sendMessage')
    .filter((c) => c.payload.chat_id === chatId)
    .map((c) => String(c.payload.text));

describe('telegram plain text', () => {
  it('a bare “资阳 2022” in a private chat answers with the 2022 report', async () => {
    pair.standIn.push(textMessage('资阳 2022', { chatId: 7001 }));
    await waitUntil(() => sentTo(7001).length > 0, 'the report');
    const text = sentTo(7001).join('\n');
    expect(text).toContain('资阳市');
    expect(text).toContain('196');
  });

  it('in a group plain text is ignored while commands are answered', async () => {
    pair.standIn.push(textMessage('资阳 2022', { chatId: -7002, chatType: 'group' }));
    pair.standIn.push(textMessage('/report 资阳 2022 年', { chatId: -7002, chatType: 'group' }));
    await waitUntil(() => sentTo(-7002).length > 0, 'the command answer');
    const answers = sentTo(-7002);
    expect(answers.join('\n')).toContain('回顾年度</b>: 2022年');
    // Only the command got an answer (one reply, possibly split, all of the report).
    expect(answers.every((t) => !t.includes('无法识别'))).toBe(true);
  });
});
