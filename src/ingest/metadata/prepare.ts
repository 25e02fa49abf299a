/** Defensive clean-up so metadata rules work on raw as well as normalized text. */
import { toSimplified } from '../../gazetteer/gazetteer.js';

/** Characters that only occur in Traditional script and are frequent in reports. */
const TRADITIONAL = /[會協國們區縣經發報這為與說對時進過關還從屆議務員幹實際處]/g;
/** Pinyin annotations after characters, e.g. 協(xié). */
const PINYIN = /[((][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[))]/g;

/** Simplified text with pinyin annotations removed; idempotent on already clean text. */
export function prepareText(text: string): string {
  const hits = text.slice(0, 20000).match(TRADITIONAL)?.length ?? 0;
  const simplified = hits >= 5 ? toSimplified(text) : text;
  return simplified
    .replace(PINYIN, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[，]/g, ',')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[：]/g, ':');
}

/** Navigation links to neighbouring pages name other reports and places. */
const NAV_LINE = /^(>>|»)?\s*(上一篇|下一篇|上篇|下篇|相关阅读|相关新闻)\s*[:：]/;

/** Non-empty trimmed lines, navigation links dropped. */
export function linesOf(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l && !NAV_LINE.test(l));
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
