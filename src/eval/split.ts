/** The dev corpus's fixed tuning / validation split: odd file numbers tune the rules, even ones validate them. */

/** Which half of the dev corpus a file belongs to. */
export type CorpusHalf = 'tuning' | 'validation';

/** `d001.txt` → tuning, `d002.txt` → validation; null for a file name without a number. */
export function corpusHalf(file: string): CorpusHalf | null {
  const m = /(\d+)(?!.*\d)/.exec(file);
  if (!m) return null;
  return Number(m[1]) % 2 === 1 ? 'tuning' : 'validation';
}

/** Predicate for one half, for filtering per-file results. */
export function inHalf(half: CorpusHalf): (file: string) => boolean {
  return (file) => corpusHalf(file) === half;
}
