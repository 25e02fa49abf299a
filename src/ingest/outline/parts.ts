import type { ReportPart } from '../../domain/report.js';
import { loosePartScope, partScope, readMarker } from './headings.js';
import type { TextLine } from './lines.js';

/** Parts found, and the indexes of the lines that head them. */
export interface FoundParts {
  parts: ReportPart[];
  headLines: Set<number>;
}

/** Longest line that can head a part when its siblings are numbered parts (四、全面提升政府治理现代化水平). */
const MAX_NUMBERED_PART = 30;
/** A line this long is a paragraph: a loose plan heading below one closes text, it is not the report's title. */
const PARAGRAPH = 30;

/**
 * Finds the parts of a report, the one place that decides review and plan for the outline, the figures and
 * the summaries. Part headings are short lines such as 2020年工作回顾 / 2021年工作意见, also numbered
 * (一、2025年工作回顾); once parts are numbered, later short 一、-level lines are parts too (plan unless they
 * say 回顾). A report with none of those gets its parts from loose headings (looseParts).
 */
export function findParts(lines: TextLine[], textLength: number): FoundParts {
  const parts: ReportPart[] = [];
  const headLines = new Set<number>();
  let numbered = false;
  lines.forEach((line, i) => {
    const marker = readMarker(line.text);
    const body = marker?.kind === 'cn' ? marker.rest : line.text;
    let scope = partScope(body);
    if (!scope && numbered && marker?.kind === 'cn' && body.length <= MAX_NUMBERED_PART && !/[。；]/.test(body)) {
      // Unnamed numbered parts follow the review (“十五五”时期主要任务, 全面提升政府治理水平): plans.
      scope = 'plan';
    }
    if (!scope || (marker && marker.kind !== 'cn')) return;
    if (marker?.kind === 'cn') numbered = true;
    const previous = parts.at(-1);
    if (previous) previous.end = line.start;
    parts.push({ title: body, scope, start: line.start, end: textLength });
    headLines.add(i);
  });
  return parts.length ? { parts, headLines } : looseParts(lines, textLength);
}

/**
 * Parts from loose headings (主要工作情况 / 下一步工作打算, unnumbered or 一、): the first plan heading that
 * follows a review heading or a paragraph opens the plan part, running to the end; the first review heading
 * before it opens the review part. Without a plan heading there is nothing to tell apart: no parts. Only
 * top-level lines count: (二)/2. headings (（二）主要任务) head sections inside a part.
 */
function looseParts(lines: TextLine[], textLength: number): FoundParts {
  let review: { line: TextLine; index: number; title: string } | null = null;
  let paragraph = false;
  for (const [index, line] of lines.entries()) {
    const marker = readMarker(line.text);
    const title = marker?.kind === 'cn' ? marker.rest : line.text.trim();
    const scope = marker && marker.kind !== 'cn' ? null : loosePartScope(title);
    if (scope === 'review' && !review) review = { line, index, title };
    if (scope === 'plan' && (review || paragraph)) {
      const plan: ReportPart = { title, scope, start: line.start, end: textLength };
      if (!review) return { parts: [plan], headLines: new Set([index]) };
      const opened: ReportPart = { title: review.title, scope: 'review', start: review.line.start, end: line.start };
      return { parts: [opened, plan], headLines: new Set([review.index, index]) };
    }
    if (line.text.length > PARAGRAPH) paragraph = true;
  }
  return { parts: [], headLines: new Set() };
}
