import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { seededService } from '../../helpers/seeded-service.js';

// Issue 12, confidence: the digest's headline shows confident facts only; the rest appear under /metrics, marked.
let env: Awaited<ReturnType<typeof seededService>>;
beforeAll(async () => {
  env = await seededService();
}, 60_000);
afterAll(() => env?.cleanup());

const text = (line: string) => renderPlain(env.service.handle(line, { platform: 'console', chatId: 'uncertain' }));

describe('/metrics lists the uncertain figures after the headline, each with its reason', () => {
  it('开化: 辞去委员30名 is under 存疑数字 with the reason, never among the headline figures', () => {
    const report = text('/report 开化');
    expect(report).not.toContain('委员人数: 30名');
    const id = /\/metrics (\d+)/.exec(report)?.[1];
    const metrics = text(`/metrics ${id}`);
    const at = metrics.indexOf('【存疑数字(未计入主要数据)】');
    expect(at).toBeGreaterThan(0);
    const [head, uncertain] = [metrics.slice(0, at), metrics.slice(at)];
    expect(head).not.toContain('委员人数: 30名');
    expect(uncertain).toContain('委员人数: 30名(存疑:委员变动，非委员人数)');
    expect(uncertain).toMatch(/以下 \d+ 项数字把握不大/);
  });
});
