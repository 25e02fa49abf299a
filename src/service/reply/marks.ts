import type { RichText } from './reply-model.js';

/**
 * Renders a rich text run for any platform: plain stretches through `plain` (escaping), each highlight mark
 * through `mark` (bold, brackets). Overlapping, empty or out-of-range marks are rendered as plain text, so a
 * renderer's markup always balances.
 */
export function renderMarks(t: RichText, plain: (text: string) => string, mark: (text: string) => string): string {
  if (!t.marks?.length) return plain(t.text);
  let out = '';
  let at = 0;
  for (const [s, e] of [...t.marks].sort((a, b) => a[0] - b[0])) {
    if (s < at || e <= s || e > t.text.length) continue;
    out += plain(t.text.slice(at, s)) + mark(t.text.slice(s, e));
    at = e;
  }
  return out + plain(t.text.slice(at));
}
