/** Telegram's limit for one message's text. */
const MESSAGE_LIMIT = 4096;

/** Telegram's limit for a photo or document caption. */
export const CAPTION_LIMIT = 1024;

/**
 * Packs rendered sections into messages of at most `limit` characters: sections are never split unless a
 * single section is too long on its own, in which case it is cut at line breaks (tags closed and reopened).
 * Lengths are measured on the HTML source, which is never shorter than the text Telegram counts.
 */
export function packSections(sections: string[], limit = MESSAGE_LIMIT): string[] {
  const out: string[] = [];
  let current = '';
  for (const section of sections) {
    const joined = current ? `${current}\n\n${section}` : section;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) out.push(current);
    if (section.length <= limit) {
      current = section;
      continue;
    }
    const pieces = splitHtml(section, limit);
    out.push(...pieces.slice(0, -1));
    current = pieces[pieces.length - 1] ?? '';
  }
  if (current) out.push(current);
  return out;
}

interface OpenTag {
  name: string;
  open: string;
}

const TOKEN = /<\/?[a-zA-Z][^>]*>|&(?:#\d+|#x[\da-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;

/**
 * Splits one HTML string into pieces of at most `limit` characters without cutting inside a tag or entity:
 * cuts at the last line break when there is one, else between characters; tags open at a cut are closed at
 * the end of one piece and reopened at the start of the next.
 */
export function splitHtml(html: string, limit = MESSAGE_LIMIT): string[] {
  const pieces: string[] = [];
  let stack: OpenTag[] = [];
  let cur = '';
  // Where the last newline in `cur` ends, with the tags open at that point.
  let lastBreak: { at: number; stack: OpenTag[] } | null = null;
  let hasText = false;

  const cut = () => {
    if (lastBreak && lastBreak.at > reopen(lastBreak.stack).length) {
      const head = cur.slice(0, lastBreak.at).replace(/\n+$/, '');
      pieces.push(head + close(lastBreak.stack));
      const rest = cur.slice(lastBreak.at);
      cur = reopen(lastBreak.stack) + rest;
      hasText = rest.replace(/<[^>]*>/g, '').length > 0;
    } else {
      pieces.push(cur + close(stack));
      cur = reopen(stack);
      hasText = false;
    }
    lastBreak = null;
  };

  for (const token of html.match(TOKEN) ?? []) {
    const next = nextStack(stack, token);
    while (cur.length + token.length + close(next).length > limit && hasText) cut();
    cur += token;
    stack = next;
    if (!token.startsWith('<')) hasText = true;
    if (token === '\n') lastBreak = { at: cur.length, stack };
  }
  if (cur.replace(/<[^>]*>/g, '').trim()) pieces.push(cur + close(stack));
  return pieces.map((p) => p.replace(/^\n+/, ''));
}

function nextStack(stack: OpenTag[], token: string): OpenTag[] {
  if (!token.startsWith('<') || token.length < 3) return stack;
  const m = /^<(\/?)([a-zA-Z][\w-]*)/.exec(token);
  if (!m) return stack;
  const name = m[2]!.toLowerCase();
  if (!m[1]) return [...stack, { name, open: token }];
  const i = stack.map((t) => t.name).lastIndexOf(name);
  return i < 0 ? stack : stack.slice(0, i);
}

function close(stack: OpenTag[]): string {
  return [...stack]
    .reverse()
    .map((t) => `</${t.name}>`)
    .join('');
}

function reopen(stack: OpenTag[]): string {
  return stack.map((t) => t.open).join('');
}
