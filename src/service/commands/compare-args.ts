import type { ReportBody } from '../../domain/report.js';
import { provinceOf } from '../query/region-resolver.js';
import { takeYear, type YearRange } from '../query/year.js';
import type { CompareTier } from '../../domain/compare-tier.js';

/** Rows per page of a comparison. */
export const PAGE_SIZE = 20;

/** “2022年 四川省 县级” — the scope of a comparison in words. */
export function scopeText(q: Pick<CompareQuery, 'year' | 'province'> & { tier?: string | null }): string {
  const year = q.year ? (q.year.from === q.year.to ? `${q.year.from}年` : `${q.year.from}—${q.year.to}年`) : '';
  return `${year}${q.province ?? ''}${q.tier ?? ''}`;
}

/** Arguments of `/compare <metric or topic> [year or range] [province] [level] [body] [含存疑] [csv] [第N页]`. */
export interface CompareQuery {
  words: string;
  year: YearRange | null;
  province: string | null;
  /** Only regions of this tier (省级 / 地级 / 县级 / 全国), null for all, grouped by tier. */
  tier: CompareTier | null;
  /** Only reports of this body; null = the metric's default (政协 for 提案-like metrics). */
  body: ReportBody | null;
  /** Count rows whose figure failed a check (`含存疑`) in the stats and chart too. */
  includeDoubtful: boolean;
  page: number;
  csv: boolean;
}

/** Words for a tier: 省级/地级/县级 and the level words of region names (市 and 州 are prefecture-level as a rule). */
const TIER_WORDS = new Map<string, CompareTier>([
  ['全国', '全国'],
  ['国家级', '全国'],
  ['省级', '省级'],
  ['省', '省级'],
  ['地级', '地级'],
  ['市级', '地级'],
  ['地市', '地级'],
  ['市', '地级'],
  ['州', '地级'],
  ['盟', '地级'],
  ['县级', '县级'],
  ['县', '县级'],
  ['区', '县级'],
  ['旗', '县级'],
  ['区县', '县级'],
]);

const BODY_WORDS = new Map<string, ReportBody>([
  ['政协', '政协'],
  ['人大', '人大'],
  ['政府', '政府'],
]);

/** Reads a compare command's arguments; the words left over name the metric(s) or topic. */
export function parseCompareArgs(args: string[]): CompareQuery {
  const { year, rest } = takeYear(args);
  let page = 1;
  let csv = false;
  let province: string | null = null;
  let tier: CompareTier | null = null;
  let body: ReportBody | null = null;
  let includeDoubtful = false;
  const words: string[] = [];
  for (const tok of rest) {
    const p = /^(?:第(\d+)页|p(?:age)?(\d+))$/i.exec(tok);
    if (p) page = Math.max(1, Number(p[1] ?? p[2]));
    else if (/^csv$/i.test(tok)) csv = true;
    else if (tok === '含存疑') includeDoubtful = true;
    else if (words.length && !tier && TIER_WORDS.has(tok)) tier = TIER_WORDS.get(tok)!;
    else if (words.length && !body && BODY_WORDS.has(tok)) body = BODY_WORDS.get(tok)!;
    else if (words.length && !province && provinceOf(tok)) province = provinceOf(tok);
    else words.push(tok);
  }
  return { words: words.join(' '), year, province, tier, body, includeDoubtful, page, csv };
}

/** The command line for another page (or column) of the same comparison. */
export function compareLine(q: CompareQuery, page: number, words: string = q.words): string {
  const parts = ['/compare', words];
  if (q.year) parts.push(q.year.from === q.year.to ? String(q.year.from) : `${q.year.from}-${q.year.to}`);
  if (q.province) parts.push(q.province);
  if (q.tier) parts.push(q.tier);
  if (q.body) parts.push(q.body);
  if (q.includeDoubtful) parts.push('含存疑');
  if (page > 1) parts.push(`第${page}页`);
  return parts.join(' ');
}
