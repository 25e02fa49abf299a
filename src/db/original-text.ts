import { deflateSync, inflateSync } from 'node:zlib';

/**
 * The stored original text of a report, deflated in chunks with the matching stretch of the report's own
 * paragraphs (its normalized text) as zlib's preset dictionary: the original is mostly that text again, so a
 * chunk compresses to its differences (≈6.6 → 1.9 KB per synthetic report). Rows stored before are one plain
 * zlib stream and still read.
 */

/** First byte of the chunked format; a plain zlib stream starts with 0x78 (or another CM=8 byte), never 1. */
const CHUNKED = 1;
/** Characters of the original per chunk: about 12 KB of UTF-8, leaving room in deflate's window for the dictionary. */
const CHUNK = 4096;
/** Characters of normalized text on each side of a chunk's proportional position (the texts drift apart). */
const MARGIN = 2048;
/** deflate's window: a dictionary longer than this only counts by its end. */
const WINDOW = 32768;

/** Compresses `original` for `report_originals.original`, against the report's paragraph texts. */
export function packOriginal(original: string, paragraphs: readonly string[]): Buffer {
  const joined = paragraphs.join('\n');
  const parts: Buffer[] = [];
  const counts: number[] = [];
  for (let s = 0; s < original.length; ) {
    let e = Math.min(original.length, s + CHUNK);
    // Never split a surrogate pair: each chunk must encode to the same UTF-8 as its part of the whole.
    if (e < original.length && isHighSurrogate(original.charCodeAt(e - 1))) e++;
    const dictionary = dictionaryFor(joined, s, e, original.length);
    const chunk = Buffer.from(original.slice(s, e), 'utf8');
    parts.push(dictionary.length ? deflateSync(chunk, { dictionary }) : deflateSync(chunk));
    counts.push(e - s);
    s = e;
  }
  const header = Buffer.alloc(5 + 8 * parts.length);
  header[0] = CHUNKED;
  header.writeUInt32BE(parts.length, 1);
  parts.forEach((p, i) => {
    header.writeUInt32BE(counts[i]!, 5 + 8 * i);
    header.writeUInt32BE(p.length, 9 + 8 * i);
  });
  return Buffer.concat([header, ...parts]);
}

/** The original text back from a stored value; `paragraphs` (the report's, by ord) is read only when needed. */
export function unpackOriginal(stored: Buffer, paragraphs: () => readonly string[]): string {
  if (stored[0] !== CHUNKED) return inflateSync(stored).toString('utf8');
  const chunks = stored.readUInt32BE(1);
  const counts: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < chunks; i++) {
    counts.push(stored.readUInt32BE(5 + 8 * i));
    sizes.push(stored.readUInt32BE(9 + 8 * i));
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const joined = paragraphs().join('\n');
  let at = 5 + 8 * chunks;
  let s = 0;
  let text = '';
  for (let i = 0; i < chunks; i++) {
    const dictionary = dictionaryFor(joined, s, s + counts[i]!, total);
    const part = stored.subarray(at, at + sizes[i]!);
    text += (dictionary.length ? inflateSync(part, { dictionary }) : inflateSync(part)).toString('utf8');
    at += sizes[i]!;
    s += counts[i]!;
  }
  return text;
}

/** The stretch of normalized text around original characters [s, e) as UTF-8, at most deflate's window. */
function dictionaryFor(joined: string, s: number, e: number, total: number): Buffer {
  const ratio = joined.length / Math.max(1, total);
  const from = Math.max(0, Math.floor(s * ratio) - MARGIN);
  const to = Math.min(joined.length, Math.ceil(e * ratio) + MARGIN);
  const bytes = Buffer.from(joined.slice(from, to), 'utf8');
  return bytes.length > WINDOW ? bytes.subarray(bytes.length - WINDOW) : bytes;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
