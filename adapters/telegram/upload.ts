import type { Message } from 'grammy/types';
import { NOT_ADMIN_TEXT, safeUploadName, tooBigText, uploadExtension, uploadRefusal } from '../../src/domain/upload.js';
import { DigestError, IngestError } from '../../src/errors.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { chatContext, deliver, noticeReply, type DeliverDeps } from './deliver.js';
import { targetFor } from './incoming.js';

/** What the upload handler needs besides delivery. */
export interface UploadDeps extends DeliverDeps {
  /** Numeric Telegram user ids (as strings) allowed to upload. */
  adminIds: ReadonlySet<string>;
  token: string;
  apiRoot: string;
  maxUploadBytes: number;
}

/**
 * Handles a document: admins' .txt/.html/.htm/.pdf/.docx files are downloaded (size checked before and after),
 * saved under a temp folder with their original extension, ingested, and answered with the digest.
 */
export async function handleUpload(deps: UploadDeps, message: Message): Promise<void> {
  const doc = message.document;
  if (!doc) return;
  const target = targetFor(message);
  const say = (text: string) => deliver(deps, target, noticeReply(text));
  if (!message.from || !deps.adminIds.has(String(message.from.id))) return say(NOT_ADMIN_TEXT);
  const refusal = uploadRefusal(doc.file_name, doc.file_size, deps.maxUploadBytes);
  if (refusal) return say(refusal);
  const ext = uploadExtension(doc.file_name);

  let bytes: Uint8Array;
  try {
    bytes = await download(deps, doc.file_id);
  } catch (err) {
    deps.logger.warn({ err, fileId: doc.file_id }, 'telegram upload download failed');
    return say('无法下载该文件,请稍后重新发送。');
  }
  if (bytes.length > deps.maxUploadBytes) return say(tooBigText(bytes.length, deps.maxUploadBytes));

  const reply = await ingest(deps, message, bytes, ext).catch(async (err: unknown) => {
    const reason = err instanceof IngestError ? err.reason : err instanceof DigestError ? err.message : null;
    if (!reason) deps.logger.error({ err }, 'telegram upload ingest failed');
    await say(`无法读取该文件:${reason ?? '文件内容无法识别'}。`);
    return null;
  });
  if (reply) await deliver(deps, target, reply);
}

/** Hands the bytes to the service under the original name (made safe), without a temp file. */
function ingest(deps: UploadDeps, message: Message, bytes: Uint8Array, ext: string): Promise<Reply> {
  const name = safeUploadName(message.document?.file_name ?? `upload${ext}`, ext);
  return deps.service.ingestFile({ name, bytes: Buffer.from(bytes) }, chatContext(message.chat.id));
}

async function download(deps: UploadDeps, fileId: string): Promise<Uint8Array> {
  const file = await deps.api.getFile(fileId);
  if (!file.file_path) throw new Error('getFile returned no file_path');
  const root = deps.apiRoot.replace(/\/+$/, '');
  const res = await fetch(`${root}/file/bot${deps.token}/${file.file_path}`);
  if (!res.ok) throw new Error(`file download answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
