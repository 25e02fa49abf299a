/** Assigns canonical keys to the figures of one sentence from the words around them. */
import type { ReportBody } from '../../domain/report.js';
import { ANSWERED_AFTER, MULTI_CUES, SPLIT_CUES } from './registry/cues.js';
import type { Cue, KeyDef } from './registry/key-def.js';
import { BASE_OF_GROWTH, KEY_BY_NAME, KEYS } from './registry/keys.js';
import type { Mention } from './number-grammar.js';
import { clauseStart } from './clauses.js';
import { baseUnit, isMoney } from './units.js';

/** A key given to a mention, with the cue that decided it. */
export interface Assignment {
  mention: Mention;
  key: string;
  /** The cue text that decided the key ('' when derived or `other`). */
  cue: string;
  /** True when the def's preferCue matched (实际立案). */
  preferred: boolean;
  /** Start of the words that belong to this figure (since the clause start or the previous figure). */
  windowStart: number;
  /** Decided only by a weak cue (提案 alone): loses headline choice to strong readings. */
  weak: boolean;
  /** Which rule gave the key: `cue:立案`, `list`, `split`, `growth`, `share`, `inherit`, `multi`, `other`. */
  rule: string;
}

interface Hit {
  def: KeyDef;
  tier: number;
  distance: number;
  len: number;
  start: number;
  text: string;
}

const GROWTH_WORDS = /增长|增速|增幅|提高|同比|比上年/;
const SHARE_WORDS = /占[^,，]{0,10}$|比重|占比/;
const LIST_ALL = /(均|都|全部)(为|达|达到|是|在)?$/;
/** A window with no words of its own (、增长 / ,达): the figure continues the previous one. */
const BARE_WINDOW = /[、,，\s达到为共计和及分别是增长同比增速实现完成提高升扩大至]/g;
const QUOTES = /[“”「」『』"]/g;
const AFTER_STOP = /[,，、;；:：。]/;

/** Whether a key may be used for this unit and issuing body. */
function fits(def: KeyDef, unit: string, body: ReportBody | null): boolean {
  if (def.bodies && !def.bodies.includes(body ?? '政协')) return false;
  if (def.notBodies && body && def.notBodies.includes(body)) return false;
  const bare = baseUnit(unit);
  return def.units.some((u) => (u === 'money' ? isMoney(unit) : u === bare || u === unit));
}

/** The keys a figure of this unit may take in a report of this body, by `${body}|${unit}` (KEYS is constant). */
const FITTING = new Map<string, KeyDef[]>();

/** KEYS filtered by fits, computed once per unit and body: the filter ran for every figure of every report. */
function fittingKeys(unit: string, body: ReportBody | null): KeyDef[] {
  const key = `${body ?? ''}|${unit}`;
  let defs = FITTING.get(key);
  if (!defs) FITTING.set(key, (defs = KEYS.filter((d) => fits(d, unit, body))));
  return defs;
}

/** Global copies of the table's regex cues, compiled once. */
const GLOBAL = new WeakMap<RegExp, RegExp>();

/** Last match of a cue in `text` as [start, end, matched], or null. */
function lastMatch(text: string, cue: Cue): [number, number, string] | null {
  if (typeof cue === 'string') {
    const i = text.lastIndexOf(cue);
    return i < 0 ? null : [i, i + cue.length, cue];
  }
  let found: [number, number, string] | null = null;
  let re = GLOBAL.get(cue);
  if (!re) GLOBAL.set(cue, (re = new RegExp(cue.source, `${cue.flags.replace('g', '')}g`)));
  for (const m of text.matchAll(re)) found = [m.index, m.index + m[0].length, m[0]];
  return found;
}

/** Every cue hit of the given defs in the window before and the noun after a figure. */
function hits(defs: KeyDef[], window: string, after: string): Hit[] {
  const out: Hit[] = [];
  for (const def of defs) {
    for (const [cues, tier] of [
      [def.cues, 0],
      [def.weak, 2],
    ] as const) {
      for (const cue of cues ?? []) {
        const m = lastMatch(window, cue);
        if (m) out.push({ def, tier, distance: window.length - m[1], len: m[2].length, start: m[0], text: m[2] });
      }
    }
    for (const cue of def.nouns ?? []) {
      const m = lastMatch(after, cue);
      if (m) out.push({ def, tier: m[0] <= 2 ? -1 : 1, distance: m[0], len: m[2].length, start: -1, text: m[2] });
    }
  }
  return out;
}

/** Best hit: strongest tier, then nearest, then longest cue. */
function best(list: Hit[]): Hit | null {
  let top: Hit | null = null;
  for (const h of list) {
    if (
      !top ||
      h.tier < top.tier ||
      (h.tier === top.tier && (h.distance < top.distance || (h.distance === top.distance && h.len > top.len)))
    )
      top = h;
  }
  return top;
}

/** Distinct keys hit in the window, in text order, longer cues shadowing overlapped shorter ones (A率、B率均为100%). */
function listed(list: Hit[]): Hit[] {
  const before = list.filter((h) => h.start >= 0 && h.tier === 0).sort((a, b) => a.start - b.start || b.len - a.len);
  const out: Hit[] = [];
  for (const h of before) {
    const last = out[out.length - 1];
    if (last && h.start < last.start + last.len) continue;
    if (!out.some((o) => o.def.key === h.def.key)) out.push(h);
  }
  return out;
}

/** Classifies all mentions of one sentence; one mention may yield several assignments. */
export function classifySentence(sentence: string, mentions: Mention[], body: ReportBody | null): Assignment[] {
  const out: Assignment[] = [];
  let prevKey: string | null = null;
  let weak = false;
  let queue: string[] = [];
  let lastList: string[] = [];
  let prevRule = '';
  for (const [i, m] of mentions.entries()) {
    const prevEnd = mentions[i - 1]?.end ?? 0;
    const winStart = Math.max(clauseStart(sentence, m.start), prevEnd);
    // Quotes are dropped so that 新增“五上”企业 reads as 新增五上企业.
    const window = sentence.slice(winStart, m.start).replace(QUOTES, '');
    const nextStart = mentions[i + 1]?.start ?? sentence.length;
    let after = sentence.slice(m.unitEnd, Math.min(nextStart, m.unitEnd + 28)).replace(QUOTES, '');
    const stop = after.search(AFTER_STOP);
    if (stop >= 0) after = after.slice(0, stop);

    const defs = fittingKeys(m.unit, body);
    const found = hits(defs, window, after);
    const keys: string[] = [];
    let rule = '';
    let cue = '';
    let preferred = false;
    weak = false;
    const bare = window.replace(BARE_WINDOW, '').length === 0;
    const isRate = m.unit === '%' || m.unit === '个百分点';
    const splitRun = prevRule === 'split' && !queue.length && !mentions[i - 1]?.unit.includes('%');

    // Lists sharing one figure: 面商率、办复率、回访率、满意率均为100%.
    if (LIST_ALL.test(window) && window.includes('、')) {
      const l = listed(found);
      if (l.length > 1) for (const h of l) keys.push(h.def.key);
      if (keys.length) rule = 'list';
    }
    // Paired lists: 财政总收入、公共预算收入分别完成6.1亿元、3.6亿元; a later bare 分别达… reuses the list.
    if (!keys.length && window.includes('分别')) {
      const head = window.slice(0, window.lastIndexOf('分别'));
      // The list may sit before the series' first figure: 城乡居民人均可支配收入从46503元和16935元分别提高到…
      const clauseHead = sentence.slice(clauseStart(sentence, m.start), m.start);
      const split = SPLIT_CUES.find((c) => c.cue.test(head) || c.cue.test(clauseHead))?.keys;
      const list = split ?? (bare && lastList.length ? lastList : listed(hits(defs, head, '')).map((h) => h.def.key));
      const fitted = list.map((k) => (isRate ? (KEY_BY_NAME.get(k)?.growth ?? k) : (BASE_OF_GROWTH.get(k) ?? k)));
      const [first, ...rest] = fitted;
      if (
        first !== undefined &&
        rest.length > 0 &&
        fitted.every((k) => {
          const d = KEY_BY_NAME.get(k);
          return d && fits(d, m.unit, body);
        })
      ) {
        keys.push(first);
        rule = 'split';
        queue = rest;
        lastList = list;
      }
    }
    if (!keys.length) {
      const top = best(found);
      // 分别达6.9万元、3.4万元，增长4.2%、5.3%: bare rates after a split list follow the list again.
      if (isRate && bare && !top && splitRun && lastList.length > 1 && GROWTH_WORDS.test(window)) {
        const [first, ...rest] = lastList.map((k) => KEY_BY_NAME.get(k)?.growth ?? k);
        if (first !== undefined) {
          keys.push(first);
          rule = 'split';
          queue = rest;
        }
      }
      if (!keys.length && isRate && (!top || top.tier > 0) && GROWTH_WORDS.test(window)) {
        const growth = growthKey(window, bare ? prevKey : null, body);
        if (growth) {
          keys.push(growth.key);
          cue = growth.cue;
          rule = 'growth';
        }
      }
      if (!keys.length && isRate && (!top || top.tier > 0) && SHARE_WORDS.test(window) && prevKey) {
        const share = KEY_BY_NAME.get(prevKey)?.share;
        if (share) {
          keys.push(share);
          rule = 'share';
          // 立案899件，占提案总数的92.2%: the share of all proposals filed is also the filing rate.
          const also = KEY_BY_NAME.get(share)?.alsoRate;
          if (also?.words.test(window)) keys.push(also.key);
        }
      }
      if (!keys.length && top && (top.tier <= 1 || !queue.length)) {
        keys.push(top.def.key);
        cue = top.text;
        preferred = !!top.def.preferCue?.test(window);
        weak = top.tier === 2;
        rule = top.start < 0 ? `noun:${top.text}` : top.tier === 2 ? `weak:${top.text}` : `cue:${top.text}`;
      }
      if (!keys.length && queue.length) {
        keys.push(queue.shift()!);
        rule = 'split';
      }
      if (!keys.length && prevKey && bare) {
        const inherited = BASE_OF_GROWTH.get(prevKey) ?? prevKey;
        const def = KEY_BY_NAME.get(inherited);
        if (def && fits(def, m.unit, body)) {
          keys.push(inherited);
          // A figure continuing one read from a weak cue (…项目223个，6个…) is as weak as it.
          rule = prevRule.startsWith('weak:') ? prevRule : 'inherit';
          weak = rule !== 'inherit';
        }
      }
    }
    for (const multi of MULTI_CUES) if (multi.cue.test(window)) for (const k of multi.keys) if (!keys.includes(k)) keys.push(k);
    if (ANSWERED_AFTER.after.test(after) && body !== '政府' && m.unit === '件' && !keys.includes(ANSWERED_AFTER.key))
      keys.push(ANSWERED_AFTER.key);

    // 民主党派、工商联、人民团体和专委会、界别、小组提案223件: three kinds of proposers or more name all collective proposals.
    const many = KEY_BY_NAME.get(keys[0] ?? '')?.manyKinds;
    if (many && (window.match(many.words)?.length ?? 0) >= many.atLeast) keys[0] = many.key;
    if (!keys.length) keys.push('other');
    const primary = keys[0] ?? 'other'; // never the default: keys was just made non-empty
    for (const key of keys)
      out.push({
        mention: m,
        key,
        cue,
        preferred,
        weak,
        windowStart: winStart,
        rule: key === 'other' ? 'other' : key === primary ? rule : 'multi',
      });
    prevKey = primary === 'other' ? prevKey : primary;
    prevRule = rule;
  }
  return out;
}

/** Growth key for a rate and the cue that named it: the nearest growth-capable cue, else the previous figure's. */
function growthKey(window: string, prevKey: string | null, body: ReportBody | null): { key: string; cue: string } | null {
  const growable = KEYS.filter((d) => d.growth && (!d.bodies || d.bodies.includes(body ?? '政协')));
  const top = best(hits(growable, window, ''));
  if (top) return { key: top.def.growth!, cue: top.text };
  const key = prevKey ? (KEY_BY_NAME.get(prevKey)?.growth ?? (BASE_OF_GROWTH.has(prevKey) ? prevKey : null)) : null;
  return key ? { key, cue: '' } : null;
}
