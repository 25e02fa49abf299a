import { findDates } from './dates.js';
import {
  CONTINUED_FROM,
  CONTINUED_MARKER,
  DATE_ONLY_LINE,
  JUNK_LINE,
  META_LINE,
  TAIL_MARKER,
  TIMESTAMP_LINE,
  TOC_ENTRY,
  isNavBar,
  isSpamLine,
  isStrayNumber,
} from './junk-rules.js';

/** Lines left after dropping page junk, with what was kept from the dropped lines. */
export interface JunkResult {
  lines: string[];
  sourceUrl: string | null;
  pageDates: string[];
}

/** Share of the page after which a tail marker (上一篇, 相关报道 …) starts a block of page junk. */
const TAIL_FROM = 0.3;
const SOURCE_LABEL =
  /^(?:原文链接|原文地址|本文链接|原文网址|来源网址|来源链接|转载自|文章来源)\s*[:：]?\s*((?:https?:\/\/|www\.)\S+)/i;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;
const IMAGE_URL = /\.(?:jpe?g|png|gif|webp|bmp|svg|tiff?)(?:[?#]\S*)?$/i;
/** A full sentence of prose: ends a tail block (headline lists end in … or nothing). */
const RESUME_PROSE = /^(?!.*(?:\.\.\.|…)).{12,}[。！？]$/;
/** Leading lines that may still hold the page URL. */
const LEADING_LINES = 6;

/** Drops page junk line by line; keeps the source URL and the dates of dropped page-meta lines. */
export function dropJunk(text: string): JunkResult {
  const raw = text.split('\n').filter((l) => l.length > 0);
  const lines: string[] = [];
  const pageDates: string[] = [];
  let sourceUrl: string | null = null;
  const toc = tableOfContents(raw);
  let inTail = false;

  for (const [i, rawLine] of raw.entries()) {
    // A print edition that continues on another page and resumes here (下转第四版 … 紧接第一版) is one text.
    let line = rawLine;
    if (CONTINUED_MARKER.test(line) && resumesLater(raw, i, line)) line = line.replace(CONTINUED_MARKER, '');
    line = line.replace(CONTINUED_FROM, '').trim();
    if (!line || toc.has(i)) continue;

    const labelled = SOURCE_LABEL.exec(line);
    if (labelled) {
      const url = labelled[1];
      if (url !== undefined) sourceUrl ??= trimUrl(url);
      continue;
    }
    if (URL_LINE.test(line)) {
      if (!IMAGE_URL.test(line) && lines.length < LEADING_LINES) sourceUrl ??= trimUrl(line);
      continue;
    }
    if (TAIL_MARKER.test(line) && i >= raw.length * TAIL_FROM) {
      inTail = true;
      continue;
    }
    // Related-headline lists never hold full sentences; prose after them (an appended paragraph) is content again.
    if (inTail && !RESUME_PROSE.test(line)) continue;
    inTail = false;

    const continued = CONTINUED_MARKER.exec(line);
    if (continued) {
      line = line.slice(0, continued.index).trim();
      if (line) lines.push(line);
      break;
    }

    if (i < 3 && isSpamLine(line)) continue;
    if (isJunk(line, i)) {
      pageDates.push(...findDates(line));
      continue;
    }
    lines.push(line);
  }
  return { lines, sourceUrl, pageDates: [...new Set(pageDates)] };
}

/** True when a resume marker (紧接/上接第N版) follows a continuation marker in this line or a later one. */
function resumesLater(raw: string[], index: number, line: string): boolean {
  const at = CONTINUED_MARKER.exec(line)?.index ?? 0;
  const resume = new RegExp(CONTINUED_FROM.source);
  return resume.test(line.slice(at)) || raw.slice(index + 1).some((l) => resume.test(l));
}

function isJunk(line: string, index: number): boolean {
  if (DATE_ONLY_LINE.test(line) || isStrayNumber(line)) return true;
  if (line.length < 100 && META_LINE.test(line)) return true;
  if (line.length < 60 && TIMESTAMP_LINE.test(line)) return true;
  if (isNavBar(line)) return true;
  // A site name as the first line of a saved portal page (常宁市党政门户网).
  if (index < 3 && /^\S{2,16}(?:门户网|门户网站|网站|网|政府网|在线)$/.test(line)) return true;
  return line.length < 200 && JUNK_LINE.some((re) => re.test(line));
}

/** Indexes of table-of-contents blocks: 3+ consecutive `title page` lines, with a 目录 line before them. */
function tableOfContents(lines: string[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && TOC_ENTRY.test(lines[j]?.trim() ?? '')) j++;
    if (j - i >= 3) {
      for (let k = i; k < j; k++) found.add(k);
      if (/^目\s*录$/.test(lines[i - 1]?.trim() ?? '')) found.add(i - 1);
    }
    i = j > i ? j : i + 1;
  }
  return found;
}

function trimUrl(url: string): string {
  return url.replace(/[。，,;；）)】》>"'”]+$/, '');
}
