import { InputFile, type Api } from 'grammy';
import type { Logger } from 'pino';
import type { PublishProgress } from '../../src/service/ports.js';
import type { ChartData, CsvData, Reply } from '../../src/service/reply/reply-model.js';
import { buildKeyboard, type CallbackStore } from './keyboard.js';
import { renderSections } from './render-html.js';
import { CAPTION_LIMIT, packSections } from './split-message.js';

/** Renders a chart to PNG bytes (the chart renderer lives elsewhere; this is the hook). */
export type ChartRenderer = (chart: ChartData) => Uint8Array | Promise<Uint8Array>;

/** Encodes a CSV export to file contents. */
export type CsvEncoder = (csv: CsvData) => string | Uint8Array;

/** What sending needs besides the reply. */
export interface SendDeps {
  api: Api;
  callbacks: CallbackStore;
  logger: Logger;
  renderChart?: ChartRenderer;
  encodeCsv?: CsvEncoder;
}

/** Where a reply goes: a chat, optionally a forum topic, optionally as a reply to a message. */
export interface ReplyTarget {
  chatId: string | number;
  threadId?: number;
  replyTo?: number;
}

/** A reply rendered as Telegram HTML messages (each ≤ 4096 characters). */
export function renderMessages(reply: Reply): string[] {
  return packSections(renderSections(reply));
}

/** Parts `sendReply` sends for a reply: each HTML message, then the chart and the CSV when hooks draw them. */
export function countParts(deps: Pick<SendDeps, 'renderChart' | 'encodeCsv'>, reply: Reply): number {
  return renderMessages(reply).length + (reply.chart && deps.renderChart ? 1 : 0) + (reply.csv && deps.encodeCsv ? 1 : 0);
}

/**
 * Sends a reply: its HTML messages (buttons under the last one; only the first quotes the user's message),
 * then the chart as a photo and the CSV as a document when hooks for them are configured.
 * API errors propagate to the caller, which decides between deactivating, migrating and logging.
 * With `progress` (pushes), parts before `fromPart` are skipped and each part is reported as it goes.
 */
export async function sendReply(
  deps: SendDeps,
  target: ReplyTarget,
  reply: Reply,
  progress?: PublishProgress,
): Promise<number[]> {
  const messages = renderMessages(reply);
  const keyboard = buildKeyboard(reply.actions, deps.callbacks);
  const ids: number[] = [];
  const thread = target.threadId !== undefined ? { message_thread_id: target.threadId } : {};
  const total = countParts(deps, reply);
  const from = progress?.fromPart ?? 0;
  for (const [i, html] of messages.entries()) {
    if (i < from) continue;
    progress?.sending(i);
    const sent = await deps.api.sendMessage(target.chatId, html, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...thread,
      ...(i === 0 && target.replyTo !== undefined
        ? { reply_parameters: { message_id: target.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
    });
    ids.push(sent.message_id);
    progress?.sent(i, total);
  }
  let part = messages.length;
  if (reply.chart && deps.renderChart) {
    if (part >= from) {
      progress?.sending(part);
      await sendChart(deps, target, reply.chart, thread);
      progress?.sent(part, total);
    }
    part++;
  }
  if (reply.csv && deps.encodeCsv && part >= from) {
    progress?.sending(part);
    const body = deps.encodeCsv(reply.csv);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    await deps.api.sendDocument(target.chatId, new InputFile(bytes, reply.csv.fileName), thread);
    progress?.sent(part, total);
  }
  return ids;
}

async function sendChart(deps: SendDeps, target: ReplyTarget, chart: ChartData, thread: object): Promise<void> {
  let png: Uint8Array;
  try {
    png = await deps.renderChart!(chart);
  } catch (err) {
    // A chart is a bonus to the text reply; failing to draw it must not fail the answer.
    deps.logger.warn({ err }, 'chart rendering failed');
    return;
  }
  await deps.api.sendPhoto(target.chatId, new InputFile(png, 'chart.png'), {
    caption: chartCaption(chart),
    ...thread,
  });
}

/** Plain-text caption for a chart photo, cut to Telegram's 1024-character caption limit. */
function chartCaption(chart: ChartData): string {
  const text = [chart.title, chart.unit ? `单位:${chart.unit}` : '', chart.source ? `来源:${chart.source}` : '']
    .filter(Boolean)
    .join('\n');
  return text.length <= CAPTION_LIMIT ? text : text.slice(0, CAPTION_LIMIT - 1) + '…';
}
