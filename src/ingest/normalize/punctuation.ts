/** Unifies half-width punctuation in Chinese text to the full-width forms, leaving URLs and numbers alone. */

const FULL = new Map([
  [',', '，'],
  [';', '；'],
  [':', '：'],
  ['?', '？'],
  ['!', '！'],
  ['(', '（'],
  [')', '）'],
]);
const HAN = /\p{Script=Han}/u;
// Characters that sit next to punctuation in Chinese prose besides Han: quotes, brackets, full-width marks.
const CJK_CONTEXT = /[\p{Script=Han}“”‘’《》〈〉【】（）「」『』、。，；：？！…—]/u;
const URL =
  /(?:https?|ftp):\/\/[^\s\p{Script=Han}，。；、“”（）《》]+|www\.[a-z0-9.-]+\.[a-z]{2,}[^\s\p{Script=Han}，。；、“”]*/giu;

/** Converts `, ; : ? ! ( )` that touch CJK text to full width; URLs, times (12:30) and 1,000 stay ASCII. */
export function unifyPunctuation(text: string): string {
  return text
    .split('\n')
    .map((line) => mapOutsideUrls(line, convertSegment))
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

/** Any character convertSegment may change; most lines of a Chinese report have none. */
const HALF_WIDTH = /[,;:?!()]/;

function convertSegment(segment: string): string {
  if (!HALF_WIDTH.test(segment)) return segment;
  const chars = Array.from(segment);
  const parens = pairParens(chars);
  // Converted marks are written back in place, so a later mark sees its converted neighbour (as CJK context).
  for (const [i, ch] of chars.entries()) {
    const full = FULL.get(ch);
    if (full === undefined) continue;
    if (ch === '(' || ch === ')') {
      if (parens.has(i)) chars[i] = full;
      continue;
    }
    const prev = previousVisible(chars, i);
    const next = nextVisible(chars, i);
    if (CJK_CONTEXT.test(prev) || CJK_CONTEXT.test(next)) chars[i] = full;
  }
  return chars.join('');
}

/** Indexes of ASCII parentheses to convert: a matched pair with CJK inside or right before/after it. */
function pairParens(chars: string[]): Set<number> {
  const result = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') stack.push(i);
    else if (chars[i] === ')') {
      const open = stack.pop();
      if (open === undefined) {
        if (HAN.test(chars[i - 1] ?? '')) result.add(i);
        continue;
      }
      const inner = chars.slice(open + 1, i).join('');
      const around = (chars[open - 1] ?? '') + (chars[i + 1] ?? '');
      if (HAN.test(inner) || HAN.test(around) || /^[\d一二三四五六七八九十]{1,3}$/.test(inner)) {
        result.add(open);
        result.add(i);
      }
    }
  }
  // An unmatched "(" opening a Chinese clause (a date line split over two lines) still converts.
  for (const open of stack)
    if (HAN.test(chars[open + 1] ?? '') || /\d{4}年/.test(chars.slice(open + 1, open + 6).join(''))) result.add(open);
  return result;
}

function previousVisible(chars: string[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const ch = chars[j];
    if (ch !== undefined && ch !== ' ') return ch;
  }
  return '';
}

function nextVisible(chars: string[], i: number): string {
  for (let j = i + 1; j < chars.length; j++) {
    const ch = chars[j];
    if (ch !== undefined && ch !== ' ') return ch;
  }
  return '';
}
