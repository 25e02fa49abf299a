import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Message } from 'grammy/types';
import { DigestError, DOC_REFUSAL, IngestError } from '../../src/errors.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { chatContext, deliver, noticeReply, type DeliverDeps } from './deliver.js';
import { targetFor } from './incoming.js';

/** Extensions an admin may upload. */
const UPLOAD_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx'] as const;

/** Default upload size limit (5 MB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** What the upload handler needs besides delivery. */
export interface UploadDeps extends DeliverDeps {
  /** Numeric Telegram user ids (as strings) allowed to upload. */
  adminIds: ReadonlySet<string>;
  token: string;
  apiRoot: string;
  maxUploadBytes: number;
}

/** Refusal for non-admins (shown verbatim). */
export const NOT_ADMIN_TEXT = '抱歉,只有管理员可以上传报告。';

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
  const ext = extname(doc.file_name ?? '').toLowerCase();
  if (ext === '.doc') return say(`${DOC_REFUSAL}。`);
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    return say(`不支持该文件类型(${ext || '无扩展名'}),请上传 .txt、.html、.htm、.pdf 或 .docx 格式的报告。`);
  }
  if (doc.file_size !== undefined && doc.file_size > deps.maxUploadBytes) return say(tooBig(doc.file_size, deps.maxUploadBytes));

  let bytes: Uint8Array;
  try {
    bytes = await download(deps, doc.file_id);
  } catch (err) {
    deps.logger.warn({ err, fileId: doc.file_id }, 'telegram upload download failed');
    return say('无法下载该文件,请稍后重新发送。');
  }
  if (bytes.length > deps.maxUploadBytes) return say(tooBig(bytes.length, deps.maxUploadBytes));

  const reply = await ingest(deps, message, bytes, ext).catch(async (err: unknown) => {
    const reason = err instanceof IngestError ? err.reason : err instanceof DigestError ? err.message : null;
    if (!reason) deps.logger.error({ err }, 'telegram upload ingest failed');
    await say(`无法读取该文件:${reason ?? '文件内容无法识别'}。`);
    return null;
  });
  if (reply) await deliver(deps, target, reply);
}

/** Saves the bytes under a fresh temp folder (original name and extension) and ingests them; cleans up. */
async function ingest(deps: UploadDeps, message: Message, bytes: Uint8Array, ext: string): Promise<Reply> {
  const dir = await mkdtemp(join(tmpdir(), 'digest-upload-'));
  try {
    const path = join(dir, safeName(message.document?.file_name ?? `upload${ext}`, ext));
    await writeFile(path, bytes);
    return await deps.service.ingestUpload(path, chatContext(message.chat.id));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function download(deps: UploadDeps, fileId: string): Promise<Uint8Array> {
  const file = await deps.api.getFile(fileId);
  if (!file.file_path) throw new Error('getFile returned no file_path');
  const root = deps.apiRoot.replace(/\/+$/, '');
  const res = await fetch(`${root}/file/bot${deps.token}/${file.file_path}`);
  if (!res.ok) throw new Error(`file download answered ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

function tooBig(size: number, max: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件过大(${mb(size)} MB),上传上限为 ${mb(max)} MB。`;
}

/** The original base name without path tricks or control characters, keeping the extension. */
function safeName(name: string, ext: string): string {
  const base = basename(name)
    .replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_')
    .slice(-120);
  return base.toLowerCase().endsWith(ext) && base.length > ext.length ? base : `upload${ext}`;
}
