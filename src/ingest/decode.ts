import { extname } from 'node:path';
import type { DecodedFile } from '../domain/report.js';
import { IngestError } from '../errors.js';
import { looksBinary } from './decode/binary.js';
import { decodeBytes, sniffBom } from './decode/charset.js';
import { decodeHtml, looksLikeHtml } from './decode/html.js';

/** Decodes raw bytes into text: refuses binary data, detects the encoding, extracts the main text of HTML pages. */
export function decodeInput(file: string, bytes: Buffer): DecodedFile {
  // UTF-16 text is full of NUL bytes, so the binary check only runs on BOM-less input.
  if (!sniffBom(bytes) && looksBinary(bytes)) throw new IngestError(file, '二进制文件,无法读取');
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return decodeHtml(file, bytes);
  const decoded = decodeBytes(bytes);
  if (looksLikeHtml(decoded.text.slice(0, 512))) return decodeHtml(file, bytes);
  if (decoded.text.includes('\u0000')) throw new IngestError(file, '二进制文件,无法读取');
  return { file, text: decoded.text, encoding: decoded.encoding, pageTitle: null, pageDate: null };
}
