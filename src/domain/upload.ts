/** What an admin may send a chat bot as a report, and the refusals: the same rules on every platform. */
import { basename, extname } from 'node:path';
import { DOC_REFUSAL } from '../errors.js';

/** A file that arrived as bytes (a chat upload), ingested without writing it to disk. */
export interface UploadedFile {
  /** Its file name, made safe (safeUploadName): the extension picks the decoder, refusals name it. */
  name: string;
  bytes: Buffer;
}

/** Extensions an admin may upload. */
const UPLOAD_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx'] as const;

/** Default upload size limit (5 MB). */
export const DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Refusal for non-admins (shown verbatim). */
export const NOT_ADMIN_TEXT = '抱歉,只有管理员可以上传报告。';

/** Refusal of `/ingest <url>` for non-admins. */
export const NOT_ADMIN_INGEST_TEXT = '抱歉,只有管理员可以导入报告。';

/** The lower-case extension of an uploaded file name ('' when none). */
export function uploadExtension(name: string | undefined): string {
  return extname(name ?? '').toLowerCase();
}

/** Why a file of this name and announced size is refused before download, or null when it may be fetched. */
export function uploadRefusal(name: string | undefined, size: number | undefined, maxBytes: number): string | null {
  const ext = uploadExtension(name);
  if (ext === '.doc') return `${DOC_REFUSAL}。`;
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext)) {
    return `不支持该文件类型(${ext || '无扩展名'}),请上传 .txt、.html、.htm、.pdf 或 .docx 格式的报告。`;
  }
  return size !== undefined && size > maxBytes ? tooBigText(size, maxBytes) : null;
}

/** `文件过大(12.0 MB),上传上限为 5.0 MB。` */
export function tooBigText(size: number, max: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `文件过大(${mb(size)} MB),上传上限为 ${mb(max)} MB。`;
}

/** The original base name without path tricks or control characters, keeping the extension. */
export function safeUploadName(name: string, ext: string): string {
  const base = basename(name)
    .replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_')
    .slice(-120);
  return base.toLowerCase().endsWith(ext) && base.length > ext.length ? base : `upload${ext}`;
}
