import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Text decoded from bytes with the encoding that was used. */
export interface DecodedText {
  text: string;
  encoding: string;
}

/** Encoding of a byte-order mark at the start of `bytes`, with the BOM length. */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Decodes bytes: BOM first, then strict UTF-8, then the declared charset (HTML meta) if iconv knows it,
 * then chardet's guess among CJK encodings, defaulting to GB18030 (a superset of GBK/GB2312).
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): DecodedText {
  const bom = sniffBom(bytes);
  if (bom) {
    const body = Buffer.from(bytes.subarray(bom.length));
    return { text: iconv.decode(body, bom.encoding), encoding: bom.encoding };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: fall through to legacy CJK encodings.
  }
  const encoding = pickLegacyEncoding(bytes, declared);
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

function pickLegacyEncoding(bytes: Uint8Array, declared: string | null): string {
  const named = declared?.trim().toLowerCase();
  // GB2312/GBK pages routinely contain GBK-only characters, so read them as the superset.
  if (named && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(named)) return 'gb18030';
  if (named && named !== 'utf-8' && named !== 'utf8' && iconv.encodingExists(named)) return named;
  const guess = chardet.detect(bytes)?.toLowerCase() ?? '';
  if (guess === 'big5') return 'big5';
  return 'gb18030';
}
