/** The locality that issues a report, resolved against the gazetteer. */
import type { RegionRef } from '../../domain/report.js';
import { lookupFull, lookupShort, regionByCode } from '../../gazetteer/gazetteer.js';
import { nationalRegion } from '../../gazetteer/national.js';
import { changesFrom } from '../../gazetteer/renames.js';
import { findMentions, type Mention } from './mentions.js';

/** Level a self-reference word points to (市政协, 我县, 全区 …). */
const SELF_REF = /(?:我|全|本)(市|县|区|州|旗|省)|(市|县|区|州|旗|省)(?:政协|委|人大|政府|[*]协)/g;

const ORDINAL = '第[一二三四五六七八九十]{1,3}届';

/**
 * A short name that begins a longer proper name of a smaller place or an organisation (滨湖世纪社区, 滨湖功能区,
 * 某某大道) names that, not the region: a district's own zones are named after other places as often as after it.
 */
const LONGER_NAME = /^[\u4e00-\u9fa5]{0,4}?(社区|小区|村委|功能区|片区|新城|大道|路|街道?|广场|公司|集团|医院|学校|中学|小学)/;

/** Whether a short-name mention is only the start of a longer name (see LONGER_NAME). */
function insideLongerName(text: string, m: Mention): boolean {
  if (m.full) return false;
  return LONGER_NAME.test(text.slice(m.end, m.end + 8));
}

// Cue patterns around a mention, built once (not per mention).
const CPPCC_BEFORE = new RegExp(`(政协|[*]协|政治协商会议)(${ORDINAL})?$`);
const COMMITTEE_AFTER = new RegExp(`^(${ORDINAL})?委员会`);
const CONGRESS_AFTER = new RegExp(`^${ORDINAL}人民代表大会`);

/** Cue weight of one mention from the words around it: who is speaking, which body, which session. */
function cueWeight(text: string, m: Mention, chained: boolean): number {
  const after = text.slice(m.end, m.end + 24).replace(/\s+/g, '');
  const before = text.slice(Math.max(0, m.start - 24), m.start).replace(/\s+/g, '');
  if (chained) return 0;
  let w = 0;
  const cppccBefore = CPPCC_BEFORE.test(before.replace(/[\u4e00-\u9fa5]{2,5}[市州]$/, ''));
  if (cppccBefore && COMMITTEE_AFTER.test(after)) w += 6;
  if (/^(政协|[*]协)/.test(after)) w += 3;
  if (CONGRESS_AFTER.test(after)) w += /在$/.test(before) ? 8 : 5;
  if (/^(人民代表大会常务委员会|人大常委会|人民政府)/.test(after)) w += 4;
  if (/(我代表|我受)(政协|[*]协|中国人民政治协商会议)?([\u4e00-\u9fa5]{2,5}[市州])?$/.test(before)) w += 10;
  return w;
}

interface Candidate {
  ref: RegionRef;
  score: number;
}

/** Region names a mention may denote (an old name denotes the unit that carries on today). */
function refsOf(m: Mention): RegionRef[] {
  const refs = m.full ? lookupFull(m.form) : lookupShort(m.form);
  if (refs.length) return refs;
  return changesFrom(m.form).flatMap((c) => regionByCode(c.toCode) ?? []);
}

/** The national bodies as issuers: 政协第十四届全国委员会, 全国政协十四届三次会议, 第十四届全国人民代表大会. */
const NATIONAL_BODY = new RegExp(
  `(政协|政治协商会议)${ORDINAL}全国委员会|全国政协第?[一二三四五六七八九十]{1,3}届|${ORDINAL}全国人民代表大会|全国人大常委会工作报告|全国人民代表大会常务委员会工作报告`,
);

/** Index of the line holding `offset`: the last start at or before it (`starts` ascending, starts[0] = 0). */
function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The issuing region: strongest cue (政协XX市第N届委员会, 在XX市第N届人民代表大会, 我代表XX人民政府…) plus mentions, level and context. */
export function findRegion(text: string): RegionRef | null {
  const lines = text.split('\n');
  // Table-of-contents lines (title + page number) name other reports.
  const toc = lines.map((l) => /\S\s+\d{1,4}$/.test(l.trim()) && /报告|工作/.test(l));
  // Where each line starts, to find a mention's line by binary search (was an entry per character).
  const starts: number[] = [];
  let offset = 0;
  for (const l of lines) {
    starts.push(offset);
    offset += l.length + 1;
  }
  const mentions = findMentions(text).filter((m) => !toc[lineOf(starts, m.start)] && !insideLongerName(text, m));
  const national = NATIONAL_BODY.exec(text.slice(0, 1500));
  if (!mentions.length) return national ? nationalRegion() : null;

  const levelCounts = new Map<string, number>();
  for (const m of text.matchAll(SELF_REF)) {
    // One of the two alternatives always captures the level.
    const level = m[1] ?? m[2];
    if (level === undefined) continue;
    levelCounts.set(level, (levelCounts.get(level) ?? 0) + 1);
  }
  const totalSelf = [...levelCounts.values()].reduce((a, b) => a + b, 0) || 1;

  const named = new Set(mentions.map((m) => m.form));
  const candidates = new Map<string, Candidate>();
  const cueSeen = new Map<string, number>();
  let firstLocalCue = Number.POSITIVE_INFINITY;
  mentions.forEach((m, i) => {
    const chained = mentions[i + 1]?.start === m.end;
    const cue = cueWeight(text, m, chained);
    if (cue >= 5) firstLocalCue = Math.min(firstLocalCue, m.start);
    for (const ref of refsOf(m)) {
      const c = candidates.get(ref.code) ?? { ref, score: 0 };
      const seen = cueSeen.get(ref.code) ?? 0;
      // Repeated cues (a title printed three times) add less each time.
      if (cue) cueSeen.set(ref.code, seen + 1);
      c.score += cue / (1 + seen) + (m.full ? 1 : 0.6) / Math.max(1, refsOf(m).length);
      candidates.set(ref.code, c);
    }
  });

  let best: Candidate | null = null;
  for (const c of candidates.values()) {
    const { ref } = c;
    const selfLevel = ref.level === '直辖市' ? '市' : ref.level === '自治区' ? '区' : ref.level.slice(-1);
    c.score += 4 * ((levelCounts.get(selfLevel) ?? 0) / totalSelf);
    // Homonyms (安宁市/安宁区) are told apart by the province and prefecture the text names.
    const province = ref.province ? lookupFull(ref.province)[0] : undefined;
    if (ref.tier !== '省级' && ((ref.province && named.has(ref.province)) || (province && named.has(province.short))))
      c.score += 1.5;
    const parent = ref.parent ? lookupFull(ref.parent)[0] : null;
    if (parent && parent.tier !== '省级' && (named.has(parent.name) || named.has(parent.short))) c.score += 1.5;
    if (!best || c.score > best.score || (c.score === best.score && ref.tier < best.ref.tier)) best = c;
  }
  // A national body named before any local issuer (政协XX市第N届委员会 …) issues the report.
  if (national && national.index < firstLocalCue) return nationalRegion();
  return best ? { ...best.ref } : null;
}
