import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/errors.js';
import { decodeInput } from '../../../src/ingest/decode.js';

const seed = readFileSync(new URL('../../../seeds/003_39406531928dc60d.txt', import.meta.url), 'utf8');
const tradSeed = readFileSync(new URL('../../../seeds/001_a5e4252a04534051.txt', import.meta.url), 'utf8');

describe('decodeInput: text encodings', () => {
  it('reads plain UTF-8', () => {
    const d = decodeInput('a.txt', Buffer.from(seed, 'utf8'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(seed);
  });

  it('reads a GBK-encoded copy of a seed as the same text', () => {
    const d = decodeInput('a.txt', iconv.encode(seed, 'gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toBe(seed);
  });

  it('reads a GB18030 copy of a Traditional seed', () => {
    const d = decodeInput('a.txt', iconv.encode(tradSeed, 'gb18030'));
    expect(d.text).toBe(tradSeed);
  });

  it('strips a UTF-8 BOM', () => {
    const d = decodeInput('a.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed, 'utf8')]));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(seed);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(seed, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(seed, 'utf-16be')]);
    expect(decodeInput('a.txt', le)).toMatchObject({ encoding: 'utf-16le', text: seed });
    expect(decodeInput('a.txt', be)).toMatchObject({ encoding: 'utf-16be', text: seed });
  });

  it('refuses binary data with a Chinese reason', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(() => decodeInput('photo.txt', png)).toThrow(IngestError);
    try {
      decodeInput('photo.txt', png);
    } catch (error) {
      expect((error as IngestError).reason).toMatch(/二进制/);
    }
  });

  it('refuses control-character noise without NUL bytes', () => {
    const noise = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 20))));
    expect(() => decodeInput('noise.txt', noise)).toThrow(IngestError);
  });
});

describe('decodeInput: HTML pages', () => {
  const paragraphs = seed.split('\n').filter((l) => l.trim());
  const page = (charset: string) => `<!doctype html><html><head><meta charset="${charset}">
<title>开化县政协常委会工作报告_开化新闻网</title>
<meta property="article:published_time" content="2021-02-06T08:00:00+08:00">
</head><body>
<nav><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/zx">政协</a></nav>
<div class="sidebar"><h3>热门资讯</h3><ul><li><a href="/1">某地召开会议</a></li><li><a href="/2">某县开展活动</a></li></ul></div>
<article><h1>开化县政协常委会工作报告</h1>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<footer>© 2021 开化新闻网 版权所有 浙ICP备12345678号</footer>
</body></html>`;

  it('takes the main text, the <title> and the publish date', () => {
    const d = decodeInput('page.html', Buffer.from(page('utf-8'), 'utf8'));
    expect(d.pageTitle).toBe('开化县政协常委会工作报告_开化新闻网');
    expect(d.pageDate).toBe('2021-02-06');
    expect(d.text).toContain('一、坚持思想引领，把牢正确方向'.replace('，', ','));
    expect(d.text).toContain('(下转第三版)');
    expect(d.text).not.toContain('热门资讯');
    expect(d.text).not.toContain('ICP备');
    const squash = (s: string) => s.replace(/\s/g, '');
    for (const p of paragraphs.slice(3)) expect(squash(d.text)).toContain(squash(p));
  });

  it('reads a GBK page declared by meta charset', () => {
    const d = decodeInput('page.htm', iconv.encode(page('gbk'), 'gbk'));
    expect(d.encoding).toBe('gb18030');
    expect(d.text).toContain('采纳率连续四年保持上');
  });

  it('reads the visible 发布时间 line when the page has no date meta', () => {
    const html = `<html><head><title>t</title></head><body><div>发布时间：2023-01-01 来源：主站</div><div>${paragraphs
      .slice(0, 8)
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></body></html>`;
    expect(decodeInput('p.html', Buffer.from(html)).pageDate).toBe('2023-01-01');
  });
});
