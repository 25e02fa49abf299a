import { describe, expect, it } from 'vitest';
import { markedMrkdwn } from '../../adapters/slack/mrkdwn.js';
import { renderRichText } from '../../adapters/telegram/render-html.js';
import { renderMarks } from '../../src/service/reply/marks.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';

const brackets = (t: Parameters<typeof renderMarks>[0]) =>
  renderMarks(
    t,
    (s) => s,
    (s) => `[${s}]`,
  );

describe('renderMarks (one mark walk for plain text, Telegram HTML and Slack mrkdwn)', () => {
  it('renders marks in order and plain text between them', () => {
    expect(
      brackets({
        text: '立案提案196件',
        marks: [
          [4, 8],
          [0, 2],
        ],
      }),
    ).toBe('[立案]提案[196件]');
  });

  it('renders overlapping, empty and out-of-range marks as plain text', () => {
    expect(
      brackets({
        text: '政协委员',
        marks: [
          [0, 2],
          [1, 3],
          [3, 3],
          [2, 9],
        ],
      }),
    ).toBe('[政协]委员');
  });

  it('is what every renderer uses: a bad mark leaves balanced markup everywhere', () => {
    const t = {
      text: '<资阳>',
      marks: [
        [1, 3],
        [2, 4],
        [3, 99],
      ] as [number, number][],
    };
    expect(renderRichText(t)).toBe('&lt;<b>资阳</b>&gt;');
    expect(markedMrkdwn(t)).toBe('&lt;\u200b*资阳*\u200b&gt;');
    const reply = renderPlain({
      kind: 'search',
      title: '搜索',
      sections: [{ blocks: [{ type: 'paragraph', ...t }] }],
      actions: [],
      script: 'simplified',
    });
    expect(reply).toContain('<【资阳】>');
  });
});
