/** Which part (review/plan) a figure sits in, and what period it covers. */
import type { FactPeriod, PartScope, ReportMeta, ReportOutline, ReportPart } from '../../domain/report.js';

const PLAN_HEAD = /(工作(安排|意见|建议|计划|思路|打算|部署|要点|任务)|主要任务|重点任务|目标任务|总体要求)/;
const REVIEW_HEAD = /(回顾|主要工作|工作总结|工作情况)/;

/** The outline's parts, or a guess from short heading lines when the outline has none. */
export function resolveParts(text: string, outline: ReportOutline): ReportPart[] {
  if (outline.parts.length) return outline.parts;
  let offset = 0;
  let review = -1;
  let plan = -1;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.length > 0 && t.length <= 30 && !/[。;；]/.test(t)) {
      if (plan < 0 && review >= 0 && PLAN_HEAD.test(t) && !REVIEW_HEAD.test(t)) plan = offset;
      else if (review < 0 && REVIEW_HEAD.test(t)) review = offset;
    }
    offset += line.length + 1;
  }
  if (plan < 0) return [];
  const parts: ReportPart[] = [{ title: '', scope: 'review', start: Math.max(0, review), end: plan }];
  parts.push({ title: '', scope: 'plan', start: plan, end: text.length });
  return parts;
}

/** The part holding an offset, or null. */
export function partAt(parts: ReportPart[], offset: number): ReportPart | null {
  for (const p of parts) if (offset >= p.start && offset < p.end) return p;
  return null;
}

/** The scope of the part holding an offset; before the review part counts as review (intro figures). */
export function scopeAt(parts: ReportPart[], offset: number): PartScope | null {
  const p = partAt(parts, offset);
  if (p) return p.scope;
  const firstPlan = parts.find((x) => x.scope === 'plan');
  if (firstPlan && offset < firstPlan.start) return 'review';
  return null;
}

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
