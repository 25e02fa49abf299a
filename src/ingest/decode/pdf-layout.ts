/** Text lines of PDF pages in reading order, from positioned text items (columns, headers, page numbers). */

/** One positioned text run on a page (pdfjs TextItem, reduced). */
export interface PdfItem {
  str: string;
  x: number;
  /** Baseline y (PDF space: grows upwards). */
  y: number;
  width: number;
  /** Font size (height of the run). */
  size: number;
}

/** One line of a page with its edges, size and column (-1: spans the gutter), for paragraph detection. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
  col: number;
}

/** Share of a page's runs that may cross the gutter of a two-column page (titles, page headers). */
const MAX_CROSSING_SHARE = 0.15;
/** Each column of a two-column page holds at least this share of the runs. */
const MIN_COLUMN_SHARE = 0.2;

const HAN_LATIN_GAP =
  /(?<=\p{Script=Han}|[，。、；：“”（）])\s+(?=[\dA-Za-z])|(?<=[\dA-Za-z%])\s+(?=\p{Script=Han}|[，。、；：“”（）])/gu;

/** Groups runs into lines (same baseline), left to right. */
function toLines(items: PdfItem[]): PdfLine[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  // A line starts with the run that opened it, so it is never empty.
  const lines: [PdfItem, ...PdfItem[]][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const tolerance = Math.max(2, (line?.[0].size ?? item.size) * 0.4);
    if (line && Math.abs(line[0].y - item.y) <= tolerance) line.push(item);
    else lines.push([item]);
  }
  return lines
    .map((runs) => {
      runs.sort((a, b) => a.x - b.x);
      const text = runs
        .map((r) => (r.str.trim() ? r.str : ' '))
        .join('')
        .replace(/\s+/g, ' ')
        // Word/WPS exports set a space run between Han and Latin/digits ("2023 年"): typography, not text.
        .replace(HAN_LATIN_GAP, '')
        .trim();
      const size = Math.max(...runs.map((r) => r.size));
      const right = Math.max(...runs.map((r) => r.x + r.width));
      return { text, x: runs[0].x, y: runs[0].y, right, size, col: 0 };
    })
    .filter((l) => l.text.length > 0);
}

/** The x of an empty vertical gutter splitting the page's runs into two columns, or null for a one-column page. */
function findGutter(items: PdfItem[], pageWidth: number): number | null {
  const runs = items.filter((i) => i.str.trim().length > 0);
  if (runs.length < 8) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let g = pageWidth * 0.3; g <= pageWidth * 0.7; g += 2) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const r of runs) {
      if (r.x < g - 1 && r.x + r.width > g + 1) crossing++;
      else if (r.x + r.width <= g + 1) left++;
      else right++;
    }
    if (left < runs.length * MIN_COLUMN_SHARE || right < runs.length * MIN_COLUMN_SHARE) continue;
    if (!best || crossing < best.crossing) best = { x: g, crossing };
  }
  return best && best.crossing <= runs.length * MAX_CROSSING_SHARE ? best.x : null;
}

/**
 * Lines of one page in reading order. On a two-column page, runs crossing the gutter (titles, headers) split
 * the page into bands; each band is read left column first, then right column.
 */
export function pageLines(items: PdfItem[], pageWidth: number): PdfLine[] {
  const gutter = findGutter(items, pageWidth);
  if (gutter === null) return toLines(items);
  const out: PdfLine[] = [];
  const rows = toLines(items);
  // A line is full-width when one of its runs crosses the gutter.
  const crosses = (line: PdfLine) =>
    items.some((r) => Math.abs(r.y - line.y) <= Math.max(2, r.size * 0.4) && r.x < gutter - 1 && r.x + r.width > gutter + 1);
  let band: PdfItem[] = [];
  const flush = () => {
    if (band.length === 0) return;
    out.push(...toLines(band.filter((r) => r.x + r.width <= gutter + 1)));
    out.push(...toLines(band.filter((r) => r.x + r.width > gutter + 1)).map((l) => ({ ...l, col: 1 })));
    band = [];
  };
  for (const row of rows) {
    if (crosses(row)) {
      flush();
      out.push({ ...row, col: -1 });
      continue;
    }
    band.push(...items.filter((r) => Math.abs(r.y - row.y) <= Math.max(2, r.size * 0.4) && r.str.length > 0));
  }
  flush();
  return dedupeRuns(out);
}

/** Lines collected twice (a run matching two rows of a band) are kept once. */
function dedupeRuns(lines: PdfLine[]): PdfLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.x}|${l.y}|${l.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PAGE_NUMBER =
  /^(?:[-—–·•\s]*\d{1,4}[-—–·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;
/** A numbered heading: never the continuation of a finished sentence. */
const HEADING_START =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|第[一二三四五六七八九十]+[部分章节条])/;
/** Lines looked at on each side of a page for running headers and footers. */
const EDGE_LINES = 2;

/** Digits folded so that "第3页" and "第4页" count as the same running line. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/**
 * Drops running headers and footers (the same edge line, digits aside, on at least half of the pages and on
 * 2 pages or more) and bare page numbers at the top or bottom of a page, then joins pages into text.
 * Layout decides what the text cannot: a line that fills its column and is followed by a line that is not
 * indented continues on it (also across column and page breaks); the rest is one line per PDF line.
 */
export function joinPages(pages: PdfLine[][]): string {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map((l) => shape(l.text)));
    for (const key of edges) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const running = (text: string) => pages.length >= 2 && (counts.get(shape(text)) ?? 0) >= Math.max(2, pages.length / 2);
  const flow: { line: PdfLine; full: boolean; indented: boolean }[] = [];
  for (const lines of pages) {
    const kept = lines.filter((line, i) => {
      const edge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      return !(edge && (running(line.text) || PAGE_NUMBER.test(line.text.trim())));
    });
    flow.push(...classify(kept));
  }
  const out: string[] = [];
  let open = false;
  for (const { line, full, indented } of flow) {
    const prev = out.at(-1);
    if (open && prev !== undefined && !indented && !(/[。！？]$/.test(prev) && HEADING_START.test(line.text))) {
      // Only Latin words get a space back; a number wrapped across lines (19|6件) must stay one number.
      const space = /[A-Za-z]$/.test(prev) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
      out[out.length - 1] = prev + space + line.text;
    } else {
      out.push(line.text);
    }
    open = full;
  }
  return out.join('\n');
}

/** Per column of a page: which lines fill the column to its right edge and which start indented. */
function classify(lines: PdfLine[]): { line: PdfLine; full: boolean; indented: boolean }[] {
  const byCol = new Map<number, PdfLine[]>();
  for (const l of lines) byCol.set(l.col, [...(byCol.get(l.col) ?? []), l]);
  const edges = new Map<number, { left: number; right: number }>();
  for (const [col, ls] of byCol) {
    // The most common left edge and the right edge most lines reach (the column's measure).
    const lefts = new Map<number, number>();
    for (const l of ls) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
    const frequent = [...lefts.entries()].filter(([, n]) => n >= Math.max(2, ls.length * 0.2)).map(([x]) => x);
    const left = frequent.length > 0 ? Math.min(...frequent) : Math.min(...ls.map((l) => l.x));
    const rights = ls.map((l) => l.right).sort((a, b) => a - b);
    // A column is in byCol only with a line in it, so the index is in range.
    edges.set(col, { left, right: rights[Math.floor(rights.length * 0.8)]! });
  }
  return lines.map((line) => {
    const edge = edges.get(line.col) as { left: number; right: number };
    // Two runs of text that fill the same measure: a wrapped paragraph (needs 3+ lines in the column to tell).
    const measured = (byCol.get(line.col)?.length ?? 0) >= 3;
    return {
      line,
      full: measured && line.right >= edge.right - line.size * 1.5,
      indented: line.x - edge.left >= line.size * 1.5,
    };
  });
}
