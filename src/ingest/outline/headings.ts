import type { PartScope } from '../../domain/report.js';

/** Kinds of numbered headings, in their usual nesting order. */
export type MarkerKind = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic';

/** Nesting order of marker kinds (一、 above (一) above 1. above (1)). */
export const KIND_ORDER: MarkerKind[] = ['cn', 'paren-cn', 'arabic', 'paren-arabic'];

const MARKERS: { kind: MarkerKind; re: RegExp }[] = [
  { kind: 'cn', re: /^([一二三四五六七八九十]{1,3})[、．.](?![一二三四五六七八九十]、)/ },
  { kind: 'paren-cn', re: /^[（(]([一二三四五六七八九十]{1,3})[）)]/ },
  { kind: 'arabic', re: /^(\d{1,2})(?:[、．]|\.(?!\d))/ },
  { kind: 'paren-arabic', re: /^[（(](\d{1,2})[）)]/ },
];

/** Longest title kept for an inline heading (heading and body on one line). */
const MAX_TITLE = 40;
/** Longest part heading (工作回顾 / 工作安排 lines are short). */
const MAX_PART = 30;
/** Longest loose part heading: with no year or span in front (2021年…) they are short titles (下一步工作打算). */
const MAX_LOOSE_PART = 20;

const REVIEW = /回顾|总结|成就|过去/;
/** A span up to now (一年来的主要工作, 本届以来): looks back, though 主要工作 alone would name a plan. */
const SINCE = /[年届]以?来|以来/;
const PLAN = /安排|意见|任务|重点工作|建议|目标|今后|打算|部署|思路|展望|主要工作/;
const PART_SHAPE =
  /^(?:(?:19|20)\d{2}|20xx|二〇..|过去|今后|五年|一年|本届|.届|“十.五”|新的一年|明年|今年).{0,24}(?:回顾|总结|成就|工作|安排|意见|任务|目标|打算|部署|建议)$|^.{0,10}工作的?回顾$/;

/** A numbered heading found at the start of a line. */
export interface Marker {
  kind: MarkerKind;
  /** Heading text without the marker. */
  rest: string;
}

/** The numbering marker at the start of `line`, or null (一是/二是 are not markers). */
export function readMarker(line: string): Marker | null {
  for (const { kind, re } of MARKERS) {
    const m = re.exec(line);
    if (m) return { kind, rest: line.slice(m[0].length).trim() };
  }
  return null;
}

/** Scope of a part heading line (2020年工作回顾 → review, 2021年工作安排 → plan), or null when it is not one. */
export function partScope(text: string): PartScope | null {
  const t = text.replace(/[。：:]$/, '');
  if (t.length > MAX_PART || /[，。；！？,;]/.test(t) || !PART_SHAPE.test(t) || leadIn(text)) return null;
  if ((REVIEW.test(t) || SINCE.test(t)) && !/今后|任务|安排|意见|打算/.test(t)) return 'review';
  if (PLAN.test(t)) return 'plan';
  return null;
}

/** 一年来 in a line ending in 。 is a lead-in sentence (五年来主要做了以下工作。), not a heading; the text is review anyway. */
function leadIn(line: string): boolean {
  return line.endsWith('。') && SINCE.test(line) && !REVIEW.test(line);
}

/** Planned work named in a loose part heading: 工作安排…工作要点, 主要任务, 目标任务, 总体要求. */
const LOOSE_PLAN = /工作(?:安排|意见|建议|计划|思路|打算|部署|要点|任务|重点|目标|要求)|(?:主要|重点|目标)任务|总体要求/;
/** A coming period opening a heading (下一步工作打算, 明年主要工作): what follows is planned. */
const FORWARD = /^(?:今后|明年|新的一年|下一步|下步|今年)/;
/** Done work named in a loose part heading (主要工作情况, 工作总结); 主要工作 alone looks back too. */
const LOOSE_REVIEW = /回顾|总结|情况|成就|成绩|过去|^主要工作$/;

/**
 * Scope of a loose part heading, for reports without the usual ones (2020年工作回顾 / 2021年工作意见): a short
 * title (主要工作情况, 下一步工作打算, 今后工作思路) naming done or planned work. A title naming both
 * (工作总结和下一步打算) looks back: it opens no plan.
 */
export function loosePartScope(text: string): PartScope | null {
  const t = text.replace(/[。：:]$/, '');
  if (t.length > MAX_LOOSE_PART || /[，。；！？,;!?]/.test(t) || leadIn(text)) return null;
  if (LOOSE_REVIEW.test(t) || SINCE.test(t)) return 'review';
  if (LOOSE_PLAN.test(t) || (FORWARD.test(t) && /(?:工作|安排|意见|建议|计划|思路|打算|部署|要点|任务|重点|展望)$/.test(t)))
    return 'plan';
  return null;
}

/** Title of a heading line: the whole line when short, else its first sentence if that is short. */
export function headingTitle(rest: string, strict: boolean): string | null {
  const clean = rest.trim();
  if (!clean) return null;
  const firstSentence = /^[^。！？!?；;]*[。！？!?；;]?/.exec(clean)?.[0] ?? clean;
  const bare = firstSentence.replace(/[。！？!?；;：:]$/, '');
  if (firstSentence.length === clean.length && bare.length <= MAX_TITLE * 1.5) return bare;
  if (bare.length <= MAX_TITLE) return bare;
  if (strict) return null;
  const clause = /^[^，,]*/.exec(bare)?.[0] ?? bare;
  return clause.length <= MAX_TITLE ? clause : `${bare.slice(0, MAX_TITLE)}…`;
}

/** A short unnumbered heading of a feature article (旗帜鲜明讲政治): 4–14 chars, no punctuation. */
export function isPlainHeading(line: string): boolean {
  return line.length >= 4 && line.length <= 14 && !/[，。；：！？、,.;:!?“”"（）()《》—…\d]/.test(line);
}
