import { bigrams, similarity, type ScoredSentence } from './score.js';

/** Limits of one extractive selection. */
export interface SelectOptions {
  minSentences: number;
  maxSentences: number;
  /** Stop once this many characters are selected (and minSentences reached). */
  targetChars: number;
  /** Never exceed this many characters unless still below minSentences. */
  maxChars: number;
  /** Groups sentences (e.g. by section) so a second pick from the same group is penalized. */
  group?: (s: ScoredSentence) => string | null;
  /** Minimum number of sentences with figures, when candidates allow. */
  minFigureSentences?: number;
  /** Longest sentence eligible (a chat summary of ~200 characters cannot spend them on one sentence). */
  maxSentenceChars?: number;
  /** Penalty for a second pick from the same group (default 1.5). */
  sameGroupPenalty?: number;
}

/** Weight of redundancy (bigram similarity to already chosen sentences) in MMR. */
const REDUNDANCY = 8;
const SAME_GROUP = 1.5;
/** Candidates considered per sentence to pick: MMR rarely reaches further down the ranking. */
const POOL_PER_PICK = 8;
const FLOOR = -2.5;

/** Bigram sets are reused across the report, plan and per-section selections of the same sentences. */
const gramCache = new WeakMap<ScoredSentence, Set<number>>();
function gramsOf(s: ScoredSentence): Set<number> {
  let grams = gramCache.get(s);
  if (!grams) gramCache.set(s, (grams = bigrams(s.text)));
  return grams;
}

/** Maximal-marginal-relevance selection over eligible sentences, returned in original text order. */
export function selectSentences(candidates: ScoredSentence[], opts: SelectOptions): ScoredSentence[] {
  // MMR only needs the strongest candidates; this keeps long reports cheap.
  const pool = candidates
    .filter((s) => !s.excluded && s.text.length <= (opts.maxSentenceChars ?? Infinity))
    .sort((a, b) => b.score - a.score)
    .slice(0, POOL_PER_PICK * opts.maxSentences)
    .map((s) => ({ s, grams: gramsOf(s) }));
  const chosen: typeof pool = [];
  let chars = 0;
  const needFigures = () => (opts.minFigureSentences ?? 0) - chosen.filter((c) => c.s.figures > 0).length;

  while (chosen.length < opts.maxSentences && pool.length) {
    if (chosen.length >= opts.minSentences && chars >= opts.targetChars) break;
    let best = -1;
    let bestValue = -Infinity;
    const slotsLeft = opts.maxSentences - chosen.length;
    for (const [i, { s, grams }] of pool.entries()) {
      const length = s.text.length;
      if (chosen.length >= opts.minSentences && chars + length > opts.maxChars) continue;
      // Keep room for the figures the summary must carry.
      if (s.figures === 0 && needFigures() >= slotsLeft && pool.some((p) => p.s.figures > 0)) continue;
      const redundancy = Math.max(0, ...chosen.map((c) => similarity(c.grams, grams)));
      const group = opts.group?.(s);
      const sameGroup = group != null && chosen.some((c) => opts.group?.(c.s) === group);
      const value = s.score - REDUNDANCY * redundancy - (sameGroup ? (opts.sameGroupPenalty ?? SAME_GROUP) : 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    // Weak sentences only fill the minimum.
    if (chosen.length >= opts.minSentences && bestValue < 0) break;
    // …and hopeless ones (ceremony, boilerplate-heavy) not even that: a short summary beats a bad one.
    if (bestValue < FLOOR) break;
    const [pick] = pool.splice(best, 1);
    if (!pick) break; // unreachable: best indexes pool
    chosen.push(pick);
    chars += pick.s.text.length;
  }
  return chosen.map((c) => c.s).sort((a, b) => a.start - b.start);
}
