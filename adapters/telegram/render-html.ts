import type { Block, Reply, RichText } from '../../src/service/reply/reply-model.js';
import { escapeAttr, escapeHtml } from './escape-html.js';
import { renderTableRows } from './table-html.js';

/** Renders a rich text run; highlight marks become `<b>`. Overlapping or out-of-range marks are skipped. */
export function renderRichText(t: RichText): string {
  if (!t.marks?.length) return escapeHtml(t.text);
  let out = '';
  let at = 0;
  for (const [s, e] of [...t.marks].sort((a, b) => a[0] - b[0])) {
    // A bad mark must never produce unbalanced HTML, so anything odd is rendered as plain text.
    if (s < at || e <= s || e > t.text.length) continue;
    out += escapeHtml(t.text.slice(at, s)) + '<b>' + escapeHtml(t.text.slice(s, e)) + '</b>';
    at = e;
  }
  return out + escapeHtml(t.text.slice(at));
}

/** Renders one block as Telegram HTML lines (joined with newlines by the caller). */
export function renderBlock(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [`<b>${escapeHtml(b.text)}</b>`];
    case 'paragraph':
      return [renderRichText(b)];
    case 'fields':
      return b.items.map((i) => `<b>${escapeHtml(i.label)}</b>: ${escapeHtml(i.value)}`);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${renderRichText(item)}`);
    case 'quote': {
      const source = b.source ? `\n— <i>${escapeHtml(b.source)}</i>` : '';
      return [`<blockquote>${escapeHtml(b.text)}${source}</blockquote>`];
    }
    case 'link':
      // Telegram rejects non-http(s) hrefs in some clients; such links are shown as text instead.
      return /^https?:\/\//i.test(b.url)
        ? [`<a href="${escapeAttr(b.url)}">${escapeHtml(b.text)}</a>`]
        : [`${escapeHtml(b.text)}: ${escapeHtml(b.url)}`];
    case 'table':
      return renderTableRows(b.columns, b.rows);
    case 'divider':
      return ['——————'];
  }
}

/** Renders every section of a reply as one HTML string per section (empty sections dropped). */
export function renderSections(reply: Reply): string[] {
  const out: string[] = [];
  for (const section of reply.sections) {
    const html = section.blocks.flatMap(renderBlock).join('\n');
    if (html.trim()) out.push(html);
  }
  // A reply with no content still needs a message: fall back to its title.
  if (!out.length) out.push(`<b>${escapeHtml(reply.title || '(空)')}</b>`);
  return out;
}
