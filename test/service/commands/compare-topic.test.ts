import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { seededService } from '../../helpers/seeded-service.js';

describe('/compare on a topic lists only reports that mention it', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  });
  afterAll(() => env.cleanup());

  it('/compare 资* has no “提到 0 次” row', () => {
    for (const line of ['/compare 资*', '/compare 资* 2022', '/compare 协* 四川']) {
      const text = renderPlain(env.service.handle(line, { platform: 'console', chatId: 'z' }));
      expect(text, line).not.toContain('提到 0 次');
      expect(text, line).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a real topic still ranks the reports that discuss it', () => {
    const text = renderPlain(env.service.handle('/compare 营商环境', { platform: 'console', chatId: 'z' }));
    expect(text).toMatch(/提到 [1-9]\d* 次/);
    expect(text).not.toContain('提到 0 次');
  });

  it('a tier-filtered topic table is not served for all tiers (nor the other way round)', () => {
    const ask = (line: string) => renderPlain(env.service.handle(line, { platform: 'console', chatId: 'z' }));
    const prefecture = ask('/compare 营商环境 地级');
    const all = ask('/compare 营商环境');
    const county = ask('/compare 营商环境 县级');
    const count = (text: string) => Number(/(\d+) 份报告提到/.exec(text)?.[1]);
    expect(count(all)).toBeGreaterThan(count(prefecture));
    expect(count(all)).toBeGreaterThan(count(county));
    expect(ask('/compare 营商环境 地级')).toBe(prefecture);
  });
});

describe('/compare on a topic names the bodies it shows', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    // d008: 马鞍山市 政府工作报告, which discusses 招商引资 like the 政协 seeds.
    env = await seededService([new URL('../../../../shared/dev-corpus/d008.txt', import.meta.url).pathname]);
  }, 60_000);
  afterAll(() => env.cleanup());

  it('the chart footer lists the bodies of the rows shown, not “政协” alone', () => {
    const reply = env.service.handle('/compare 招商引资', { platform: 'console', chatId: 'z' });
    const text = renderPlain(reply);
    expect(text).toContain('马鞍山市');
    expect(reply.chart!.source).toContain('政府');
    expect(reply.chart!.source).not.toContain('工作报告');
  });
});

describe('/compare on a topic reads only the rows a page shows', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService([new URL('../../../../shared/dev-corpus/', import.meta.url).pathname]);
  }, 120_000);
  afterAll(() => env.cleanup());

  it('every page names its reports, counts and quotes them as a scan of their paragraphs does', () => {
    const c = env.service.store.db.$client;
    const reports = new Map(
      (c.prepare('SELECT id, region_name AS name, year FROM reports').all() as { id: number; name: string; year: number }[]).map(
        (r) => [r.id, r],
      ),
    );
    const texts = c.prepare('SELECT text FROM paragraphs WHERE report_id = ?').pluck();
    let rows = 0;
    for (let page = 1; page <= 3; page++) {
      const reply = env.service.handle(`/compare 营商环境 第${page}页`, { platform: 'console', chatId: 'z' });
      const blocks = reply.sections[1]!.blocks;
      const chart = reply.chart!.points;
      let shown = 0;
      blocks.forEach((b, i) => {
        if (b.type !== 'fields') return;
        const mentions = Number(/提到 (\d+) 次/.exec(b.items[0]!.value)![1]);
        // The chart's point of this row names the report: its region and year.
        const point = chart[shown++]!;
        const candidates = [...reports.values()].filter((r) => `${r.name} ${r.year}` === point.label);
        expect(candidates.length, point.label).toBeGreaterThan(0);
        const counts = candidates.map((r) =>
          (texts.all(r.id) as string[]).reduce((n, t) => n + t.split('营商环境').length - 1, 0),
        );
        expect(counts, point.label).toContain(mentions);
        expect(point.value).toBe(mentions);
        const quote = blocks[i + 1];
        if (quote?.type === 'quote') {
          const said = quote.text.replace(/…$/, '');
          const from = candidates.flatMap((r) => texts.all(r.id) as string[]);
          expect(
            from.some((t) => t.includes(said)),
            point.label,
          ).toBe(true);
          expect(said).toContain('营商环境');
        }
        rows++;
      });
      expect(shown, `page ${page}`).toBe(chart.length);
    }
    expect(rows).toBeGreaterThan(12);
  });
});
