/** Re-joins paragraphs broken mid-sentence (hard wraps, page breaks, blank lines inside a sentence). */

// Sentence-final marks; a closing quote or bracket counts when it follows one (。” / 。）).
const FINAL = /(?:[。！？；：…!?;:]|——|[。！？…][”’」』）)】])$/;
const TITLE_END = /[）)】》]$/;
const NUMBERED =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十]+[部分章节条]|[一二三四五六七八九十]是)/;
const META_START = /^(?:——|—|--|-|各位|尊敬的|同志们|[（(]?\d{4}年\d{1,2}月\d{1,2}日|[（(]\d{4}年)/;
const INNER_PUNCT = /[，。；、：,;:]/;

/** True for lines that stand alone: headings, salutations, date/speaker lines. */
function isStandalone(line: string): boolean {
  if (NUMBERED.test(line) || META_START.test(line)) return true;
  // Short lines without punctuation are headings or names (旗帜鲜明讲政治, 华寿军).
  return line.length <= 16 && !INNER_PUNCT.test(line);
}

/** True when `a` (a body line cut mid-sentence) continues on `b`. */
function continues(a: string, b: string): boolean {
  if (unbalancedOpen(a)) return !isStandalone(b) || /^[^\s（(]{2,}.*会议上[）)]?$/.test(b);
  // A delivery line split inside the meeting name: 在广东省第十四届 / 人民代表大会第五次会议上.
  if (/在[^。，]*[^上）)]$/.test(a) && META_START.test(a) && /会议上[）)]?$/.test(b) && b.length <= 30) return true;
  if (FINAL.test(a) || TITLE_END.test(a) || isStandalone(a) || isStandalone(b)) return false;
  if (!(INNER_PUNCT.test(a) || a.length >= 25)) return false;
  return /^[\p{Script=Han}\d“‘《a-zA-Z%]/u.test(b);
}

// A heading glued after the last sentence of a line: 请予审议。一、五年工作的回顾 / 请予审议。过去一年的主要工作.
const GLUED_HEADING =
  /^(.*[。！？])((?:[一二三四五六七八九十]{1,3}、[^，。；：]{2,24})|(?:[^，。；：]{0,16}(?:工作回顾|的回顾|主要工作|工作安排|工作任务|工作意见)))$/;
/** Lines at the top that are titles, never continued by the lead paragraph (d016, d026 headlines). */
const TITLE_LINES = 3;

/** Splits a heading glued to the end of the previous paragraph onto its own line. */
function splitGluedHeadings(lines: string[]): string[] {
  return lines.flatMap((line) => {
    const [, sentence, heading] = GLUED_HEADING.exec(line) ?? [];
    return sentence !== undefined && heading !== undefined ? [sentence, heading] : [line];
  });
}

/** Joins every line that continues on the next one; returns one paragraph per line. */
export function joinBrokenParagraphs(input: string[]): string[] {
  const lines = splitGluedHeadings(input);
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const titleLike = out.length <= TITLE_LINES && prev !== undefined && prev.length <= 50 && !unbalancedOpen(prev);
    if (prev !== undefined && /^[、，；。）)]/.test(line) && !titleLike) {
      out[out.length - 1] = prev + line;
    } else if (prev !== undefined && !titleLike && continues(prev, line)) {
      const space = /[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line) ? ' ' : '';
      out[out.length - 1] = prev + space + line;
    } else {
      out.push(line);
    }
  }
  return out;
}

function unbalancedOpen(line: string): boolean {
  const open = (line.match(/[（(]/g) ?? []).length;
  const close = (line.match(/[）)]/g) ?? []).length;
  return open > close;
}
