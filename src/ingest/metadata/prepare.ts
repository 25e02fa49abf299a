/** Clean-up so metadata rules see one punctuation style; raw page text also needs script and pinyin fixes. */
import { stripPinyin } from '../normalize/pinyin.js';
import { toSimplifiedScript } from '../normalize/script.js';

/** Folds full-width punctuation to the ASCII forms the metadata rules are written with (normalized text). */
export function foldPunctuation(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[，]/g, ',')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

/**
 * Raw decoded text (the head of the page) made comparable with normalized text: pinyin stripped and
 * Traditional converted by the normalize stage's own functions, then punctuation folded.
 */
export function prepareText(text: string): string {
  return foldPunctuation(toSimplifiedScript(stripPinyin(text)).text);
}

/** Navigation links to neighbouring pages name other reports and places. */
const NAV_LINE = /^(>>|»)?\s*(上一篇|下一篇|上篇|下篇|相关阅读|相关新闻)\s*[:：]/;

/** Non-empty trimmed lines, navigation links dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !NAV_LINE.test(l));
}

/** The head of a report: lines up to the salutation (各位委员/各位代表) plus a few, or the first 40 lines. */
export function headLines(lines: string[]): string[] {
  const salutation = lines.findIndex((l, i) => i < 80 && /^(各位|大会主席团和各位)(委员|代表)/.test(l));
  const head = lines.slice(0, salutation >= 0 ? salutation + 3 : 40);
  // Without a salutation, long body paragraphs are not part of the title block.
  let size = 0;
  return head.filter((l) => (size += l.length) <= 2500 || l.length < 80);
}

/** Removes all whitespace (titles and names are compared that way). */
export function squeeze(s: string): string {
  return s.replace(/\s+/g, '');
}
