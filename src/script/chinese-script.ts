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
/** One code point of Han script (tested only outside the CJK Unified Ideographs block, which is all Han). */
const HAN = /^\p{Script=Han}$/u;
/** The CJK Unified Ideographs block: every code point of it is Han (Unicode 14+), and most of a report. */
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** The script a text is written in, and the share of its Han characters the conversion changes. */
export interface ScriptGuess {
  script: 'simplified' | 'traditional';
  /** Exact when the text was converted; below the threshold, possibly an upper bound (see changingChars). */
  share: number;
  /** toSimplified(text), when detection converted the whole text (it was no longer than the sample). */
  simplified?: string;
}

/** The changing code points: a byte per BMP code point (read per character, faster than a Set), a set beyond. */
interface CharTable {
  bmp: Uint8Array;
  astral: Set<number>;
}

/** The tables of each conversion chain, built on first use (undefined: not yet; null: no bound possible). */
const changing: { t2s?: CharTable | null; s2t?: CharTable | null } = {};

/**
 * Code points a conversion can change: those at a position where a dictionary entry's replacement differs
 * from its key, in either step of its chain (tw→cn for t2s, cn→tw for s2t). No other character ever changes,
 * so their count bounds the changed characters from above: a text with too few of them for Traditional is
 * Simplified without converting it, and a Traditional candidate whose Simplified→Traditional changes cannot
 * reach its Traditional→Simplified ones needs no reverse conversion. Null (no shortcut) if some entry changed
 * the length, which would break the bound.
 */
function changingChars(direction: 't2s' | 's2t'): CharTable | null {
  const cached = changing[direction];
  if (cached !== undefined) return cached;
  const groups =
    direction === 't2s' ? [...OpenCC.Locale.from.tw, ...OpenCC.Locale.to.cn] : [...OpenCC.Locale.from.cn, ...OpenCC.Locale.to.tw];
  changing[direction] = charTable(groups);
  return changing[direction];
}

function charTable(groups: readonly (readonly (string | readonly (readonly [string, string])[])[])[]): CharTable | null {
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const dict of groups.flat()) {
    const pairs: readonly (readonly [string, string])[] =
      typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
    for (const [key, value] of pairs) {
      const k = Array.from(key);
      const v = Array.from(value ?? '');
      if (k.length !== v.length) return null;
      for (let i = 0; i < k.length; i++) {
        if (k[i] === v[i]) continue;
        const cp = k[i]!.codePointAt(0)!;
        if (cp > 0xffff) astral.add(cp);
        else bmp[cp] = 1;
      }
    }
  }
  return { bmp, astral };
}

/** Han code points of a text, and of them (with a table) those the conversion can change; one pass. */
function countHan(text: string, table: CharTable | null): { han: number; could: number } {
  let han = 0;
  let could = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let cp = unit;
    // A lone surrogate stays one unit (as the u-flag regex treats it); a pair is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) cp = text.codePointAt(i)!;
    }
    if (cp >= CJK_FIRST && cp <= CJK_LAST) han++;
    else if (cp >= 0x2e80 && HAN.test(String.fromCodePoint(cp))) han++;
    if (table && (cp > 0xffff ? table.astral.has(cp) : table.bmp[cp] === 1)) could++;
    if (cp > 0xffff) i++;
  }
  return { han, could };
}

/**
 * Traditional when conversion to Simplified changes enough characters and more of them than the reverse
 * conversion would: Simplified text also has characters the converter touches (显著→显着), but far more that
 * Simplified→Traditional changes.
 */
export function detectScript(text: string): ScriptGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const table = changingChars('t2s');
  const { han, could } = countHan(sample, table);
  if (han === 0) return { script: 'simplified', share: 0 };
  if (table && could < TRADITIONAL_SHARE * han) return { script: 'simplified', share: could / han };
  const converted = toSimplified(sample);
  const changed = changedChars(sample, converted);
  const share = changed / han;
  if (share < TRADITIONAL_SHARE) return { script: 'simplified', share };
  // A Traditional text no longer than the sample is converted already: its caller need not convert it again.
  const traditional: ScriptGuess =
    sample === text ? { script: 'traditional', share, simplified: converted } : { script: 'traditional', share };
  // The reverse conversion can change at most the characters its table holds: fewer than `changed` decides.
  const reverse = changingChars('s2t');
  if (reverse && countHan(sample, reverse).could < changed) return traditional;
  if (changedChars(sample, toTraditional(sample)) >= changed) return { script: 'simplified', share };
  return traditional;
}

/** True when the text is written in Traditional script. */
export function isTraditional(text: string): boolean {
  return detectScript(text).script === 'traditional';
}

/** The Simplified form of a document or a query: converted when it is Traditional, else unchanged (显著 stays). */
export function simplifiedForm(text: string): string {
  const guess = detectScript(text);
  return guess.script === 'traditional' ? (guess.simplified ?? toSimplified(text)) : text;
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
