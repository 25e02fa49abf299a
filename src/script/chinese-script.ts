/**
 * The one Simplified/Traditional setup for documents and queries alike, so that a query finds what a document
 * stores: OpenCC's tw preset (it maps 著力→着力 as mainland texts write it, which hk keeps as 著力).
 */
import * as OpenCC from 'opencc-js';

type Convert = (text: string) => string;

// Building a converter costs ~10 ms, so each is built lazily, once.
let t2s: Convert | null = null;
let s2t: Convert | null = null;

/** Traditional → Simplified (mainland usage), unconditionally: call it on text known to be Traditional. */
export function toSimplified(text: string): string {
  const convert = (t2s ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** Simplified → Traditional (Taiwan standard), for replies to readers of Traditional script. */
export function toTraditional(text: string): string {
  const convert = (s2t ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/** Share of Han characters that Traditional→Simplified conversion changes, below which text stays as is. */
const TRADITIONAL_SHARE = 0.04;
/** Characters inspected to detect the script of a long text. */
const SAMPLE_CHARS = 8000;
const HAN = /\p{Script=Han}/gu;

/** The script a text is written in, and the share of its Han characters the conversion changes. */
export interface ScriptGuess {
  script: 'simplified' | 'traditional';
  /** Exact when the text was converted; below the threshold, possibly an upper bound (see changingChars). */
  share: number;
}

let changing: Set<number> | null | undefined;

/**
 * Code points Traditional→Simplified conversion can change: those at a position where a dictionary entry's
 * replacement differs from its key, in either step of the tw→cn chain. No other character ever changes, so
 * their count bounds the changed characters from above, and a text with too few of them is Simplified
 * without converting it. Null (no shortcut) if some entry changed the length, which would break the bound.
 */
function changingChars(): Set<number> | null {
  if (changing !== undefined) return changing;
  const set = new Set<number>();
  for (const group of [...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn])
    for (const dict of group) {
      const pairs: readonly (readonly [string, string])[] =
        typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
      for (const [key, value] of pairs) {
        const k = Array.from(key);
        const v = Array.from(value ?? '');
        if (k.length !== v.length) return (changing = null);
        for (let i = 0; i < k.length; i++) if (k[i] !== v[i]) set.add(k[i]!.codePointAt(0)!);
      }
    }
  changing = set;
  return set;
}

/**
 * Traditional when conversion to Simplified changes enough characters and more of them than the reverse
 * conversion would: Simplified text also has characters the converter touches (显著→显着), but far more that
 * Simplified→Traditional changes.
 */
export function detectScript(text: string): ScriptGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const han = sample.match(HAN)?.length ?? 0;
  if (han === 0) return { script: 'simplified', share: 0 };
  const table = changingChars();
  if (table) {
    let could = 0;
    for (let i = 0; i < sample.length; i++) {
      const cp = sample.codePointAt(i)!;
      if (cp > 0xffff) i++;
      if (table.has(cp)) could++;
    }
    if (could < TRADITIONAL_SHARE * han) return { script: 'simplified', share: could / han };
  }
  const changed = changedChars(sample, toSimplified(sample));
  const share = changed / han;
  if (share < TRADITIONAL_SHARE) return { script: 'simplified', share };
  if (changedChars(sample, toTraditional(sample)) >= changed) return { script: 'simplified', share };
  return { script: 'traditional', share };
}

/** True when the text is written in Traditional script. */
export function isTraditional(text: string): boolean {
  return detectScript(text).script === 'traditional';
}

/** The Simplified form of a document or a query: converted when it is Traditional, else unchanged (显著 stays). */
export function simplifiedForm(text: string): string {
  return isTraditional(text) ? toSimplified(text) : text;
}

/** Characters that differ between a text and its conversion (the converters keep code-point counts). */
function changedChars(before: string, after: string): number {
  const a = Array.from(before);
  const b = Array.from(after);
  if (a.length !== b.length) return Math.abs(a.length - b.length) + 1;
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed++;
  return changed;
}
