import { describe, expect, it } from 'vitest';
import { toSimplifiedScript } from '../../../src/ingest/normalize/script.js';
import { normalizedSeed, seed, seedText, seeds } from './seed-helpers.js';

const JUNK = [
  '等待处理',
  '分享到',
  'ICP备',
  '免责声明',
  '最新加入',
  '热门资讯',
  '阅读次数',
  '返回首页',
  '上一篇',
  '下一篇',
  '上篇：',
  '下篇：',
  '©',
  '↑ TOP',
  '【字体',
  '原文链接',
  '下转第三版',
  'http',
  '.jpg',
  '24-12-23',
];

describe('normalize on the seeds', () => {
  it.each(seeds.map((s) => s.file))('%s: no page junk survives, one trimmed paragraph per line', (file) => {
    const { text } = normalizedSeed(file);
    for (const junk of JUNK) expect(text, junk).not.toContain(junk);
    for (const line of text.split('\n')) {
      expect(line.length).toBeGreaterThan(0);
      expect(line).toBe(line.trim());
    }
  });

  it('seed 001: no pinyin annotation and no Traditional characters left', () => {
    const n = normalizedSeed(seed('001').file);
    expect(n.script).toBe('traditional');
    expect(n.text).not.toMatch(/[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/);
    expect(n.text).not.toMatch(/[協會發報議屆務員團結審]/);
    expect(n.text).toContain('中国人民政治协商会议安宁市第六届委员会常务委员会工作报告');
    expect(n.text).toContain('——2021年1月19日在政协安宁市第六届委员会第五次会议上');
    expect(n.text).toContain('政协安宁市第六届委员会主席 耿玉立');
    expect(n.text).toContain('立案率75.7%');
  });

  it('seed 001: the title split over the next two lines is kept once', () => {
    const lines = normalizedSeed(seed('001').file).text.split('\n');
    expect(lines[0]).toBe('中国人民政治协商会议安宁市第六届委员会常务委员会工作报告');
    expect(lines).not.toContain('中国人民政治协商会议');
    expect(lines[1]).toMatch(/^——2021年/);
  });

  it('seed 003: paragraphs broken mid-sentence are whole, the continuation marker is cut', () => {
    const { text } = normalizedSeed(seed('003').file);
    expect(text).toContain('保持上升');
    expect(text).toContain('完善委员履职');
    expect(text).not.toMatch(/下转/);
    expect(text.endsWith('研究制定贯彻落实意见。')).toBe(true);
  });

  it('keeps headings and the date/speaker lines', () => {
    expect(normalizedSeed(seed('000').file).text.split('\n')).toContain('2020年工作回顾');
    expect(normalizedSeed(seed('003').file).text.split('\n')).toEqual(
      expect.arrayContaining(['2021年2月5日在县政协十届五次会议上', '华寿军', '2021年工作意见']),
    );
    expect(normalizedSeed(seed('004').file).text.split('\n')).toContain('旗帜鲜明讲政治');
  });

  it('seed 000: drops the cut-off preview line but keeps the heading lines', () => {
    const lines = normalizedSeed(seed('000').file).text.split('\n');
    expect(lines[0]).toBe('钟祥市政协常委会工作报告（摘要）');
    expect(lines.filter((l) => l.startsWith('2020年工作回顾'))).toEqual(['2020年工作回顾']);
  });

  it('keeps the source URL', () => {
    expect(normalizedSeed(seed('000').file).sourceUrl).toBe('http://b.zxnews.net/content/2020-12/30/005610.html');
    expect(normalizedSeed(seed('002').file).sourceUrl).toBe('https://www.hljzx.gov.cn/index/dfdt/2024012933217.htm');
    for (const s of seeds) expect(normalizedSeed(s.file).sourceUrl, s.file).toBe(s.sourceUrl);
  });

  it('keeps the dates of dropped page lines', () => {
    expect(normalizedSeed(seed('004').file).pageDates).toContain('2023-01-01');
    expect(normalizedSeed(seed('000').file).pageDates).toContain('2020-12-30');
    // Dates of the unrelated headline list (24-12-23 …) are not page dates.
    expect(normalizedSeed(seed('002').file).pageDates).toEqual([]);
  });

  it('Simplified seeds are detected as such and left unchanged by script conversion', () => {
    for (const s of seeds.filter((x) => !x.script)) {
      const raw = seedText(s.file);
      const result = toSimplifiedScript(raw);
      expect(result.script, s.file).toBe('simplified');
      expect(result.text).toBe(raw);
      expect(normalizedSeed(s.file).script).toBe('simplified');
    }
  });

  it('unifies punctuation but keeps numbers ASCII', () => {
    const { text } = normalizedSeed(seed('003').file);
    expect(text).toContain('占提案总数59.4%；');
    expect(text).not.toMatch(/\p{Script=Han},|,\p{Script=Han}/u);
  });
});
