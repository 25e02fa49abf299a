/**
 * A strict re-implementation of Telegram's HTML parse mode checks, so the stand-in can refuse what the real
 * Bot API refuses: only Telegram's tags, balanced and properly nested; only &lt; &gt; &amp; &quot; and
 * numeric entities; no bare `<`, `>` or `&` in text.
 */

const ALLOWED = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Result of parsing: the visible text, or the Bot API's error description. */
export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

/** Parses Telegram HTML like the Bot API does (strictly); returns the visible text or the error. */
export function checkTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = '';
  let i = 0;
  const fail = (why: string): HtmlCheck => ({
    ok: false,
    error: `Bad Request: can't parse entities: ${why} at byte offset ${Buffer.byteLength(html.slice(0, i))}`,
  });
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) return fail('Unclosed start tag');
      const tag = html.slice(i + 1, end);
      const closing = tag.startsWith('/');
      const m = /^\/?([a-z][a-z-]*)(\s[\s\S]*)?$/.exec(tag);
      if (!m) return fail(`Unsupported start tag "${tag}"`);
      const name = m[1]!;
      if (!ALLOWED.has(name)) return fail(`Unsupported start tag "${name}"`);
      if (closing) {
        if (m[2]?.trim()) return fail(`Unexpected end tag attributes`);
        if (stack.pop() !== name) return fail(`Can't find end tag corresponding to start tag "${name}"`);
      } else {
        const attrError = checkAttributes(name, m[2] ?? '');
        if (attrError) return fail(attrError);
        stack.push(name);
      }
      i = end + 1;
    } else if (ch === '&') {
      const m = /^&(#\d+|#x[\da-fA-F]+|[a-zA-Z]+);/.exec(html.slice(i, i + 12));
      if (!m) return fail('Character "&" must be escaped');
      const ent = m[1]!;
      if (ent.startsWith('#')) {
        const code = ent[1] === 'x' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        text += String.fromCodePoint(code);
      } else if (NAMED[ent] !== undefined) {
        text += NAMED[ent];
      } else {
        return fail(`Unsupported HTML entity "&${ent};"`);
      }
      i += m[0].length;
    } else if (ch === '>') {
      return fail('Character ">" must be escaped');
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length) return fail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1]}"`);
  return { ok: true, text };
}

function checkAttributes(name: string, attrs: string): string | null {
  const trimmed = attrs.trim();
  if (!trimmed) return name === 'a' ? 'Tag "a" must have attribute "href"' : null;
  const re = /^([a-z-]+)(?:="([^"]*)")?\s*/;
  let rest = trimmed;
  while (rest) {
    const m = re.exec(rest);
    if (!m) return `Bad attributes of tag "${name}"`;
    const attr = m[1]!;
    const ok =
      (name === 'a' && attr === 'href') ||
      (name === 'span' && attr === 'class' && m[2] === 'tg-spoiler') ||
      (name === 'blockquote' && attr === 'expandable') ||
      (name === 'tg-emoji' && attr === 'emoji-id') ||
      (name === 'code' && attr === 'class');
    if (!ok) return `Unsupported attribute "${attr}" of tag "${name}"`;
    if (m[2]?.includes('<') || m[2]?.includes('>')) return `Bad attribute value of tag "${name}"`;
    rest = rest.slice(m[0].length);
  }
  return null;
}
