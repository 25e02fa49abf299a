import type { CsvData } from '../service/reply/reply-model.js';

/** UTF-8 byte order mark: without it Excel opens UTF-8 CSV as the local code page and garbles Chinese. */
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled; null = empty. */
export function csvField(value: string | number | null): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Text that starts like a formula would be executed by spreadsheets (CSV injection); a leading ' keeps it text.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows encoded per chunk: a lazy export's rows are dropped as soon as their chunk is bytes. */
const CHUNK_ROWS = 1000;

/** Largest scratch buffer kept between exports (a 100,000-row export is ~7.5 MB). */
const KEEP_SCRATCH = 16 * 1024 * 1024;

/**
 * The buffer exports are encoded into, reused: a chunk's text dies young and only the final copy is new memory.
 * A Buffer per chunk lived through the whole export, so V8 promoted it and its bytes (outside the heap) stayed
 * garbage until a full collection: 30k reports, +2.1 MB of array buffers per export, 8 exports without one.
 */
let scratch = Buffer.allocUnsafeSlow(64 * 1024);

/** Appends `text` as UTF-8 at `at` in the scratch buffer (grown when it is too small); the new end. */
function put(text: string, at: number): number {
  const end = at + Buffer.byteLength(text, 'utf8');
  if (end > scratch.length) {
    let size = scratch.length * 2;
    while (size < end) size *= 2;
    const grown = Buffer.allocUnsafeSlow(size);
    scratch.copy(grown, 0, 0, at);
    scratch = grown;
  }
  return at + scratch.write(text, at, 'utf8');
}

/** CsvData → CSV bytes: UTF-8 with BOM, CRLF line ends, header row first. */
export function toCsv(csv: CsvData): Buffer {
  let at = BOM.copy(scratch, 0);
  let lines = [csv.columns.map(csvField).join(',')];
  for (const row of csv.rows) {
    lines.push(row.map(csvField).join(','));
    if (lines.length >= CHUNK_ROWS) {
      at = put(`${lines.join('\r\n')}\r\n`, at);
      lines = [];
    }
  }
  if (lines.length) at = put(`${lines.join('\r\n')}\r\n`, at);
  const out = Buffer.from(scratch.subarray(0, at));
  if (scratch.length > KEEP_SCRATCH) scratch = Buffer.allocUnsafeSlow(64 * 1024);
  return out;
}
