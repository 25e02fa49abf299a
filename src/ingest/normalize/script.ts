import { detectScript, toSimplified } from '../../script/chinese-script.js';

/** Script detection and the converted text (unchanged when the input is already Simplified). */
export interface ScriptResult {
  script: 'simplified' | 'traditional';
  text: string;
  /** Share of Han characters the conversion would change. */
  share: number;
}

/**
 * Converts Traditional text to Simplified and leaves Simplified text alone: running the converter over
 * Simplified text damages it (显著→显着). Detection is the shared one queries use too.
 */
export function toSimplifiedScript(text: string): ScriptResult {
  const { script, share, simplified } = detectScript(text);
  if (script === 'simplified') return { script, text, share };
  return { script, text: normalizeQuotes(simplified ?? toSimplified(text)), share };
}

/** Corner brackets used as quotes in Traditional texts → the mainland curly quotes. */
function normalizeQuotes(text: string): string {
  return text.replace(/[「『]/g, '“').replace(/[」』]/g, '”');
}
