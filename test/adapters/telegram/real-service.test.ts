import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_WIDTH } from '../../../src/charts/chart-frame.js';
import { toCsv } from '../../../src/charts/csv.js';
import { renderChartPng } from '../../../src/charts/render-png.js';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';
import { seededService } from '../../helpers/seeded-service.js';
import { callbackQuery, textMessage } from '../../helpers/telegram-updates.js';
import { startPair, waitForCalls, waitUntil, type Pair } from './harness.js';

// End to end: real grammY bot ↔ HTTP stand-in, real digest service on a temp SQLite DB with the seeds.
let seeded: Awaited<ReturnType<typeof seededService>>;
let pair: Pair;
// A second adapter with the real chart renderer and CSV encoder, as the composition root wires them.
let drawing: Pair;

beforeAll(async () => {
  seeded = await seededService();
  pair = await startPair(seeded.service);
  drawing = await startPair(seeded.service, { renderChart: renderChartPng, encodeCsv: toCsv });
});

afterAll(async () => {
  await pair?.close();
  await drawing?.close();
  seeded?.cleanup();
});

const buttonsOf = (markup: unknown) =>
  (markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();

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
    await waitUntil(
      () => pair.standIn.okCallsOf('editMessageText').length > 0 || pair.standIn.okCallsOf('sendMessage').length > before,
      'new content',
    );
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

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('telegram adapter with the real chart renderer and CSV encoder', () => {
  it('/compare 提案 → sendPhoto carrying a real PNG of the chart width, caption within 1024', async () => {
    drawing.standIn.push(textMessage('/compare 提案', { chatId: 901 }));
    const [photo] = await waitForCalls(drawing.standIn, 'sendPhoto');
    expect(photo!.payload.chat_id).toBe('901');
    const file = photo!.uploads.photo;
    expect(file, 'the photo must be uploaded as a multipart file').toBeDefined();
    expect(file!.filename).toMatch(/\.png$/);
    expect(file!.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = PNG.sync.read(file!.content);
    expect(image.width).toBe(CHART_WIDTH);
    expect(image.height).toBeGreaterThan(100);
    const caption = String(photo!.payload.caption ?? '');
    expect(caption.length).toBeGreaterThan(0);
    expect(caption.length).toBeLessThanOrEqual(1024);
    // The text answer still goes out alongside the picture.
    expect(drawing.standIn.okCallsOf('sendMessage').some((c) => String(c.payload.text).includes('资阳市'))).toBe(true);
  });

  it('/compare 提案 csv → sendDocument carrying a .csv with the UTF-8 BOM and the seed regions', async () => {
    drawing.standIn.push(textMessage('/compare 提案 csv', { chatId: 902 }));
    const [doc] = await waitForCalls(drawing.standIn, 'sendDocument');
    expect(doc!.payload.chat_id).toBe('902');
    const file = doc!.uploads.document;
    expect(file, 'the CSV must be uploaded as a multipart file').toBeDefined();
    expect(file!.filename).toMatch(/\.csv$/);
    expect(file!.content.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
    const text = file!.content.subarray(3).toString('utf8');
    expect(text).toContain('资阳市');
    expect(text).toContain('196');
    expect(text.split('\r\n').length).toBeGreaterThan(5); // header + five seed reports
  });
});
