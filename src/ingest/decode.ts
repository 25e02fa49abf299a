import { extname } from 'node:path';
import type { DecodedFile } from '../domain/report.js';
import { DOC_REFUSAL, IngestError } from '../errors.js';
import { looksBinary } from './decode/binary.js';
import { decodeBytes, sniffBom } from './decode/charset.js';
import { decodeDocx } from './decode/docx-html.js';
import { decodeHtml, looksLikeHtml } from './decode/html.js';
import { hasMarkup } from './decode/html-limits.js';
import { decodePdf } from './decode/pdf-text.js';

/** Document formats decoded asynchronously (by a parser library) rather than as text. */
export type DocumentFormat = 'pdf' | 'docx' | 'doc';

/** The document format of a file by its extension, or null for text and HTML. */
export function documentFormat(file: string): DocumentFormat | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc') return 'doc';
  return null;
}

/** Decodes any supported input: PDF and .docx through their parsers, everything else as text or HTML. */
export async function decodeDocument(file: string, bytes: Buffer, format = documentFormat(file)): Promise<DecodedFile> {
  if (format === 'pdf') return decodePdf(file, bytes);
  if (format === 'docx') return decodeDocx(file, bytes);
  if (format === 'doc') throw new IngestError(file, DOC_REFUSAL);
  return decodeInput(file, bytes);
}

/** Decodes raw bytes into text: refuses binary data, detects the encoding, extracts the main text of HTML pages. */
export function decodeInput(file: string, bytes: Buffer): DecodedFile {
  // UTF-16 text is full of NUL bytes, so the binary check only runs on BOM-less input.
  if (!sniffBom(bytes) && looksBinary(bytes)) throw new IngestError(file, '二进制文件,无法读取');
  const ext = extname(file).toLowerCase();
  const decoded = decodeBytes(bytes);
  // Plain text saved as .html has no markup to parse: it takes the text path.
  if ((ext === '.html' || ext === '.htm') && hasMarkup(decoded.text.slice(0, 64 * 1024))) return decodeHtml(file, bytes);
  if (looksLikeHtml(decoded.text.slice(0, 512))) return decodeHtml(file, bytes);
  if (decoded.text.includes('\u0000')) throw new IngestError(file, '二进制文件,无法读取');
  return { file, text: decoded.text, encoding: decoded.encoding, pageTitle: null, pageDate: null };
}
