import type { Message } from 'grammy/types';
import { isUrl } from '../../src/domain/url.js';
import { chatContext, deliver, noticeReply } from './deliver.js';
import { targetFor } from './incoming.js';
import { NOT_ADMIN_INGEST_TEXT } from '../../src/domain/upload.js';
import type { UploadDeps } from './upload.js';

/** `/ingest <url>` from an admin: fetches and ingests the page or file, answers with its digest or the reason. */
export async function handleIngestCommand(deps: UploadDeps, message: Message, argument: string): Promise<void> {
  const target = targetFor(message);
  const say = (text: string) => deliver(deps, target, noticeReply(text));
  if (!message.from || !deps.adminIds.has(String(message.from.id))) return say(NOT_ADMIN_INGEST_TEXT);
  if (!isUrl(argument) || /\s/.test(argument)) return say('用法: /ingest <网址>,例如 /ingest https://example.gov.cn/report.pdf');
  await say('正在抓取该网址…');
  const reply = await deps.service
    .ingestUpload(argument, chatContext(message.chat.id, message.chat.type))
    .catch((err: unknown) => {
      deps.logger.error({ err }, 'telegram /ingest failed');
      return noticeReply('无法导入该网址,请稍后再试。');
    });
  await deliver(deps, target, reply);
}
