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

/** CsvData → CSV bytes: UTF-8 with BOM, CRLF line ends, header row first. */
export function toCsv(csv: CsvData): Buffer {
  const chunks: Buffer[] = [BOM];
  let lines = [csv.columns.map(csvField).join(',')];
  for (const row of csv.rows) {
    lines.push(row.map(csvField).join(','));
    if (lines.length >= CHUNK_ROWS) {
      chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
  return Buffer.concat(chunks);
}
