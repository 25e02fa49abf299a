import type { ReportOutline, ReportPart, ReportSection } from '../../domain/report.js';
import { KIND_ORDER, type MarkerKind, headingTitle, isPlainHeading, readMarker } from './headings.js';
import { type TextLine, textLines } from './lines.js';
import { scopeAt } from './part-at.js';
import { findParts } from './parts.js';

const APPENDIX = /^(?:附件\s*\d*|附表\s*\d*|名词解释|附：.{0,20})$/;

interface Heading {
  line: number;
  /** Offset of the heading line in the text. */
  start: number;
  kind: MarkerKind | 'plain';
  title: string;
  region: number;
}

/**
 * Finds parts (工作回顾 / 工作安排) and headed sections in normalized text. The parts are the report's one
 * review/plan split: figures and summaries read it through `scopeAt` / `partAt` (part-at.ts).
 *
 * Levels are relative to each part: the outermost numbering style present in a part is level 1
 * (seed 002's review part numbers its sections (一)…(五), so those are level 1). Paths are
 * sequential across the report so they stay unique: review sections 1..5, plan sections 6..10,
 * children "6.1", "6.2".
 */
export function buildOutline(text: string): ReportOutline {
  const all = textLines(text);
  // Appendices (附件 / 名词解释) hold glossary lists, not sections.
  const appendix = all.findIndex((l, i) => i > 5 && APPENDIX.test(l.text));
  const appendixLine = all[appendix];
  const lines = appendixLine ? all.slice(0, appendix) : all;
  const textEnd = appendixLine?.start ?? text.length;
  const { parts, headLines } = findParts(lines, textEnd);
  const regionOf = regionIndex(parts);
  const headings: Heading[] = [];

  lines.forEach((line, i) => {
    if (headLines.has(i)) return;
    const marker = readMarker(line.text);
    if (!marker) return;
    const strict = marker.kind === 'arabic' || marker.kind === 'paren-arabic';
    if (strict && !/^[\p{Script=Han}“《]/u.test(marker.rest)) return;
    const title = headingTitle(marker.rest, strict);
    if (title) headings.push({ line: i, start: line.start, kind: marker.kind, title, region: regionOf(line.start) });
  });
  if (!headings.some((h) => h.kind === 'cn' || h.kind === 'paren-cn')) {
    headings.push(...plainHeadings(lines, headLines, regionOf));
    headings.sort((a, b) => a.line - b.line);
  }
  return { parts, sections: toSections(headings, parts, textEnd) };
}

/** Unnumbered short heading lines between long paragraphs (feature articles): needs at least two. */
function plainHeadings(lines: TextLine[], skip: Set<number>, regionOf: (o: number) => number): Heading[] {
  const found: Heading[] = [];
  for (let i = 3; i < lines.length - 1; i++) {
    const [before, line, after] = [lines[i - 1], lines[i], lines[i + 1]];
    if (!before || !line || !after) continue;
    if (skip.has(i) || !isPlainHeading(line.text)) continue;
    if (before.text.length < 30 || after.text.length < 15) continue;
    found.push({ line: i, start: line.start, kind: 'plain', title: line.text, region: regionOf(line.start) });
  }
  return found.length >= 2 ? found : [];
}

/** Maps an offset to its part index (+1), 0 before the first part or when there are none. */
function regionIndex(parts: ReportPart[]): (offset: number) => number {
  return (offset) => {
    let region = 0;
    parts.forEach((p, i) => {
      if (offset >= p.start) region = i + 1;
    });
    return region;
  };
}

function toSections(headings: Heading[], parts: ReportPart[], textEnd: number): ReportSection[] {
  const sections: ReportSection[] = [];
  const counters: number[] = [0, 0, 0];
  const open: (ReportSection | null)[] = [null, null, null];
  let region = -1;
  let kindsInRegion: (MarkerKind | 'plain')[] = [];

  for (const h of headings) {
    if (h.region !== region) {
      region = h.region;
      const present = new Set(headings.filter((x) => x.region === region).map((x) => x.kind));
      kindsInRegion = (['plain', ...KIND_ORDER] as const).filter((k) => present.has(k));
      open.fill(null);
    }
    let level = Math.min(3, kindsInRegion.indexOf(h.kind) + 1);
    // A child before any parent in its part is promoted, so paths never dangle.
    while (level > 1 && !open[level - 2]) level--;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    for (let l = level; l < 3; l++) counters[l] = 0;
    for (let l = level - 1; l < 3; l++) open[l] = null;
    const path = counters.slice(0, level).join('.');
    const part = region > 0 ? parts[region - 1] : null;
    const section: ReportSection = {
      path,
      title: h.title,
      level,
      scope: scopeAt(parts, h.start),
      start: h.start,
      end: part?.end ?? parts[0]?.start ?? textEnd,
    };
    // Close the previous sections this one ends (same or deeper level, same part).
    for (const prev of [...sections].reverse()) {
      if (prev.end <= section.start) continue;
      if (prev.level >= level) prev.end = section.start;
      else break;
    }
    open[level - 1] = section;
    sections.push(section);
  }
  return sections;
}
