import { describe, expect, it } from 'vitest';
import { renderBlock, renderRichText, renderSections } from '../../../adapters/telegram/render-html.js';
import { renderMessages } from '../../../adapters/telegram/send-reply.js';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';
import { longCompare, reportLike, trickyText } from './fake-service.js';

describe('renderHtml', () => {
  it('escapes <, > and & in every kind of block and stays valid Telegram HTML', () => {
    const [html] = renderMessages(trickyText());
    const check = checkTelegramHtml(html!);
    expect(check).toMatchObject({ ok: true });
    const text = check.ok ? check.text : '';
    expect(text).toContain('<script>标题 & 副题</script>');
    expect(text).toContain('比例 a<b && c>d,增长 >5% & <10%');
    expect(text).toContain('<i>不是标签</i>');
    expect(text).toContain('&amp; 字面量');
    expect(html).toContain('href="https://example.org/a?x=1&amp;y=&quot;2&quot;"');
  });

  it('turns highlight marks into <b> and ignores broken marks', () => {
    expect(renderRichText({ text: '立案196件', marks: [[2, 5]] })).toBe('立案<b>196</b>件');
    expect(
      renderRichText({
        text: 'a<b',
        marks: [
          [0, 3],
          [1, 2],
          [5, 9],
        ],
      }),
    ).toBe('<b>a&lt;b</b>');
  });

  it('renders a table as one line per row, label bold, missing values as —, never <pre>', () => {
    const lines = renderBlock({
      type: 'table',
      columns: ['地区', '年份', '立案', '办复'],
      rows: [['资阳市', '2022', '196', null]],
    });
    expect(lines).toEqual(['<b>资阳市 2022</b> · 立案 196 · 办复 —']);
    expect(renderSections(longCompare(3)).join('')).not.toContain('<pre>');
  });

  it('renders quotes as blockquote with the source in italics', () => {
    expect(renderBlock({ type: 'quote', text: '办复率 100%', source: '第二部分' })).toEqual([
      '<blockquote>办复率 100%\n— <i>第二部分</i></blockquote>',
    ]);
  });

  it('renders one HTML string per section and a fallback for empty replies', () => {
    expect(renderSections(reportLike('/report 资阳'))).toHaveLength(2);
    expect(renderSections({ ...reportLike('x'), sections: [] })).toEqual(['<b>资阳市政协2022年提案工作情况报告</b>']);
  });
});
