import type { Block, Reply, RichText } from '../../src/service/reply/reply-model.js';
import { renderMarks } from '../../src/service/reply/marks.js';
import { escapeAttr, escapeHtml } from './escape-html.js';
import { renderTableRows } from './table-html.js';

/** Renders a rich text run; highlight marks become `<b>`. Overlapping or out-of-range marks are skipped. */
export function renderRichText(t: RichText): string {
  return renderMarks(t, escapeHtml, (marked) => `<b>${escapeHtml(marked)}</b>`);
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
