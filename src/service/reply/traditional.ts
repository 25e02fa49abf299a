import { toTraditional } from '../../script/chinese-script.js';
import type { Block, Reply } from './reply-model.js';

/** Converts every user-visible string of a reply to Traditional script. */
export function replyToTraditional(reply: Reply): Reply {
  const t = toTraditional;
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
        return { ...b, text: t(b.text) };
      case 'paragraph':
        return { ...b, text: t(b.text) };
      case 'fields':
        return { ...b, items: b.items.map((i) => ({ label: t(i.label), value: t(i.value) })) };
      case 'list':
        return { ...b, items: b.items.map((i) => ({ ...i, text: t(i.text) })) };
      case 'quote':
        return { ...b, text: t(b.text), source: b.source && t(b.source) };
      case 'link':
        return { ...b, text: t(b.text) };
      case 'table':
        return { ...b, columns: b.columns.map(t), rows: b.rows.map((r) => r.map((c) => (c === null ? null : t(c)))) };
      case 'divider':
        return b;
    }
  };
  return {
    ...reply,
    title: t(reply.title),
    sections: reply.sections.map((s) => ({ blocks: s.blocks.map(block) })),
    actions: reply.actions.map((a) => ({ ...a, label: t(a.label) })),
    chart: reply.chart && {
      ...reply.chart,
      title: t(reply.chart.title),
      unit: t(reply.chart.unit),
      source: t(reply.chart.source),
      points: reply.chart.points.map((p) => ({ ...p, label: t(p.label) })),
    },
    script: 'traditional',
  };
}
