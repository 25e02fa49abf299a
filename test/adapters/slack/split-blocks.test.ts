import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitReply } from '../../../adapters/slack/split-blocks.js';
import type { Block, Reply } from '../../../src/service/reply/reply-model.js';
import { blocksText, expectWithinLimits } from './block-checks.js';
import { bigTableReply } from './recording-service.js';

const reply = (sections: Block[][], extra: Partial<Reply> = {}): Reply => ({
  kind: 'report',
  title: '资阳市政协2022年工作报告',
  sections: sections.map((blocks) => ({ blocks })),
  actions: [],
  script: 'simplified',
  ...extra,
});

describe('splitReply', () => {
  it('puts a short reply in one message: header, blocks, buttons, title as fallback text', () => {
    const [m, ...rest] = splitReply(
      reply(
        [
          [
            { type: 'heading', text: '资阳市政协2022年工作报告' },
            { type: 'fields', items: [{ label: '立案提案', value: '196件' }] },
          ],
        ],
        {
          actions: [{ label: '全部章节', command: '/sections 5' }],
        },
      ),
    );
    expect(rest).toHaveLength(0);
    expect(m!.text).toBe('资阳市政协2022年工作报告');
    expect(m!.blocks[0]).toMatchObject({ type: 'header', text: { text: '资阳市政协2022年工作报告' } });
    // The heading repeating the title is not shown twice.
    expect(blocksText(m!.blocks as never).split('资阳市政协2022年工作报告')).toHaveLength(2);
    expect(m!.blocks.at(-1)).toMatchObject({
      type: 'actions',
      elements: [{ action_id: 'digest_action_0', value: '/sections 5' }],
    });
    expect(blocksText(m!.blocks as never)).toContain('196件');
  });

  it('renders tables as labelled rows, missing cells as “—”, never as 0, and no code blocks', () => {
    const [m] = splitReply(
      reply([[{ type: 'table', columns: ['报告', '立案', '办复'], rows: [['资阳市 2022', '196件', null]] }]]),
    );
    const text = blocksText(m!.blocks as never);
    expect(text).toContain('*资阳市 2022*');
    expect(text).toContain('立案: 196件 · 办复: —');
    expect(text).not.toContain('```');
  });

  it('clips a long title to 150 characters in the header and splits a 10 000-character paragraph into sections ≤ 3000', () => {
    const long = '协'.repeat(400);
    const messages = splitReply(reply([[{ type: 'paragraph', text: '提案工作。'.repeat(2000) }]], { title: long }));
    for (const m of messages) expectWithinLimits(m);
    const header = messages[0]!.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBe(150);
  });

  it('drops buttons whose command does not fit a button value and keeps the others', () => {
    const [m] = splitReply(
      reply([[{ type: 'paragraph', text: 'x' }]], {
        actions: [
          { label: '太长', command: '/search ' + 'a'.repeat(2000) },
          { label: '下一页', command: '/compare 提案 第2页' },
        ],
      }),
    );
    const actions = m!.blocks.at(-1) as { elements: { value: string; action_id: string }[] };
    expect(actions.elements.map((e) => e.value)).toEqual(['/compare 提案 第2页']);
  });

  it('splits 300 table rows over several messages, within limits, buttons only on the last', () => {
    const messages = splitReply(bigTableReply(300));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.length).toBeLessThanOrEqual(5);
    for (const m of messages) expectWithinLimits(m);
    const all = messages.map((m) => blocksText(m.blocks as never)).join('\n');
    for (const i of [1, 150, 300]) expect(all).toContain(`测试地区${i}市`);
    expect(messages.map((m) => m.blocks.some((b) => b.type === 'actions'))).toEqual(
      messages.map((_, i) => i === messages.length - 1),
    );
    expect(messages[1]!.text).toMatch(/\(2\/\d\)$/);
  });

  it('cuts with a note when a reply needs more messages than allowed', () => {
    const messages = splitReply(bigTableReply(3000), { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    for (const m of messages) expectWithinLimits(m);
    expect(blocksText(messages[1]!.blocks as never)).toMatch(/内容过长,其余 \d+ 段未显示/);
    expect(messages[1]!.blocks.at(-1)!.type).toBe('actions');
  });

  it('stays within the limits for arbitrary replies (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('资', '&', '<', '。', 'a', '\n', ' '), maxLength: 3500 });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ type: fc.constant('heading' as const), text }),
      fc.record({ type: fc.constant('paragraph' as const), text }),
      fc.record({ type: fc.constant('quote' as const), text, source: fc.option(text, { nil: undefined }) }),
      fc.record({
        type: fc.constant('fields' as const),
        items: fc.array(fc.record({ label: text, value: text }), { maxLength: 25 }),
      }),
      fc.record({
        type: fc.constant('list' as const),
        items: fc.array(fc.record({ text }), { maxLength: 30 }),
        ordered: fc.boolean(),
      }),
      fc.record({ type: fc.constant('link' as const), text, url: fc.webUrl() }),
      fc.record({
        type: fc.constant('table' as const),
        columns: fc.array(text, { minLength: 1, maxLength: 6 }),
        rows: fc.array(fc.array(fc.option(text, { nil: null }), { maxLength: 6 }), { maxLength: 40 }),
      }),
      fc.constant({ type: 'divider' as const }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(block, { maxLength: 8 }), { maxLength: 8 }), text, (sections, title) => {
        const messages = splitReply(reply(sections, { title, actions: [{ label: title, command: '/help' }] }));
        expect(messages.length).toBeLessThanOrEqual(5);
        for (const m of messages) expectWithinLimits(m);
      }),
      { numRuns: 40 },
    );
  });
});
