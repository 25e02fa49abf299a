/** Unifies half-width punctuation in Chinese text to the full-width forms, leaving URLs and numbers alone. */

const FULL: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
};
const HAN = /\p{Script=Han}/u;
// Characters that sit next to punctuation in Chinese prose besides Han: quotes, brackets, full-width marks.
const CJK_CONTEXT = /[\p{Script=Han}“”‘’《》〈〉【】（）「」『』、。，；：？！…—]/u;
const URL =
  /(?:https?|ftp):\/\/[^\s\p{Script=Han}，。；、“”（）《》]+|www\.[a-z0-9.-]+\.[a-z]{2,}[^\s\p{Script=Han}，。；、“”]*/giu;

/** Any character convertSegment may change; most lines of a Chinese report have none. */
const HALF_WIDTH = /[,;:?!()]/;
const HALF_WIDTH_ALL = /[,;:?!()]/g;

/** Converts `, ; : ? ! ( )` that touch CJK text to full width; URLs, times (12:30) and 1,000 stay ASCII. */
export function unifyPunctuation(text: string): string {
  // A line without any of the marks comes back as it is (URLs included), so only the others are split up.
  if (!HALF_WIDTH.test(text)) return text;
  return text
    .split('\n')
    .map((line) => (HALF_WIDTH.test(line) ? mapOutsideUrls(line, convertSegment) : line))
    .join('\n');
}

function mapOutsideUrls(line: string, fn: (s: string) => string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL)) {
    out += fn(line.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + fn(line.slice(last));
}

/**
 * Works on UTF-16 indexes of the marks only (all ASCII, replaced one unit for one unit), reading neighbours
 * as whole code points: the same decisions as walking the segment's code points, without an array of them.
 */
function convertSegment(segment: string): string {
  const marks: number[] = [];
  for (const m of segment.matchAll(HALF_WIDTH_ALL)) marks.push(m.index);
  if (!marks.length) return segment;
  const parens = pairParens(segment, marks);
  // Converted marks count as written back: a later mark sees its converted neighbour (as CJK context).
  const converted = new Set<number>();
  for (const i of marks) {
    const ch = segment[i]!;
    if (ch === '(' || ch === ')') {
      if (parens.has(i)) converted.add(i);
      continue;
    }
    const prev = previousVisible(segment, i, converted);
    const next = nextVisible(segment, i);
    if (CJK_CONTEXT.test(prev) || CJK_CONTEXT.test(next)) converted.add(i);
  }
  if (!converted.size) return segment;
  let out = '';
  let last = 0;
  for (const i of marks) {
    if (!converted.has(i)) continue;
    out += segment.slice(last, i) + FULL[segment[i]!]!;
    last = i + 1;
  }
  return out + segment.slice(last);
}

/** Indexes of ASCII parentheses to convert: a matched pair with CJK inside or right before/after it. */
function pairParens(segment: string, marks: readonly number[]): Set<number> {
  const result = new Set<number>();
  const stack: number[] = [];
  for (const i of marks) {
    const ch = segment[i];
    if (ch === '(') stack.push(i);
    else if (ch === ')') {
      const open = stack.pop();
      if (open === undefined) {
        if (HAN.test(codePointBefore(segment, i))) result.add(i);
        continue;
      }
      const inner = segment.slice(open + 1, i);
      const around = codePointBefore(segment, open) + codePointAt(segment, i + 1);
      if (HAN.test(inner) || HAN.test(around) || /^[\d一二三四五六七八九十]{1,3}$/.test(inner)) {
        result.add(open);
        result.add(i);
      }
    }
  }
  // An unmatched "(" opening a Chinese clause (a date line split over two lines) still converts. The five
  // units after it are its five code points whenever they can match (digits and 年 are one unit each).
  for (const open of stack)
    if (HAN.test(codePointAt(segment, open + 1)) || /\d{4}年/.test(segment.slice(open + 1, open + 6))) result.add(open);
  return result;
}

/** The code point that ends just before unit `i` ('' at the start); a lone surrogate is its own code point. */
function codePointBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(i - 2, i);
  }
  return s[i - 1]!;
}

/** The code point that starts at unit `i` ('' past the end). */
function codePointAt(s: string, i: number): string {
  if (i >= s.length) return '';
  const high = s.charCodeAt(i);
  if (high >= 0xd800 && high <= 0xdbff && i + 1 < s.length) {
    const low = s.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return s.slice(i, i + 2);
  }
  return s[i]!;
}

/** The nearest code point before unit `i` that is not a space, as converted so far. */
function previousVisible(s: string, i: number, converted: ReadonlySet<number>): string {
  for (let j = i; j > 0; ) {
    const cp = codePointBefore(s, j);
    j -= cp.length;
    if (cp === ' ') continue;
    return converted.has(j) ? FULL[cp]! : cp;
  }
  return '';
}

/** The nearest code point after unit `i` that is not a space (later marks are not converted yet). */
function nextVisible(s: string, i: number): string {
  for (let j = i + 1; j < s.length; ) {
    const cp = codePointAt(s, j);
    if (cp !== ' ') return cp;
    j += cp.length;
  }
  return '';
}
