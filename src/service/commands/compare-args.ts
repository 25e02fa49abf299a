import { provinceOf } from '../query/region-resolver.js';
import { takeYear, type YearRange } from '../query/year.js';

/** Arguments of `/compare <metric or topic> [year or range] [province] [csv] [第N页]`. */
export interface CompareQuery {
  words: string;
  year: YearRange | null;
  province: string | null;
  page: number;
  csv: boolean;
}

/** Reads a compare command's arguments; the words left over name the metric or topic. */
export function parseCompareArgs(args: string[]): CompareQuery {
  const { year, rest } = takeYear(args);
  let page = 1;
  let csv = false;
  let province: string | null = null;
  const words: string[] = [];
  for (const tok of rest) {
    const p = /^(?:第(\d+)页|p(?:age)?(\d+))$/i.exec(tok);
    if (p) page = Math.max(1, Number(p[1] ?? p[2]));
    else if (/^csv$/i.test(tok)) csv = true;
    else if (words.length && !province && provinceOf(tok)) province = provinceOf(tok);
    else words.push(tok);
  }
  return { words: words.join(' '), year, province, page, csv };
}

/** The command line for another page of the same comparison. */
export function compareLine(q: CompareQuery, page: number): string {
  const parts = ['/compare', q.words];
  if (q.year) parts.push(q.year.from === q.year.to ? String(q.year.from) : `${q.year.from}-${q.year.to}`);
  if (q.province) parts.push(q.province);
  if (page > 1) parts.push(`第${page}页`);
  return parts.join(' ');
}
