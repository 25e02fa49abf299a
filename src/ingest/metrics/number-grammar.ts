/** Finds number + unit mentions in one sentence, with approximation words and ranges. */
import type { Approx } from '../../domain/report.js';
import { CN_NUMERAL_CHARS, parseChineseNumeral, parseChineseRange } from '../../text/numerals.js';
import { applyMagnitude, UNITS } from './units.js';

/** One figure in a sentence; positions are indexes into the sentence. */
export interface Mention {
  /** Start of the number (after any approximation prefix). */
  numStart: number;
  /** Start of the whole match including a prefix such as 近. */
  start: number;
  /** End of the unit (and any suffix such as 左右). */
  end: number;
  /** End of the unit itself, where the noun after the figure begins. */
  unitEnd: number;
  value: number;
  unit: string;
  /** Unit → base unit factor (万元 → 1e4). */
  factor: number;
  approx: Approx;
  lower: number | null;
  upper: number | null;
  /** Matched text, for debugging and tests. */
  raw: string;
}

const NUM = `\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CN_NUMERAL_CHARS}]+`;
const PREFIX = '将近|接近|不少于|不低于|不超过|不到|大约|超过|多于|突破|近|约|超|逾';
const escaped = UNITS.map((u) => u.replace(/[%]/g, '\\$&'));
/** One regex per sentence: [prefix] number [range] [余多] [万亿] [余多] unit [suffix]. */
const MENTION = new RegExp(
  `(${PREFIX})?(${NUM})(?:\\s*([-—–~～至到])\\s*(${NUM}))?(余|多)?(万亿|亿|万)?(余|多)?\\s*(${escaped.join('|')})(左右|上下|以上|以下|以内|之多)?`,
  'g',
);

const PREFIX_APPROX: Record<string, Approx> = {
  将近: 'below',
  接近: 'below',
  近: 'below',
  不到: 'below',
  不超过: 'below',
  大约: 'about',
  约: 'about',
  超过: 'at-least',
  突破: 'at-least',
  超: 'at-least',
  逾: 'at-least',
  多于: 'at-least',
  不少于: 'at-least',
  不低于: 'at-least',
};
const SUFFIX_APPROX: Record<string, Approx> = { 左右: 'about', 上下: 'about', 以上: 'at-least', 以下: 'below', 以内: 'below' };

/** Words right after a Chinese-numeral figure that make it a slogan (四个意识, 五位一体, 千家万户). */
const SLOGAN_AFTER = /^(?:意识|自信|维护|确立|全面|代表|大局|一体|必须|务必|伟大|坚持|结合|万|[“"「『])/;
/** Words right after 次 that make N次 a session number (七届四次会议) when written in Chinese numerals. */
const SESSION_AFTER = /^(?:会议|全会|全委会|全体会议|党代会|代表大会)/;
/** A meeting name after 次 (常委会议, 主席会议): with a Chinese numeral and no verb, N次 is the meeting's ordinal. */
const MEETING_AFTER = /^(常委会?|常务委员会|主席|全体|党组)(会议|全会)/;
const COUNT_VERB = /(召开|举行|举办|开了|共|先后|组织|累计)$/;
/** Words after a unit character that show it is not a unit at all (批示, 条例, 场所, 期间). */
const NOT_UNIT_AFTER: Record<string, RegExp> = {
  批: /^[示复准]/,
  条: /^[例款]/,
  场: /^[所馆景地]/,
  期: /^[间刊末初]/,
  部: /^[门署长委分]/,
  处: /^[理置长级室]/,
  所: /^[有属在以]/,
  位: /^[于置列居]/,
  支: /^[持部出付]/,
  台: /^[阶账]/,
  个: /^(人提案|体)/,
  名: /^[单录称义额]/,
  家: /^[庭乡属长园]/,
  户: /^[籍口型]/,
};

/** Finds every figure in a sentence, skipping dates, ordinals, session numbers and quoted slogans. */
export function findMentions(sentence: string): Mention[] {
  const out: Mention[] = [];
  let quoteMap: boolean[] | null = null;
  for (const m of sentence.matchAll(MENTION)) {
    const [raw, pre, num1, _rangeSep, num2, sfxA, mag, sfxB, unit, post] = m;
    if (num1 === undefined || unit === undefined) continue; // required groups: set on every match
    const start = m.index;
    const numStart = start + (pre?.length ?? 0);
    const end = start + raw.length;
    const unitEnd = end - (post?.length ?? 0);
    const before = sentence[numStart - 1] ?? '';
    const after = sentence.slice(unitEnd, unitEnd + 6);
    const isCn = !/\d/.test(num1);

    if (before === '第' || /[\d.+A-Za-z]/.test(before) || (isCn && /[数几若]/.test(before))) continue;
    if (sentence[numStart + num1.length] === '+') continue;
    if (NOT_UNIT_AFTER[unit]?.test(after)) continue;
    if (unit === '次' && (before === '届' || (isCn && SESSION_AFTER.test(after)))) continue;
    // 省政协十四次常委会议: an ordinal meeting name, unless a verb makes it a count (召开九次常委会议).
    if (unit === '次' && isCn && MEETING_AFTER.test(after) && !COUNT_VERB.test(sentence.slice(0, start))) continue;
    if (isCn && SLOGAN_AFTER.test(after)) continue;
    if (isCn && num1 === '一' && !sfxA && !sfxB && !mag) continue; // 一个/一次/一批: idiom, not a count

    quoteMap ??= insideQuotes(sentence);
    if (quoteMap[numStart]) continue;

    let value: number | null;
    let lowerRaw: number | null = null;
    let upperRaw: number | null = null;
    if (isCn) {
      value = parseChineseNumeral(num1);
      const pair = value === null ? parseChineseRange(num1) : null;
      if (pair) [value, lowerRaw, upperRaw] = [pair[0], pair[0], pair[1]];
    } else value = Number(num1.replace(/,/g, ''));
    if (value === null || !Number.isFinite(value)) continue;
    if (num2 !== undefined) {
      const v2 = /\d/.test(num2) ? Number(num2.replace(/,/g, '')) : parseChineseNumeral(num2);
      if (v2 === null || v2 <= value) continue; // 2020-2035 with a unit is still not a figure we understand
      [lowerRaw, upperRaw] = [value, v2];
    }

    const applied = applyMagnitude(value, mag ?? '', unit);
    const scale = applied.value / value || 1;
    let approx: Approx = 'exact';
    if (pre) approx = PREFIX_APPROX[pre] ?? 'exact';
    if (sfxA || sfxB) approx = 'above';
    const suffixApprox = post === undefined ? undefined : SUFFIX_APPROX[post];
    if (suffixApprox) approx = suffixApprox;
    const v = applied.value;
    let lower: number | null = approx === 'exact' || approx === 'above' || approx === 'at-least' ? v : null;
    let upper: number | null = approx === 'exact' || approx === 'below' ? v : null;
    if (lowerRaw !== null && upperRaw !== null) {
      approx = 'about';
      [lower, upper] = [lowerRaw * scale, upperRaw * scale];
    }
    out.push({ numStart, start, end, unitEnd, value: v, unit: applied.unit, factor: applied.factor, approx, lower, upper, raw });
  }
  return out;
}

/** For every index of the sentence, whether it sits inside “…” 「…」 『…』 or "…" quotes. */
function insideQuotes(sentence: string): boolean[] {
  const map = new Array<boolean>(sentence.length).fill(false);
  let depth = 0;
  let ascii = false;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i];
    if (c === '“' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '」' || c === '』') && depth > 0) depth--;
    else if (c === '"') ascii = !ascii;
    map[i] = depth > 0 || ascii;
  }
  return map;
}
