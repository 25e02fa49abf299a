import { describe, expect, it } from 'vitest';
import { createRng, mixSeed } from '../../src/bench/prng.js';
import { addJunk, dropParagraphs, rewriteNumbers, shuffleSections, swapRegions } from '../../src/bench/rewrite-text.js';
import { lookupFull } from '../../src/gazetteer/gazetteer.js';

const one = (name: string) => lookupFull(name)[0]!;

describe('prng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRng(43).next()).not.toBe(xs[0]);
    expect(mixSeed(1, 0)).not.toBe(mixSeed(1, 1));
    for (let i = 0; i < 100; i++) expect(a.int(3, 5)).toBeGreaterThanOrEqual(3);
  });
});

describe('swapRegions', () => {
  it('replaces full and short names of region and province, longest first', () => {
    const text = '资阳市政协常委会工作报告。资阳发展,四川省委、四川各地。';
    const out = swapRegions(text, { from: [one('资阳市'), one('四川省')], to: [one('绵阳市'), one('四川省')] });
    expect(out).toBe('绵阳市政协常委会工作报告。绵阳发展,四川省委、四川各地。');
    const cross = swapRegions(text, { from: [one('资阳市'), one('四川省')], to: [one('鹤岗市'), one('黑龙江省')] });
    expect(cross).toBe('鹤岗市政协常委会工作报告。鹤岗发展,黑龙江省委、黑龙江各地。');
  });
});

describe('rewriteNumbers', () => {
  it('shifts years, keeps dates, ordinals and URLs, and keeps percentages at most 100', () => {
    const text = '2020年工作回顾,2020/12/30,第3次,11月5日,办复率100%,立案128件。http://x.cn/2020/12/a.html';
    const out = rewriteNumbers(text, -2, createRng(1));
    expect(out).toContain('2018年工作回顾');
    expect(out).toContain('2018/12/30');
    expect(out).toContain('第3次');
    expect(out).toContain('11月5日');
    expect(out).toContain('http://x.cn/2020/12/a.html');
    const rate = Number(/办复率([\d.]+)%/.exec(out)![1]);
    expect(rate).toBeLessThanOrEqual(100);
    const filed = Number(/立案(\d+)件/.exec(out)![1]);
    expect(filed).toBeGreaterThanOrEqual(Math.floor(128 * 0.8));
    expect(filed).toBeLessThanOrEqual(Math.ceil(128 * 1.25));
  });
});

describe('shuffleSections', () => {
  it('reorders numbered sections but keeps the numbering in order and every line', () => {
    const lines = ['前言', '一、甲', 'a', '二、乙', 'b', '三、丙', 'c', '四、丁', 'd', '五、戊', 'e', '结语'];
    const text = lines.join('\n');
    const outs = new Set<string>();
    for (let s = 0; s < 20; s++) {
      const out = shuffleSections(text, createRng(s));
      const got = out.split('\n');
      expect(got).toHaveLength(lines.length);
      expect(got.filter((l) => /^[一二三四五]、/.test(l)).map((l) => l[0])).toEqual(['一', '二', '三', '四', '五']);
      // Each title still heads its own body, and the last section stays last.
      for (const [title, body] of [
        ['甲', 'a'],
        ['乙', 'b'],
        ['丙', 'c'],
        ['丁', 'd'],
      ] as const) {
        expect(got[got.findIndex((l) => l.endsWith(title)) + 1]).toBe(body);
      }
      expect(got.slice(-3)).toEqual(['五、戊', 'e', '结语']);
      outs.add(out);
    }
    expect(outs.size).toBeGreaterThan(1);
  });
});

describe('junk and size', () => {
  it('wraps the text in site chrome and drops only long body lines', () => {
    const text = '一、标题\n' + '长'.repeat(100) + '\n短句';
    const wrapped = addJunk(text, '绵阳市', createRng(3));
    expect(wrapped).toContain(text);
    expect(wrapped.length).toBeGreaterThan(text.length);
    expect(dropParagraphs(text, 1, createRng(1))).toBe('一、标题\n短句');
    expect(dropParagraphs(text, 0, createRng(1))).toBe(text);
  });
});
