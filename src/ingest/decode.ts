import type { DecodedFile } from '../domain/report.js';

/** Decodes raw bytes into text (stub: UTF-8 only; replaced by the decode stage). */
export function decodeInput(file: string, bytes: Buffer): DecodedFile {
  return { file, text: bytes.toString('utf8'), encoding: 'utf-8', pageTitle: null, pageDate: null };
}
