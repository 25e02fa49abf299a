import { afterEach, describe, expect, it } from 'vitest';
import { MENU_COMMANDS } from '../../../adapters/telegram/commands-menu.js';
import { failures, STAND_IN_BOT } from '../../helpers/telegram-stand-in.js';
import { callbackQuery, migrateMessage, myChatMember, textMessage } from '../../helpers/telegram-updates.js';
import { FakeService, longCompare, reportLike, trickyText } from './fake-service.js';
import { startPair, waitForCalls, waitUntil, type Pair } from './harness.js';

let pair: Pair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

describe('telegram adapter (long polling, real grammY over HTTP)', () => {
  it('registers the command menu in Chinese and, for English clients, in English', async () => {
    pair = await startPair(new FakeService());
    const menus = pair.standIn.okCallsOf('setMyCommands');
    expect(menus).toHaveLength(2);
    const zh = menus.find((c) => !c.payload.language_code)!.payload.commands as { command: string; description: string }[];
    const en = menus.find((c) => c.payload.language_code === 'en')!.payload.commands as {
      command: string;
      description: string;
    }[];
    expect(zh.map((c) => c.command)).toEqual(MENU_COMMANDS.map((c) => c.command));
    expect(zh.every((c) => /[\u4e00-\u9fff]/.test(c.description))).toBe(true);
    expect(en.find((c) => c.command === 'help')!.description).toBe('Help');
    expect(pair.standIn.callsOf('deleteWebhook')).toHaveLength(1);
  });

  it('answers /report 资阳 2022 with HTML that names 资阳市 and 196', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 501 }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(service.handled[0]).toEqual({
      line: '/report 资阳 2022',
      chat: { platform: 'telegram', chatId: '501', direct: true },
    });
    expect(sent!.payload.chat_id).toBe(501);
    expect(sent!.payload.parse_mode).toBe('HTML');
    expect(sent!.payload.text).toContain('资阳市');
    expect(sent!.payload.text).toContain('<b>196</b>');
    const buttons = (
      sent!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }
    ).inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toEqual(['全部章节', '更多指标', '原文', '2021年']);
    expect(buttons[3]!.callback_data).toMatch(/^a:/);
  });

  it('splits a long /compare 提案 into several messages of at most 4096 characters, buttons under the last', async () => {
    pair = await startPair(new FakeService(() => longCompare(300)));
    pair.standIn.push(textMessage('/compare 提案', { chatId: 502 }));
    await waitUntil(
      () =>
        pair!.standIn.callsOf('sendMessage').length >= 3 &&
        pair!.standIn.okCallsOf('sendMessage').some((c) => c.payload.reply_markup),
      'all parts',
    );
    const sent = pair.standIn.callsOf('sendMessage');
    expect(sent.every((c) => c.ok)).toBe(true);
    for (const c of sent) expect(String(c.payload.text).length).toBeLessThanOrEqual(4096);
    expect(sent.at(-1)!.payload.reply_markup).toBeDefined();
    expect(sent.slice(0, -1).every((c) => c.payload.reply_markup === undefined)).toBe(true);
    expect(sent.map((c) => c.payload.text).join('\n')).toContain('地区299&lt;市&gt;');
  });

  it('renders text with <, & and > without a parse error from the (strict) stand-in', async () => {
    pair = await startPair(new FakeService(() => trickyText()));
    pair.standIn.push(textMessage('/report x', { chatId: 503 }));
    await waitUntil(() => pair!.standIn.callsOf('sendMessage').length === 1, 'the answer');
    const [call] = pair.standIn.callsOf('sendMessage');
    expect(call!.ok).toBe(true);
    expect(call!.payload.text).toContain('&lt;script&gt;标题 &amp; 副题&lt;/script&gt;');
  });

  it('in groups: answers /report@botname in the topic thread, quoting the message; ignores other bots', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.push(textMessage('/report@other_bot 资阳', { chatId: -100777, chatType: 'supergroup', threadId: 9 }));
    pair.standIn.push(textMessage('随便聊聊', { chatId: -100777, chatType: 'supergroup' }));
    pair.standIn.push(
      textMessage(`/report@${STAND_IN_BOT.username} 资阳 2022`, {
        chatId: -100777,
        chatType: 'supergroup',
        threadId: 9,
        messageId: 55,
      }),
    );
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(service.handled.map((h) => h.line)).toEqual(['/report 资阳 2022']);
    expect(sent!.payload.message_thread_id).toBe(9);
    expect(sent!.payload.reply_parameters).toEqual({ message_id: 55, allow_sending_without_reply: true });
  });

  it('a button press is answered and the message edited in place with the new content', async () => {
    const service = new FakeService((line) =>
      line.startsWith('/sections') ? { ...reportLike(line), title: '章节', actions: [] } : reportLike(line),
    );
    pair = await startPair(service);
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 504 }));
    const [first] = await waitForCalls(pair.standIn, 'sendMessage');
    const buttons = (first!.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat();
    pair.standIn.push(callbackQuery(buttons[0]!.callback_data, { chatId: 504, messageId: 1 }));
    const [edit] = await waitForCalls(pair.standIn, 'editMessageText');
    expect(pair.standIn.okCallsOf('answerCallbackQuery')).toHaveLength(1);
    expect(service.handled.at(-1)!.line).toBe('/sections 12');
    expect(edit!.payload).toMatchObject({ chat_id: 504, message_id: 1, parse_mode: 'HTML' });
    expect(edit!.payload.text).toContain('/sections 12');
  });

  it('a button with a long (mapped) command runs it; a long answer comes below instead of an edit', async () => {
    const service = new FakeService((line) => (line.startsWith('/report 资阳市政协') ? longCompare(300) : reportLike(line)));
    pair = await startPair(service);
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 505 }));
    const [first] = await waitForCalls(pair.standIn, 'sendMessage');
    const data = (first!.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat()[3]!
      .callback_data;
    pair.standIn.push(callbackQuery(data, { chatId: 505, messageId: 1 }));
    await waitForCalls(pair.standIn, 'sendMessage', 3);
    expect(pair.standIn.okCallsOf('answerCallbackQuery')).toHaveLength(1);
    expect(pair.standIn.callsOf('editMessageText')).toHaveLength(0);
    expect(service.handled.at(-1)!.line).toBe('/report 资阳市政协关于二〇二一年度提案工作情况的报告全文第一部分');
  });

  it('an expired button is still answered, with a hint', async () => {
    pair = await startPair(new FakeService());
    pair.standIn.push(callbackQuery('a:gone', { chatId: 506, messageId: 3 }));
    const [answer] = await waitForCalls(pair.standIn, 'answerCallbackQuery');
    expect(answer!.payload.text).toContain('过期');
  });

  it('retries sendMessage after a 429 with retry_after and delivers the message', async () => {
    pair = await startPair(new FakeService());
    pair.standIn.failNext('sendMessage', failures.rateLimit(1));
    pair.standIn.push(textMessage('/report 资阳 2022', { chatId: 507 }));
    await waitForCalls(pair.standIn, 'sendMessage');
    const calls = pair.standIn.callsOf('sendMessage');
    expect(calls.map((c) => c.errorCode ?? 200)).toEqual([429, 200]);
    expect(calls[1]!.payload.text).toContain('资阳市');
  });

  it('deactivates the chat when answering hits 403 blocked or 400 chat not found', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.failNext('sendMessage', failures.blocked());
    pair.standIn.push(textMessage('/report 资阳', { chatId: 508 }));
    await waitUntil(() => service.deactivations.length === 1, 'deactivation');
    expect(service.deactivations[0]).toEqual(['telegram', '508', 'Forbidden: bot was blocked by the user']);
    pair.standIn.failNext('sendMessage', failures.chatNotFound());
    pair.standIn.push(textMessage('/report 资阳', { chatId: 509 }));
    await waitUntil(() => service.deactivations.length === 2, 'second deactivation');
    expect(service.deactivations[1]).toEqual(['telegram', '509', 'Bad Request: chat not found']);
  });

  it('migrates a group that became a supergroup (service message, or 400 with migrate_to_chat_id)', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.push(migrateMessage(-600, -100600));
    await waitUntil(() => service.migrations.length === 1, 'migration message');
    expect(service.migrations[0]).toEqual(['telegram', '-600', '-100600']);
    pair.standIn.failNext('sendMessage', failures.migrated(-100601));
    pair.standIn.push(textMessage('/report 资阳', { chatId: -601, chatType: 'group' }));
    const [resent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(service.migrations[1]).toEqual(['telegram', '-601', '-100601']);
    expect(resent!.payload.chat_id).toBe('-100601');
  });

  it('deactivates a chat when the user blocks the bot or it is removed from a group', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.push(myChatMember(510, 'member'));
    pair.standIn.push(myChatMember(511, 'kicked'));
    pair.standIn.push(myChatMember(-512, 'left', 'group'));
    await waitUntil(() => service.deactivations.length === 2, 'two deactivations');
    expect(service.deactivations.map((d) => d[1])).toEqual(['511', '-512']);
  });
});
