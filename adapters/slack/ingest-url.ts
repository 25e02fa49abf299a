import type { RespondFn } from '@slack/bolt';
import { isUrl } from '../../src/domain/url.js';
import { NOT_ADMIN_INGEST_TEXT } from '../../src/domain/upload.js';
import { noticeReply } from '../../src/service/reply/notice-reply.js';
import { withSlackNames } from './command-names.js';
import { respondReply } from './deliver.js';
import { type Handling, slackChat } from './run-command.js';
import type { SlackUploadSettings } from './upload.js';

/** `/digest ingest <url>` from a SLACK_ADMIN_USERS member: fetches and ingests it, answers with the digest or why not. */
export async function handleIngestCommand(
  h: Handling,
  settings: SlackUploadSettings,
  userId: string,
  channelId: string,
  argument: string,
  respond: RespondFn,
): Promise<void> {
  const say = (text: string) => respondReply(respond, withSlackNames(noticeReply(text), h.names));
  if (!settings.admins.has(userId)) return say(NOT_ADMIN_INGEST_TEXT);
  if (!isUrl(argument) || /\s/.test(argument))
    return say(`用法:/digest ingest <网址>,例如 /digest ingest https://example.gov.cn/report.pdf`);
  await say('正在抓取该网址…');
  const reply = await h.service.ingestUpload(argument, slackChat(channelId)).catch((err: unknown) => {
    h.log.error({ err }, 'slack /digest ingest failed');
    return noticeReply('无法导入该网址,请稍后再试。');
  });
  await respondReply(respond, withSlackNames(reply, h.names));
}
