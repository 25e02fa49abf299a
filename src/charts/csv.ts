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

/** CsvData → CSV bytes: UTF-8 with BOM, CRLF line ends, header row first. */
export function toCsv(csv: CsvData): Buffer {
  const lines = [csv.columns, ...csv.rows].map((row) => row.map(csvField).join(','));
  return Buffer.concat([BOM, Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
