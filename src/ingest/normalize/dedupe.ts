/** Removes repeated text: split copies of a title, cut-off previews of the opening, repeated paragraphs. */

const squash = (s: string): string => s.replace(/\s+/g, '');

/** Leading lines checked for previews and split titles. */
const HEAD_LINES = 10;
/** Paragraphs at least this long are dropped when they repeat anywhere; shorter ones only when consecutive. */
const MIN_REPEAT_CHARS = 20;

/**
 * Drops a title repeated as split pieces on the next lines (keeping the whole line), a leading line that is a
 * cut-off copy of the text that follows (a page preview), and later copies of repeated paragraphs.
 */
export function dedupeLines(lines: string[]): string[] {
  return dropRepeatedParagraphs(dropPreviews(dropSplitCopies(lines)));
}

/** `A B` followed by `A` and `B` on their own lines → keep `A B` only (and the reverse order). */
function dropSplitCopies(lines: string[]): string[] {
  const drop = new Set<number>();
  const limit = Math.min(lines.length, HEAD_LINES);
  // Every line a window below can reach (up to 4 past the last head line), squashed once.
  const squashed = lines.slice(0, limit + 4).map(squash);
  for (let i = 0; i < limit; i++) {
    if (drop.has(i)) continue;
    const whole = squashed[i]!;
    for (let k = 2; k <= 4 && i + k < lines.length; k++) {
      const after = squashed.slice(i + 1, i + 1 + k).join('');
      if (after === whole) {
        for (let j = i + 1; j <= i + k; j++) drop.add(j);
        break;
      }
      const before = i - k >= 0 ? squashed.slice(i - k, i).join('') : '';
      if (before === whole) {
        for (let j = i - k; j < i; j++) drop.add(j);
        break;
      }
    }
  }
  return lines.filter((_, i) => !drop.has(i));
}

/** A leading line whose text reappears later spread over several lines, or as the start of a longer line. */
function dropPreviews(lines: string[]): string[] {
  const drop = new Set<number>();
  const limit = Math.min(lines.length, HEAD_LINES);
  // Every line squashed once, not once per leading line checked (that was ten passes over the whole text).
  const squashed = lines.map(squash);
  // The squashed lines joined once; the text after line i is its tail from ends[i] (was a join per line).
  let joined: string | null = null;
  const ends: number[] = [];
  let end = 0;
  for (const s of squashed) ends.push((end += s.length));
  for (let i = 0; i < limit; i++) {
    const s = squashed[i]!;
    if (s.length < 15) continue;
    let inOneLine = false;
    let prefixOfLonger = false;
    for (let j = i + 1; j < squashed.length; j++) {
      const l = squashed[j]!;
      if (l.includes(s)) inOneLine = true;
      // A prefix is in the line too: nothing left to learn.
      if (l.length > s.length && l.startsWith(s)) {
        prefixOfLonger = true;
        break;
      }
    }
    if (prefixOfLonger || (!inOneLine && (joined ??= squashed.join('')).indexOf(s, ends[i]) !== -1)) drop.add(i);
  }
  return lines.filter((_, i) => !drop.has(i));
}

/** Later copies of a paragraph: any repeat of a long one, consecutive repeats of a short one. */
function dropRepeatedParagraphs(lines: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  // The squashed form of the last line kept (out's last), not squashed again for every line.
  let previous: string | null = null;
  for (const line of lines) {
    const key = squash(line);
    if (key === previous) continue;
    if (key.length >= MIN_REPEAT_CHARS && seen.has(key)) continue;
    seen.add(key);
    out.push(line);
    previous = key;
  }
  return out;
}
