import type { webApi } from '@slack/bolt';
import { NOT_ADMIN_TEXT, safeUploadName, tooBigText, uploadExtension, uploadRefusal } from '../../src/domain/upload.js';
import { readCapped } from '../../src/domain/read-capped.js';
import { noticeReply } from '../../src/service/reply/notice-reply.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { withSlackNames } from './command-names.js';
import { postReply, type PostTarget } from './deliver.js';
import { type Handling, slackChat } from './run-command.js';

/** Who may add reports from Slack, and how files are fetched. */
export interface SlackUploadSettings {
  /** Slack member ids (SLACK_ADMIN_USERS) allowed to share report files and run `/digest ingest <url>`. */
  admins: ReadonlySet<string>;
  /** The bot token, sent only to Slack's own file hosts (see `trustedFileUrl`). */
  botToken: string;
  /** The Web API root (SLACK_API_URL): its host, and on https its subdomains (files.slack.com), serve files. */
  apiUrl: string;
  maxUploadBytes: number;
}

/** A file as a `file_share` message event or files.info describes it. */
export interface SlackFile {
  id: string;
  name?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
}

/** The part of a `message` event with subtype `file_share` the handler reads. */
export interface FileShareEvent {
  user?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  files?: SlackFile[];
}

/** Files handled from one message (Slack allows ten; each is a full ingest). */
const MAX_FILES_PER_MESSAGE = 5;

/**
 * Handles a file shared with the bot: an admin's .txt/.html/.htm/.pdf/.docx files are downloaded from
 * url_private with the bot token (size checked before and while reading), ingested, and answered in the
 * file's thread with the stored report's digest or the reason it was refused; others get a private refusal.
 */
export async function handleFileShare(
  h: Handling,
  settings: SlackUploadSettings,
  client: webApi.WebClient,
  event: FileShareEvent,
): Promise<void> {
  const files = event.files ?? [];
  if (!files.length) return;
  const thread: PostTarget = { channel: event.channel, threadTs: event.thread_ts ?? event.ts };
  // In a channel a refusal is for the sender only; a DM is theirs anyway.
  const privately: PostTarget = event.user && event.channel_type !== 'im' ? { ...thread, ephemeralUser: event.user } : thread;
  const say = (text: string, target = thread) => postReply(client, target, noticeReply(text));
  if (!event.user || !settings.admins.has(event.user)) return say(NOT_ADMIN_TEXT, privately);
  for (const file of files.slice(0, MAX_FILES_PER_MESSAGE)) {
    const reply = await ingestFile(h, settings, client, event.channel, file);
    await postReply(client, reply.kind === 'error' ? privately : thread, withSlackNames(reply, h.names));
  }
  if (files.length > MAX_FILES_PER_MESSAGE)
    await say(`一条消息最多处理 ${MAX_FILES_PER_MESSAGE} 个文件,其余 ${files.length - MAX_FILES_PER_MESSAGE} 个请另行发送。`);
}

async function ingestFile(
  h: Handling,
  settings: SlackUploadSettings,
  client: webApi.WebClient,
  channel: string,
  shared: SlackFile,
): Promise<Reply> {
  const named = (text: string) => noticeReply(`${shared.name ?? shared.id}:${text}`);
  const refusal = uploadRefusal(shared.name, shared.size, settings.maxUploadBytes);
  if (refusal) return named(refusal);
  let bytes: Uint8Array;
  try {
    // Newer events may leave the URLs out (file_access: check_file_info): files.info has them.
    const file = shared.url_private_download || shared.url_private ? shared : await fileInfo(client, shared.id);
    const url = file.url_private_download ?? file.url_private;
    if (!url || !trustedFileUrl(url, settings.apiUrl))
      throw new Error(`untrusted file URL host: ${url ? new URL(url).host : 'none'}`);
    bytes = await download(url, shared.name ?? '', settings);
  } catch (err) {
    if (err instanceof TooBig) return named(tooBigText(shared.size ?? err.size, settings.maxUploadBytes));
    h.log.warn({ err, fileId: shared.id }, 'slack upload download failed');
    return named('无法下载该文件,请稍后重新发送(机器人需要 files:read 权限)。');
  }
  const ext = uploadExtension(shared.name);
  try {
    const name = safeUploadName(shared.name ?? `upload${ext}`, ext);
    return await h.service.ingestFile({ name, bytes: Buffer.from(bytes) }, slackChat(channel));
  } catch (err) {
    h.log.error({ err, fileId: shared.id }, 'slack upload ingest failed');
    return named('无法读取该文件:文件内容无法识别。');
  }
}

async function fileInfo(client: webApi.WebClient, id: string): Promise<SlackFile> {
  const info = await client.files.info({ file: id });
  if (!info.file?.id) throw new Error('files.info returned no file');
  return info.file as SlackFile;
}

/**
 * True when the bot token may be sent to `url`: the Web API root's own origin, or on https one of its
 * subdomains (Slack serves url_private from files.slack.com beside slack.com/api). Anything else would hand
 * the token to whoever a crafted event names.
 */
export function trustedFileUrl(url: string, apiUrl: string): boolean {
  let file: URL;
  let api: URL;
  try {
    file = new URL(url);
    api = new URL(apiUrl);
  } catch {
    return false;
  }
  if (file.origin === api.origin) return true;
  return file.protocol === 'https:' && api.protocol === 'https:' && file.hostname.endsWith(`.${api.hostname}`) && !file.port;
}

class TooBig extends Error {
  constructor(readonly size: number) {
    super(`file larger than the cap: ${size}`);
  }
}

/** GET with the bot token; no redirects (a redirect means a login page, and would carry the token away). */
async function download(url: string, name: string, settings: SlackUploadSettings): Promise<Uint8Array> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${settings.botToken}` }, redirect: 'manual' });
  // A token Slack does not accept for the file (no files:read) gets its sign-in page, not the file.
  const signIn = (res.headers.get('content-type') ?? '').startsWith('text/html') && !/\.html?$/i.test(name);
  if (res.status !== 200 || signIn) {
    await res.body?.cancel();
    throw new Error(signIn ? 'file download answered a web page (missing files:read?)' : `file download answered ${res.status}`);
  }
  const bytes = await readCapped(res.body, settings.maxUploadBytes);
  if (!bytes) throw new TooBig(settings.maxUploadBytes + 1);
  return bytes;
}
