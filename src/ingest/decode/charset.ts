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
    // Not valid UTF-8: almost valid stays UTF-8 below, the rest falls through to legacy CJK encodings.
  }
  const almost = almostUtf8(bytes);
  if (almost) return almost;
  const encoding = pickLegacyEncoding(bytes, declared);
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

/** Invalid sequences tolerated per thousand multi-byte characters before the text is taken for another charset. */
const MAX_INVALID_PER_MILLE = 5;

/**
 * UTF-8 with a few broken bytes (a truncated copy, a bad sector) decoded as UTF-8 with U+FFFD for each broken
 * sequence, and the encoding saying so; null when the bytes are not mostly UTF-8. Why: a legacy decoder turns
 * the whole text into mojibake (宸炴敛…) to explain four bad bytes, which is far worse than four U+FFFD.
 */
function almostUtf8(bytes: Uint8Array): DecodedText | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multiByte = 0;
  for (const ch of text) {
    if (ch === '\ufffd') replaced++;
    else if (ch.codePointAt(0)! > 0x7f) multiByte++;
  }
  // U+FFFD that was really in the file (EF BF BD) is no decoding error.
  replaced -= countReal(bytes);
  if (replaced <= 0 || multiByte < 20 || replaced * 1000 > multiByte * MAX_INVALID_PER_MILLE) return null;
  return { text, encoding: `utf-8(${replaced} 处无效字节已替换为 U+FFFD)` };
}

function countReal(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) n++;
  return n;
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
