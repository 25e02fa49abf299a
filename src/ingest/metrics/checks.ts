/**
 * Precision checks on one figure's wording: each returns a Chinese reason the figure is not what its key's
 * label says (a threshold, a start value, a target, a change in membership, a sub-count …). A flagged fact is
 * kept but never headline.
 */
import type { Mention } from './number-grammar.js';
import { clauseStart } from './sentences.js';

const THRESHOLD_BEFORE = /(突破|迈上|迈入|跨越|跨上|跃上|站上|越过)[^,，。]{0,8}$/;
const THRESHOLD_AFTER = /^[^,，。]{0,2}(大关|台阶|关口)/;
const FROM_BEFORE = /[从由]$/;
const FROM_AFTER = /^(提高|提升|增加|增长|扩大|上升|下降|减少|降低|跃升|跃居)?(到|至)/;
const TARGET = /(目标|力争|争取|确保|奋斗|要达到|将达到|计划)/;
const MEMBER_CHANGE = /(辞去|撤销|增补|免去|暂停|调整|退出|补选|递补)/;
/** Words between a meeting cue and its number that make the count something else (发言, 宣讲 by its members). */
const NOT_MEETINGS = /(发言|宣讲|成员|调研|视察|走访|讲话|参加|出席)/;
/** Category words in front of a proposal count: the count is one kind, not the total. */
const SUB_COUNT = /((方面|类|党派|团体|界别|专委会|专门委员会|工商联|个人|联名|集体|重点|平时)的?提案|其中)/;
const TOTALS = new Set(['proposals.received', 'proposals.filed', 'proposals.answered']);

/** What a check needs about one classified figure. */
export interface CheckInput {
  key: string;
  /** The rule that gave the key (`cue:…`, `weak:…`, `noun:…`). */
  rule: string;
  cue: string;
  sentence: string;
  mention: Mention;
  /** Start of the words that belong to this figure in the sentence. */
  windowStart: number;
}

/** Reasons (Chinese) the figure's wording makes it unfit as a headline value; empty when none. */
export function wordingFlags(x: CheckInput): string[] {
  const { key, sentence, mention: m } = x;
  const out: string[] = [];
  const clause = sentence.slice(clauseStart(sentence, m.start), m.start);
  const after = sentence.slice(m.unitEnd, m.unitEnd + 12);
  const own = sentence.slice(x.windowStart, m.start);
  if (/^突破/.test(m.raw) || THRESHOLD_BEFORE.test(clause) || THRESHOLD_AFTER.test(after))
    out.push('门槛值（突破/迈上），非实际数');
  if (FROM_BEFORE.test(sentence.slice(0, m.start)) && FROM_AFTER.test(after)) out.push('起始值（从X到Y），非当前数');
  if (TARGET.test(clause)) out.push('目标或口号，非实绩');
  if (key === 'members.count' && (MEMBER_CHANGE.test(clause) || /^[^,，]{0,4}职务/.test(after))) out.push('委员变动，非委员人数');
  if (key.startsWith('meetings.') && x.cue) {
    const at = own.lastIndexOf(x.cue);
    const gap = at >= 0 ? own.slice(at + x.cue.length) : own;
    if (NOT_MEETINGS.test(gap)) out.push('发言或活动次数，非会议次数');
  }
  if (TOTALS.has(key) && SUB_COUNT.test(clause)) out.push('分类小计，非总数');
  if (key === 'consultations.events' && x.rule.startsWith('weak:')) out.push('某一类协商，非协商活动总数');
  if ((m.unit === '%' && m.value > 100 && /_rate$/.test(key)) || m.value < 0) out.push('比率超过100%');
  return out;
}
