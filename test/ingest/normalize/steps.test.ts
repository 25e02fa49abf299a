import { describe, expect, it } from 'vitest';
import { dedupeLines } from '../../../src/ingest/normalize/dedupe.js';
import { dropJunk } from '../../../src/ingest/normalize/junk.js';
import { joinBrokenParagraphs } from '../../../src/ingest/normalize/paragraphs.js';
import { stripPinyin } from '../../../src/ingest/normalize/pinyin.js';
import { unifyPunctuation } from '../../../src/ingest/normalize/punctuation.js';
import { toSimplifiedScript } from '../../../src/ingest/normalize/script.js';
import { stripStrayTokens } from '../../../src/ingest/normalize/stray-tokens.js';

describe('pinyin', () => {
  it('strips tone-marked pinyin after a Han character, in both kinds of parentheses', () => {
    expect(stripPinyin('政協(xié)商會(huì)議報（bào）告')).toBe('政協商會議報告');
  });
  it('keeps ordinary parentheses', () => {
    expect(stripPinyin('委员（界别）工作室(摘要)(a)')).toBe('委员（界别）工作室(摘要)(a)');
  });
});

describe('script', () => {
  it('converts Traditional text', () => {
    const r = toSimplifiedScript('政協安寧市第六屆委員會常務委員會工作報告，著力做好各項工作');
    expect(r.script).toBe('traditional');
    expect(r.text).toBe('政协安宁市第六届委员会常务委员会工作报告，着力做好各项工作');
  });
  it('leaves Simplified text alone (no 显著→显着)', () => {
    const text = '建言资政的成效更加显著，取得显著成绩。';
    expect(toSimplifiedScript(text)).toMatchObject({ script: 'simplified', text });
  });
});

describe('punctuation', () => {
  it('converts half-width marks next to Chinese text', () => {
    expect(unifyPunctuation('工作回顾,一年来;主要是:调研(一)好吗?好!')).toBe('工作回顾，一年来；主要是：调研（一）好吗？好！');
  });
  it('keeps URLs, times, thousands and decimals', () => {
    const line = '原文链接:https://www.x.gov.cn/a/b.htm?id=1,2 时间:10:02:28 共1,000人 75.7% 2020-2035年';
    expect(unifyPunctuation(line)).toBe(
      '原文链接：https://www.x.gov.cn/a/b.htm?id=1,2 时间：10:02:28 共1,000人 75.7% 2020-2035年',
    );
  });
});

describe('junk', () => {
  it('drops page furniture, keeps the source URL and page dates, cuts the headline list', () => {
    const page = [
      'http://img.example.cn/a.jpg',
      'http://news.example.cn/2021/01/02/1.html',
      '当前位置：首页 > 新闻 > 正文',
      '某县政协常委会工作报告',
      '发布时间：2021-01-02 【字体：大 中 小】',
      '2021/01/03',
      '一、工作回顾',
      '正文第一段，内容很多。',
      '正文第二段。',
      '正文第三段。',
      '编辑：张三',
      '分享到',
      '相关新闻',
      '另一条新闻 2021-02-02',
    ];
    const r = dropJunk(page.join('\n'));
    expect(r.lines).toEqual(['某县政协常委会工作报告', '一、工作回顾', '正文第一段，内容很多。', '正文第二段。', '正文第三段。']);
    expect(r.sourceUrl).toBe('http://news.example.cn/2021/01/02/1.html');
    expect(r.pageDates).toEqual(['2021-01-02', '2021-01-03']);
  });
});

describe('paragraphs', () => {
  it('re-joins a sentence broken over lines but not a heading or a title', () => {
    const lines = [
      '某县人民政府工作报告',
      '2020年工作回顾',
      '一、坚持思想引领',
      '规模以上工业增加值完成52.1亿元，是2011年的1.88倍；全社会固定资产投',
      '资完成59.4亿元，是2011年的2.65倍',
      '，经济总体实力迈上了新台阶。',
      '各位代表：',
    ];
    expect(joinBrokenParagraphs(lines)).toEqual([
      '某县人民政府工作报告',
      '2020年工作回顾',
      '一、坚持思想引领',
      '规模以上工业增加值完成52.1亿元，是2011年的1.88倍；全社会固定资产投资完成59.4亿元，是2011年的2.65倍，经济总体实力迈上了新台阶。',
      '各位代表：',
    ]);
  });
  it('splits a part heading glued after a sentence', () => {
    expect(joinBrokenParagraphs(['请予审议。一、五年工作的回顾', '五年来，成绩显著。'])).toEqual([
      '请予审议。',
      '一、五年工作的回顾',
      '五年来，成绩显著。',
    ]);
  });
});

describe('dedupe and stray tokens', () => {
  it('drops repeated paragraphs but keeps a repeated short salutation', () => {
    const para = '这是一个足够长的段落，会在页面上重复出现两次以上。';
    expect(dedupeLines(['标题', para, '各位委员，同志们！', '正文。', para, '各位委员，同志们！'])).toEqual([
      '标题',
      para,
      '各位委员，同志们！',
      '正文。',
      '各位委员，同志们！',
    ]);
  });
  it('drops a leading preview found across the lines after it or as the start of a longer one, and split title copies', () => {
    const preview = '政协某某市委员会常务委员会工作报告摘要版本';
    // Across lines: the preview's text runs over the end of one line into the next (spaces squashed).
    expect(dedupeLines([preview, '正文', '政协某某市委员会 常务委员会', '工作报告摘要版本全文如下'])).toEqual([
      '正文',
      '政协某某市委员会 常务委员会',
      '工作报告摘要版本全文如下',
    ]);
    // Only earlier lines hold it: it stays.
    expect(dedupeLines(['政协某某市委员会', '常务委员会工作报告摘要版本', preview])).toEqual([
      '政协某某市委员会',
      '常务委员会工作报告摘要版本',
      preview,
    ]);
    expect(dedupeLines(['甲乙丙丁 戊己庚辛', '甲乙丙丁', '戊己庚辛', '正文。'])).toEqual(['甲乙丙丁 戊己庚辛', '正文。']);
  });
  it('removes a junk token glued to many lines', () => {
    expect(stripStrayTokens('各位代表：pbY\npbY\n现在报告工作。pbY\n增长GDP')).toBe('各位代表：\n\n现在报告工作。\n增长GDP');
  });
});

describe('print-edition continuation markers', () => {
  it('keeps an article that continues on another page and resumes in the same text', () => {
    const text =
      '这一年,灾后恢复重建取得重大胜利。（下转第四版）（紧接第一版） 我们坚持人民至上,实现了当年重建。\n二是扩内需稳增长。重点项目完成投资2125亿元。';
    const out = dropJunk(text).lines.join('\n');
    expect(out).toContain('我们坚持人民至上');
    expect(out).toContain('2125亿元');
    expect(out).not.toMatch(/转第四版|紧接第一版/);
  });

  it('still cuts the text at a continuation marker that never resumes', () => {
    const out = dropJunk('研究制定贯彻落实意见。(下转第三版)\n其他版面的内容。').lines.join('\n');
    expect(out).toBe('研究制定贯彻落实意见。');
  });
});

describe('watermarks', () => {
  it('strips a link-bearing tail glued onto many lines, and keeps a link on a few', async () => {
    const { stripWatermarks } = await import('../../../src/ingest/normalize/stray-tokens.js');
    const mark = '文章源自某站-https://www.example.com/1.html';
    const text = ['工作报告', '2025年3月4日', '王沪宁', '各位委员:', '我代表常委会'].map((l) => l + mark).join('\n');
    expect(stripWatermarks(text).split('\n').filter(Boolean)).toEqual([
      '工作报告',
      '2025年3月4日',
      '王沪宁',
      '各位委员:',
      '我代表常委会',
    ]);
    const few = '见 https://www.example.com/a\n正文一\n正文二';
    expect(stripWatermarks(few)).toBe(few);
  });
});
