import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { seededService } from '../../helpers/seeded-service.js';

/** Figures in the text in the reverse of the order users compare them, one of them a term total. */
const REPORT = [
  '政协仁寿县委员会常务委员会工作报告',
  '——2023年1月12日在政协仁寿县第十届委员会第二次会议上',
  '各位委员:',
  '现在,我代表政协仁寿县委员会常务委员会,向大会报告2022年的工作,请予审议。',
  '一、2022年工作回顾',
  '(一)建言成果转化。全年报送的建言获得县委、县政府主要领导批示15件次。',
  '(二)民主监督有力。全年组织委员视察9次。',
  '(三)反映社情民意。全年报送社情民意信息64条。',
  '(四)调查研究深入。全年形成调研报告12篇。',
  '(五)协商议政扎实。全年举办协商活动18次。',
  '(六)提案工作提质增效。全年共收到委员提案190件,经审查立案175件。本届以来,累计开展专题协商36次。',
  '二、2023年工作安排',
  '2023年,县政协将继续坚持团结和民主两大主题。',
].join('\n');

let env: Awaited<ReturnType<typeof seededService>>;
let dir = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'figures-'));
  writeFileSync(join(dir, 'renshou-2022.txt'), REPORT);
  // d018: a news write-up without an outline.
  env = await seededService([dir, new URL('../../../../shared/dev-corpus/d018.txt', import.meta.url).pathname]);
  // A stored headline fact that failed a consistency check carries its reason in `flags` (the ingest contract).
  env.db.$client
    .prepare(`UPDATE metrics SET flags = '["与上年数字矛盾"]' WHERE key = 'social_info.items' AND report_id =
      (SELECT id FROM reports WHERE region_name = '仁寿县')`)
    .run();
}, 60_000);
afterAll(() => {
  env?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** The 主要数据 lines of the plain rendering: `label: value`. */
function figureLines(line: string): string[] {
  const text = renderPlain(env.service.handle(line, { platform: 'console', chatId: 'figures' }));
  const part = text.slice(text.indexOf('【主要数据】'), text.indexOf('【报告结构】'));
  return part.split('\n').filter((l) => /^\S[^:]*: /.test(l));
}

describe('headline figures of /report', () => {
  it('come in the order users compare them: 提案, 协商, 调研, 社情民意, 视察, 批示', () => {
    const labels = figureLines('/report 仁寿 2022').map((l) => l.split(':')[0]);
    expect(labels).toEqual(['收到提案', '立案提案', '协商活动', '专题协商', '调研报告', '社情民意信息', '视察', '领导批示']);
  });

  it('say their period when it is not a year, and mark a figure that failed a check', () => {
    const lines = figureLines('/report 仁寿 2022');
    expect(lines).toContain('专题协商: 36次(届内累计)');
    expect(lines).toContain('社情民意信息: 64条(存疑:与上年数字矛盾)');
    expect(lines).toContain('协商活动: 18次');
  });

  it('/metrics shows the same marks', () => {
    const text = renderPlain(env.service.handle('/report 仁寿 2022', { platform: 'console', chatId: 'figures' }));
    const id = /\/metrics (\d+)/.exec(text)![1];
    const metrics = renderPlain(env.service.handle(`/metrics ${id}`, { platform: 'console', chatId: 'figures' }));
    expect(metrics).toContain('专题协商: 36次(届内累计)');
    expect(metrics).toContain('社情民意信息: 64条(存疑:与上年数字矛盾)');
  });
});

describe('summary of /report', () => {
  it('shows at most ~200 characters and names the command with the full summary', () => {
    const reply = env.service.handle('/report 资阳 2022', { platform: 'console', chatId: 'figures' });
    const blocks = reply.sections.flatMap((s) => s.blocks);
    const at = blocks.findIndex((b) => b.type === 'heading' && b.text === '摘要');
    const summary = blocks[at + 1]!;
    const pointer = blocks[at + 2]!;
    expect(summary.type === 'paragraph' && summary.text.length).toBeLessThanOrEqual(200);
    expect(summary.type === 'paragraph' && summary.text.length).toBeGreaterThan(60);
    const id = /\/report #(\d+)|\/sections (\d+)/.exec(JSON.stringify(reply.actions))!;
    expect(pointer).toEqual({ type: 'paragraph', text: `完整摘要(各章要点)见 /sections ${id[2] ?? id[1]}。` });
  });

  it('points to no /sections when the report has no outline to hold the full summary', () => {
    const reply = env.service.handle('/report 民权', { platform: 'console', chatId: 'figures' });
    expect(reply.kind).toBe('report');
    expect(JSON.stringify(reply.sections)).toContain('"摘要"');
    expect(JSON.stringify(reply.sections)).not.toContain('完整摘要');
  });
});
