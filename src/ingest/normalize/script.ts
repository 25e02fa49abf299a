import * as OpenCC from 'opencc-js';
import { hanCount } from './han.js';

type Convert = (text: string) => string;

// The tw preset maps 著力→着力 as mainland texts write it (hk keeps 著); building costs ~10 ms, so lazily once.
let toSimplified: Convert | null = null;
let toTraditional: Convert | null = null;
function converter(): Convert {
  const built = toSimplified ?? OpenCC.Converter({ from: 'tw', to: 'cn' });
  toSimplified = built;
  return built;
}
function reverseConverter(): Convert {
  const built = toTraditional ?? OpenCC.Converter({ from: 'cn', to: 'tw' });
  toTraditional = built;
  return built;
}

/** Share of Han characters that Traditional→Simplified conversion changes, below which text stays as is. */
const TRADITIONAL_SHARE = 0.04;
/** Characters inspected to detect the script. */
const SAMPLE_CHARS = 8000;

/** Script detection and the converted text (unchanged when the input is already Simplified). */
export interface ScriptResult {
  script: 'simplified' | 'traditional';
  text: string;
  /** Share of Han characters the conversion would change. */
  share: number;
}

/**
 * Detects Traditional text by the share of characters the converter changes, and converts only then:
 * running the converter over Simplified text damages it (显著→显着).
 */
export function toSimplifiedScript(text: string): ScriptResult {
  // Detection on a sample keeps long Simplified reports cheap; only Traditional text is converted whole.
  const sample = text.slice(0, SAMPLE_CHARS);
  const han = hanCount(sample);
  if (han === 0) return { script: 'simplified', text, share: 0 };
  const convertedSample = converter()(sample);
  const changed = changedChars(sample, convertedSample);
  const share = changed / han;
  if (share < TRADITIONAL_SHARE) return { script: 'simplified', text, share };
  // Simplified text also has a few characters the converter touches (显著); it has far more that the
  // reverse conversion would change, so compare both directions.
  if (changedChars(sample, reverseConverter()(sample)) >= changed) return { script: 'simplified', text, share };
  const converted = sample.length === text.length ? convertedSample : converter()(text);
  return { script: 'traditional', text: normalizeQuotes(converted), share };
}

function changedChars(before: string, after: string): number {
  const a = Array.from(before);
  const b = Array.from(after);
  if (a.length !== b.length) return Math.abs(hanCount(before) - hanCount(after)) + 1;
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  return changed;
}

/** Corner brackets used as quotes in Traditional texts → the mainland curly quotes. */
function normalizeQuotes(text: string): string {
  return text.replace(/[「『]/g, '“').replace(/[」』]/g, '”');
}
