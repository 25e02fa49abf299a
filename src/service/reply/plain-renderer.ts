import { renderMarks } from './marks.js';
import type { Block, Reply, RichText } from './reply-model.js';

/** Renders a reply as plain text for the console and `digest ask`; highlights become 【…】. */
export function renderPlain(reply: Reply): string {
  const out: string[] = [];
  for (const section of reply.sections) {
    const lines = section.blocks.flatMap(renderBlock);
    if (lines.length) out.push(lines.join('\n'));
  }
  if (reply.actions.length)
    out.push(
      (reply.script === 'traditional' ? '可繼續: ' : '可继续: ') +
        reply.actions.map((a) => `${a.label} → ${a.command}`).join(' | '),
    );
  return out.join('\n\n');
}

/** Applies highlight marks as 【…】 brackets. */
function markText(t: RichText, open = '【', close = '】'): string {
  return renderMarks(
    t,
    (text) => text,
    (marked) => open + marked + close,
  );
}

function renderBlock(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [`【${b.text}】`];
    case 'paragraph':
      return [markText(b)];
    case 'fields':
      return b.items.map((i) => `${i.label}: ${i.value}`);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${markText(item)}`);
    case 'quote':
      return [`  «${b.text}»${b.source ? ` —— ${b.source}` : ''}`];
    case 'link':
      return [`${b.text}: ${b.url}`];
    case 'table':
      return [b.columns.join(' | '), ...b.rows.map((r) => r.map((c) => c ?? '—').join(' | '))];
    case 'divider':
      return ['—'];
  }
}
