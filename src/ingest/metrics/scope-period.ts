/** What period a figure covers (which part it sits in is the outline's: outline/part-at.ts). */
import type { FactPeriod, ReportMeta, ReportPart } from '../../domain/report.js';

const TERM =
  /五年来|五年间|五年中|过去五年|这五年|的五年|[二三四五]年累计|本届以来|本届政协|届内|年均|[一二三四五六七八九十]+届.{0,4}以来|“?十[一二三四五]五”?(期间|以来|时期|末)/;
const SESSION = /次会议以来|次会议期间|会议以来|大会期间/;
const PARTIAL = /(?<![年\d])\d{1,2}月(份)?以来|上半年|前三季度|一季度|截至目前/;
const YEAR = /一年来|全年|年内|年度|过去一年|\d{4}年/;

/** A period stated by the sentence itself, or null when it states none. */
export function statedPeriod(sentence: string): FactPeriod | null {
  if (TERM.test(sentence)) return 'term';
  if (PARTIAL.test(sentence)) return 'partial';
  if (SESSION.test(sentence)) return 'session';
  if (YEAR.test(sentence)) return 'year';
  return null;
}

/** The period when the sentence states none: a term when the report or the part title says so, else the year reviewed. */
export function defaultPeriod(part: ReportPart | null, reportPeriod: ReportMeta['period'] = 'year'): FactPeriod {
  // A term report's unmarked figures are the term's (十二届…共提提案5143件), never one year's.
  if (reportPeriod === 'term') return 'term';
  if (part && /五年|本届/.test(part.title) && !/\d{4}年/.test(part.title)) return 'term';
  // An unstated period is the report's own: the year reviewed, known or not (the year itself is metadata).
  return 'year';
}
