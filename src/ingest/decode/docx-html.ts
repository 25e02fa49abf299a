import mammoth from 'mammoth';
import type { DecodedFile } from '../../domain/report.js';
import { IngestError, DOC_REFUSAL } from '../../errors.js';
import { decodeHtml } from './html.js';
import { zipRefusal } from './zip-guard.js';

/** Largest .docx accepted (compressed). */
const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** Refusal of the legacy binary Word format. */

/** True for an OLE2 compound file (a .doc, whatever its extension). */
function isOle2(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Converts a .docx to HTML with mammoth (headers, footers and comments are not part of its output) and
 * runs the HTML path. The zip directory is checked first so that a zip bomb is never inflated.
 */
export async function decodeDocx(file: string, bytes: Uint8Array): Promise<DecodedFile> {
  if (isOle2(bytes)) throw new IngestError(file, DOC_REFUSAL);
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new IngestError(
      file,
      `.docx 文件过大(${(bytes.length / 1024 / 1024).toFixed(1)} MB,上限 ${MAX_DOCX_BYTES / 1024 / 1024} MB)`,
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new IngestError(file, '不是有效的 .docx 文件');
  const refusal = zipRefusal(bytes);
  if (refusal) throw new IngestError(file, refusal);
  let html: string;
  try {
    // Images are dropped: the text is what is ingested, and inlined base64 images would only cost memory.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new IngestError(file, `.docx 无法解析(${error instanceof Error ? error.message.slice(0, 80) : String(error)})`);
  }
  const page = `<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`;
  const decoded = decodeHtml(file, Buffer.from(page, 'utf-8'));
  return { ...decoded, encoding: 'docx' };
}
