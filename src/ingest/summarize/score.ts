import {
  boilerplateShare,
  figures,
  initiatives,
  isByline,
  isCeremony,
  isCommendation,
  isContext,
  isDangling,
  isDiscipline,
  isExhortation,
  isGreeting,
  isJunk,
  isRollCall,
} from './features.js';
import type { Sentence } from './sentences.js';

/** A sentence with its summary-worthiness. */
export interface ScoredSentence extends Sentence {
  score: number;
  figures: number;
  /** Never eligible: heading, junk, greeting, fragment, or a bare slogan. */
  excluded: boolean;
  /** Political boilerplate with no figure and no named initiative. */
  slogan: boolean;
}

/** Share of boilerplate above which a sentence without concrete content is a bare slogan. */
const SLOGAN_SHARE = 0.3;
const MIN_LENGTH = 16;
/** Openings of a sentence that sums up the period under review. */
const OVERVIEW =
  /^(?:一年来|过去一年|全年|今年以来|五年来|本届以来|[0-9]{4}年[,\uFF0C]?(?:我们|市政协|县政协|区政协|州政协|省政协|常委会)?共)/;
const MAX_LENGTH = 300;

/** False when a sentence is excluded by its shape alone (heading, too short or long), before any scoring. */
export function mayQualify(sentence: Sentence): boolean {
  const length = sentence.text.length;
  return !sentence.heading && length >= MIN_LENGTH && length <= MAX_LENGTH;
}

/** Scores a sentence: figures and named initiatives up; boilerplate, odd length and back-references down. */
export function scoreSentence(sentence: Sentence, extraFigures = 0): ScoredSentence {
  const { text } = sentence;
  const figs = Math.max(figures(text).length, extraFigures);
  const named = initiatives(text).length;
  const share = boilerplateShare(text);
  const slogan = figs === 0 && named === 0 && share >= SLOGAN_SHARE;
  const length = text.length;
  const excluded =
    !mayQualify(sentence) ||
    slogan ||
    isJunk(text) ||
    isGreeting(text) ||
    isExhortation(text) ||
    isRollCall(text) ||
    // A fragment of a sentence broken across lines by the source page.
    /^[、,;:)\]\uFF0C\uFF1B\uFF1A\uFF09]/.test(text);

  let score = 2 * Math.min(figs, 3) + 1.5 * Math.min(named, 2) - 6 * share;
  if (length < 30) score -= 1.5;
  else if (length <= 120) score += 0.5;
  else if (length > 220) score -= 3;
  else if (length > 160) score -= 1;
  if (isDangling(text)) score -= 1;
  if (isCeremony(text)) score -= 3;
  // Honours, the body's own discipline, a news frame and the year's place in history are not the year's work:
  // they may fill a summary, never lead it.
  if (isCommendation(text)) score -= 2.5;
  if (isDiscipline(text)) score -= 2.5;
  // A byline that carries the figures (记者获悉,五年来共收到提案5644件) is still the news item's substance.
  if (isByline(text)) score -= figs ? 0.5 : 2;
  if (figs === 0 && isContext(text)) score -= 2;
  // A sentence that sums up the year (一年来, 全年 … with figures) stands for the whole review.
  if (figs > 0 && OVERVIEW.test(text)) score += 1;
  // An unterminated sentence is usually a line broken mid-sentence by the source page.
  if (!/[。!?\uFF01\uFF1F]\s*[”’」』)\uFF09]*$/.test(text)) score -= 1;
  return { ...sentence, score, figures: figs, excluded, slogan };
}

/** Keys of a pair of code points: first · PAIR + second (exact below 2^53). */
const PAIR = 0x110000;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Character-bigram set of a sentence (CJK, letters and digits only; others are dropped, joining their
 * neighbours), each pair as one number: hashing a new two-character string per pair was most of its cost.
 */
export function bigrams(text: string): Set<number> {
  const set = new Set<number>();
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    // The CJK block and ASCII letters and digits without the regex; everything else through it.
    const kept =
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code < 0x80
        ? (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
        : LETTER_OR_DIGIT.test(String.fromCodePoint(code)));
    if (!kept) continue;
    if (previous >= 0) set.add(previous * PAIR + code);
    previous = code;
  }
  return set;
}

/** Jaccard similarity of two bigram sets. */
export function similarity(a: Set<number>, b: Set<number>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}
