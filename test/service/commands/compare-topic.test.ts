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
