import type { ReportPart } from '../../domain/report.js';
import { partScope, readMarker } from './headings.js';
import type { TextLine } from './lines.js';

/** Parts found, and the indexes of the lines that head them. */
export interface FoundParts {
  parts: ReportPart[];
  headLines: Set<number>;
}

/** Longest line that can head a part when its siblings are numbered parts (四、全面提升政府治理现代化水平). */
const MAX_NUMBERED_PART = 30;

/**
 * Finds the parts of a report: short lines such as 2020年工作回顾 / 2021年工作意见, also numbered
 * (一、2025年工作回顾). Once parts are numbered, later short 一、-level lines are parts too (plan unless they say 回顾).
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
  return { parts, headLines };
}
