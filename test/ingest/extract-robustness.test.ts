import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../src/ingest/extract.js';
import { SEEDS_DIR } from '../helpers/temp-db.js';

const seeds = readdirSync(SEEDS_DIR).sort();
const metaOf = (r: ReturnType<typeof extractBytes>) => ({
  region: r.meta.region?.code,
  year: r.meta.year,
  speaker: r.meta.speaker,
  session: r.meta.session,
  body: r.meta.body,
  kind: r.meta.kind,
  headline: Object.fromEntries(Object.entries(r.headline).map(([k, f]) => [k, f.value])),
});

describe('the same report in other encodings and wrappers', () => {
  it.each(seeds)('%s: a GBK copy yields the same extraction as the UTF-8 file', (name) => {
    const utf8 = readFileSync(join(SEEDS_DIR, name));
    const gbk = iconv.encode(utf8.toString('utf8'), 'gbk');
    const a = extractBytes(name, utf8);
    const b = extractBytes(name, gbk);
    // GBK cannot encode a no-break space (U+00A0, in two seeds): iconv writes '?', which is then text
    // (and keeps a repeated title line from being recognised as a repeat). Everything else is the same.
    const squash = (t: string) => t.replace(/[\s?？]/g, '');
    expect(squash(b.normalized.text)).toContain(squash(a.normalized.text));
    expect(squash(b.meta.title ?? '')).toBe(squash(a.meta.title ?? ''));
    expect(metaOf(b)).toEqual(metaOf(a));
  });

  it.each(seeds)('%s: an HTML page wrapping the text (nav, sidebar, footer) yields the same metadata', (name) => {
    const text = readFileSync(join(SEEDS_DIR, name), 'utf8');
    const plain = extractBytes(name, Buffer.from(text));
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(plain.meta.title ?? '')}</title></head><body>
<nav><a href="/">首页</a> | <a href="/news">新闻中心</a> | <a href="/zx">政协动态</a> | <a href="/about">关于我们</a></nav>
<aside class="sidebar"><h3>热门资讯</h3><ul><li><a href="/1">某地召开经济工作会议</a></li><li><a href="/2">某县开展植树活动</a></li></ul></aside>
<article>${text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${esc(l)}</p>`)
      .join('\n')}</article>
<footer>© 2024 某某新闻网 版权所有 京ICP备12345678号</footer></body></html>`;
    const html = extractBytes(name.replace(/\.txt$/, '.html'), Buffer.from(page));
    const { headline: _h1, ...plainMeta } = metaOf(plain);
    const { headline: _h2, ...htmlMeta } = metaOf(html);
    expect(htmlMeta).toEqual(plainMeta);
    expect(html.meta.deliveredOn).toBe(plain.meta.deliveredOn);
    expect(metaOf(html).headline).toEqual(metaOf(plain).headline);
  });
});
