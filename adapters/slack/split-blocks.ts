import type { Reply } from '../../src/service/reply/reply-model.js';
import { actionBlocks } from './actions.js';
import { SLACK_LIMITS } from './limits.js';
import { clip } from './mrkdwn.js';
import { headerBlock, renderSection, type SlackBlock } from './render-blocks.js';

/** One Slack message: Block Kit blocks plus the plain-text fallback used in notifications. */
export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

/** How a reply may be split. */
export interface SplitOptions {
  /** Most messages to send (a response_url takes five); the rest is cut with a note. */
  maxMessages?: number;
}

/**
 * Renders a reply as one or more messages within Slack's limits: at most 50 blocks and our character budget
 * per message, whole reply sections kept together where they fit, the header first and the buttons last.
 */
export function splitReply(reply: Reply, options: SplitOptions = {}): SlackMessage[] {
  const maxMessages = Math.max(1, options.maxMessages ?? SLACK_LIMITS.responsesPerUrl);
  const buttons = actionBlocks(reply.actions);
  // Every message keeps room for the buttons and a truncation note, so either can go on whichever is last.
  const blockBudget = SLACK_LIMITS.blocksPerMessage - buttons.length - 1;
  const charBudget = SLACK_LIMITS.messageChars;

  // Pages with their serialized size, kept alongside so fitting stays linear in the reply's size.
  const pages: { blocks: SlackBlock[]; chars: number }[] = [];
  const newPage = () => {
    const page = { blocks: [] as SlackBlock[], chars: 0 };
    pages.push(page);
    return page;
  };
  const add = (page: { blocks: SlackBlock[]; chars: number }, blocks: SlackBlock[], chars: number) => {
    page.blocks.push(...blocks);
    page.chars += chars;
  };
  const fits = (page: { blocks: SlackBlock[]; chars: number }, count: number, chars: number) =>
    page.blocks.length + count <= blockBudget && page.chars + chars <= charBudget;

  let page = newPage();
  const header = headerBlock(reply.title || ' ');
  add(page, [header], size([header]));
  for (const [i, section] of reply.sections.entries()) {
    // The header already shows the title; a first heading repeating it would show it twice.
    const first = section.blocks[0];
    const repeatsTitle = i === 0 && first?.type === 'heading' && first.text.trim() === reply.title.trim();
    const blocks = renderSection(repeatsTitle ? { blocks: section.blocks.slice(1) } : section);
    if (!blocks.length) continue;
    const chars = size(blocks);
    const divider: SlackBlock[] = page.blocks.length > 1 ? [{ type: 'divider' }] : [];
    if (fits(page, blocks.length + divider.length, chars + 20)) {
      add(page, [...divider, ...blocks], chars + 20);
      continue;
    }
    if (page.blocks.length > 1 && blocks.length <= blockBudget && chars <= charBudget) {
      add((page = newPage()), blocks, chars);
      continue;
    }
    // A section too big for one message flows block by block.
    for (const block of blocks) {
      const one = size([block]);
      if (!fits(page, 1, one)) page = newPage();
      add(page, [block], one);
    }
  }

  let kept = pages.map((p) => p.blocks).filter((p) => p.length);
  if (kept.length > maxMessages) {
    const dropped = kept.slice(maxMessages).reduce((n, p) => n + p.length, 0);
    kept = kept.slice(0, maxMessages);
    kept[kept.length - 1]!.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `_内容过长,其余 ${dropped} 段未显示;请缩小查询范围或翻页。_` }],
    });
  }
  kept[kept.length - 1]!.push(...buttons);

  const title = clip(reply.title || '摘要', 300);
  return kept.map((blocks, i) => ({
    blocks,
    text: kept.length > 1 ? `${title} (${i + 1}/${kept.length})` : title,
  }));
}

function size(blocks: SlackBlock[]): number {
  return blocks.reduce((n, b) => n + JSON.stringify(b).length, 0);
}
