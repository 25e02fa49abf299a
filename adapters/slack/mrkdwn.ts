import { renderMarks } from '../../src/service/reply/marks.js';
import type { RichText } from '../../src/service/reply/reply-model.js';

/** Zero-width space: lets Slack see `*bold*` markers glued to CJK text as word boundaries. */
const ZWSP = '\u200b';

/** Escapes the three characters Slack's mrkdwn reserves for links and mentions. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Renders text with highlight marks as escaped mrkdwn, marks as *bold*. */
export function markedMrkdwn(t: RichText): string {
  return renderMarks(t, escapeMrkdwn, bold);
}

/** Wraps text in `*…*`; whitespace moves outside the markers because Slack ignores `* x*`. */
export function bold(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  const inner = m[2]!;
  if (!inner) return text;
  // A literal asterisk inside would close the bold early.
  return `${m[1]}${ZWSP}*${escapeMrkdwn(inner.replace(/\*/g, '＊'))}*${ZWSP}${m[3]}`;
}

/** Cuts a string to `max` characters with an ellipsis, never inside a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return safeEnd(text, max - 1) + '…';
}

/** The prefix of `text` of at most `end` UTF-16 units that does not end in half a surrogate pair. */
function safeEnd(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** The part [a, b) of a rich text, marks clipped and shifted. */
function sliceRich(t: RichText, a: number, b: number): RichText {
  const marks = (t.marks ?? [])
    .map(([s, e]) => [Math.max(s, a) - a, Math.min(e, b) - a] as [number, number])
    .filter(([s, e]) => e > s);
  return marks.length ? { text: t.text.slice(a, b), marks } : { text: t.text.slice(a, b) };
}

const BOUNDARY = /[。！？；!?;\n]/;

/**
 * Splits rich text into pieces whose rendered mrkdwn is at most `max` characters, cutting after a sentence
 * end when one is near, never inside an escape or a bold span (pieces are cut raw, then rendered).
 */
export function chunkRich(t: RichText, max: number): RichText[] {
  const out: RichText[] = [];
  const n = t.text.length;
  const fits = (a: number, b: number) => markedMrkdwn(sliceRich(t, a, b)).length <= max;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, start + max);
    // Rendering only grows text, so the raw end is an upper bound; shrink until the rendered piece fits.
    while (end - start > 1 && !fits(start, end)) end = start + Math.max(1, Math.floor((end - start) * 0.9));
    if (end < n) {
      let cut = end;
      while (cut > start + (end - start) / 2 && !BOUNDARY.test(t.text[cut - 1]!)) cut--;
      if (cut > start + (end - start) / 2) end = cut;
      const code = t.text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff && end - start > 1) end--;
    }
    out.push(sliceRich(t, start, end));
    start = end;
  }
  return out;
}
