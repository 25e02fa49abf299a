import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { type IdfLookup, parseIdfTable } from './idf-table.js';
import { DOMAIN_TERMS } from './lexicon.js';

/** Tag of the domain user dictionary: nz keeps its terms through the POS filter. */
const USER_TAG = 'nz';
const DOMAIN: ReadonlySet<string> = new Set(DOMAIN_TERMS);

let segmenter: Jieba | null = null;
let idfTable: { table: IdfLookup; median: number } | null = null;
const posFilters = new Map<string, (word: string) => boolean>();

/** The shared jieba instance with the domain user dictionary (loaded once, on first use: ~200 ms). */
export function jieba(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    // High frequency so these win over jieba's own splits.
    segmenter.loadDict(Buffer.from(DOMAIN_TERMS.map((w) => `${w} 100000 ${USER_TAG}`).join('\n') + '\n'));
  }
  return segmenter;
}

/**
 * Tag jieba's `tag` gives a word that is in no dictionary: by its ASCII letters and digits (none: x, digits
 * only: m, else eng), as jieba-rs does.
 */
function fallbackTag(word: string): string {
  let alnum = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      alnum++;
      digits++;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum++;
  }
  return alnum === 0 ? 'x' : alnum === digits ? 'm' : 'eng';
}

/**
 * A test whether jieba's `tag` would give a token of `cut` (same text, HMM on) one of the parts of speech in
 * `pos`, answered from the bundled dictionary's tags: `tag` is `cut` plus that look-up, and building a
 * { word, tag } object per token in the binding costs more than the segmentation. A user-dictionary term
 * that the bundled dictionary already has keeps the bundled tag (jieba-rs only updates its frequency).
 */
export function posFilter(pos: ReadonlySet<string>): (word: string) => boolean {
  const key = [...pos].sort().join(' ');
  const cached = posFilters.get(key);
  if (cached) return cached;
  // Only two small sets are kept (not the 350k-entry table): dictionary words with a wanted tag, and those
  // with another tag whose fallback tag would be wanted.
  const wanted = new Set<string>();
  const overridden = new Set<string>();
  const add = (word: string, tag: string): void => {
    if (pos.has(tag)) wanted.add(word);
    else if (pos.has(fallbackTag(word))) overridden.add(word);
  };
  const source = Buffer.from(dict).toString('utf8');
  const known = new Set<string>();
  for (let start = 0; start < source.length; ) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    const first = source.indexOf(' ', start);
    if (first > start && first < end) {
      const second = source.indexOf(' ', first + 1);
      const word = source.slice(start, first);
      add(word, second > first && second < end ? source.slice(second + 1, end).trim() : '');
      if (DOMAIN.has(word)) known.add(word);
    }
    start = end + 1;
  }
  for (const term of DOMAIN_TERMS) if (!known.has(term)) add(term, USER_TAG);
  const filter = (word: string): boolean => wanted.has(word) || (!overridden.has(word) && pos.has(fallbackTag(word)));
  posFilters.set(key, filter);
  return filter;
}

/** Jieba's bundled IDF table and its median (used for unseen terms), parsed once on first use. */
export function builtinIdf(): { table: IdfLookup; median: number } {
  idfTable ??= parseIdfTable(Buffer.from(idf).toString('utf8'));
  return idfTable;
}
