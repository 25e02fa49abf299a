import type { MetricFact, ReportOutline } from '../../domain/report.js';
import { scopeAt } from '../outline/part-at.js';
import { mayQualify, scoreSentence, type ScoredSentence } from './score.js';
import { selectSentences } from './select.js';
import { summarySentences } from './sentences.js';

/** Extractive summaries of a report. */
export interface SummaryResult {
  summary: string[];
  planSummary: string[];
  /** Section path → 1–2 sentences. */
  sections: Record<string, string[]>;
}

/** Builds the report summary (review part), the plan summary and a 1–2 sentence summary per section. */
export function summarize(text: string, outline: ReportOutline, metrics: MetricFact[]): SummaryResult {
  const offsets = metrics.map((m) => m.offset).sort((a, b) => a - b);
  // Sentences excluded by shape are never selected (selection drops excluded ones first): not scored at all.
  const sentences = summarySentences(text)
    .filter(mayQualify)
    .map((s) => scoreSentence(s, countIn(offsets, s.start, s.end)));
  // The outline's parts are the one review/plan split, the figures' too; a report without parts is summarized
  // whole, and an appendix (名词解释, 附件) past the parts is in neither summary.
  const reviewScope = outline.parts.length ? 'review' : null;
  const review = sentences.filter((s) => scopeAt(outline.parts, s.start) === reviewScope);
  const plan = sentences.filter((s) => scopeAt(outline.parts, s.start) === 'plan');
  const topSection = (s: ScoredSentence) => sectionOf(outline, s.start);

  const summary = briefSummary(review, topSection);
  const planSummary = selectSentences(plan, {
    minSentences: 1,
    maxSentences: 3,
    targetChars: 120,
    maxChars: 200,
    group: topSection,
  });

  const sections: Record<string, string[]> = {};
  // Sentences come in text order: a section's are one range of them, found by two binary searches instead
  // of a pass over every sentence per section (sections × sentences grew ~n^1.5 with the text's length).
  const starts = sentences.map((s) => s.start);
  for (const section of outline.sections) {
    const inside = sentences.slice(lowerBound(starts, section.start), lowerBound(starts, section.end));
    const picked = selectSentences(inside, { minSentences: 1, maxSentences: 2, targetChars: 60, maxChars: 200 });
    sections[section.path] = picked.map((s) => s.text);
  }
  return { summary: summary.map((s) => s.text), planSummary: planSummary.map((s) => s.text), sections };
}

/** Characters a chat summary may take (the issue's “at most ~200”); the sections' summaries hold the rest. */
const SUMMARY_MAX_CHARS = 200;

/**
 * 2–3 sentences, at most SUMMARY_MAX_CHARS, drawn from different top-level sections so they stand for the whole
 * review rather than its first part. Short sentences first; a report of long sentences only gets one of them.
 */
function briefSummary(review: ScoredSentence[], group: (s: ScoredSentence) => string | null): ScoredSentence[] {
  const base = { minSentences: 2, maxSentences: 3, targetChars: 150, maxChars: SUMMARY_MAX_CHARS, group };
  const picked = selectSentences(review, {
    ...base,
    maxSentenceChars: 120,
    sameGroupPenalty: 3,
    minFigureSentences: 1,
  });
  // The minimum may overrun the budget: drop the weakest pick until the rest fits.
  while (picked.length > 1 && picked.reduce((n, s) => n + s.text.length, 0) > SUMMARY_MAX_CHARS) {
    const weakest = picked.reduce((w, s) => (s.score < w.score ? s : w));
    picked.splice(picked.indexOf(weakest), 1);
  }
  if (picked.length >= 2) return picked;
  return selectSentences(review, { ...base, minSentences: 1, maxSentenceChars: SUMMARY_MAX_CHARS, minFigureSentences: 1 });
}

/** Path of the top-level section holding an offset, or null. */
function sectionOf(outline: ReportOutline, offset: number): string | null {
  const top = outline.sections.find((s) => s.level === 1 && offset >= s.start && offset < s.end);
  return top?.path ?? null;
}

/** Number of sorted offsets within [start, end). */
function countIn(sorted: number[], start: number, end: number): number {
  return end > start ? lowerBound(sorted, end) - lowerBound(sorted, start) : 0;
}

/** Index of the first sorted value ≥ `value` (the length when none). */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
