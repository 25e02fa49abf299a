import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/create-console-adapter.js';
import { seededService } from '../../helpers/seeded-service.js';

/** Sends lines through the console adapter exactly as piped stdin would, and returns what it printed. */
async function chat(service: Parameters<typeof createConsoleAdapter>[0]['service'], lines: string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d) => (printed += d));
  const adapter = createConsoleAdapter({ service, input, output });
  await adapter.start();
  const answers: string[] = [];
  for (const line of lines) {
    const before = printed.length;
    input.write(line + '\n');
    await new Promise((r) => setImmediate(r));
    answers.push(printed.slice(before));
  }
  input.end();
  await adapter.done;
  return answers;
}

describe('console chat on the seeds', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  });
  afterAll(() => env.cleanup());

  it('/report 资阳 2022 gives the digest with region, province, year and the proposal figure', async () => {
    const [out] = await chat(env.service, ['/report 资阳 2022']);
    for (const s of ['资阳市', '四川省', '2022', '196']) expect(out).toContain(s);
    expect(out).toMatch(/«[^»]*196[^»]*»/); // the figure comes with its evidence
  });

  it('/report 安寧 2020 finds 安宁市 and answers in Traditional script', async () => {
    const [out] = await chat(env.service, ['/report 安寧 2020']);
    expect(out).toContain('安寧市');
    expect(out).toContain('雲南');
    expect(out).not.toContain('安宁市');
    expect(out).toContain('報告');
  });

  it('/report 安宁 2021 explains that the report reviews 2020', async () => {
    const [out] = await chat(env.service, ['/report 安宁 2021']);
    expect(out).toMatch(/回顾的是2020年/);
    expect(out).toContain('安宁市');
  });

  it('/compare 提案 lists all five reports with their proposal figures in their rows', async () => {
    const [out = ''] = await chat(env.service, ['/compare 提案']);
    const rows = out.split('\n');
    const row = (region: string) => rows.find((l) => l.startsWith(region)) ?? '';
    expect(row('钟祥市')).toContain('121');
    expect(row('安宁市')).toContain('153');
    expect(row('安宁市')).toContain('202');
    expect(row('鹤岗市')).toContain('261');
    expect(row('开化县')).toContain('138');
    expect(row('资阳市')).toContain('196');
    expect(out).toMatch(/中位数/);
    expect(out).toMatch(/最高/);
    expect(out).toMatch(/最低/);
    // Missing figures are shown as missing, not zero.
    expect(row('开化县')).toContain('—');
    expect(row('开化县')).not.toMatch(/\b0件/);
  });

  it('/compare 营商环境 ranks the reports that discuss it', async () => {
    const [out = ''] = await chat(env.service, ['/compare 营商环境']);
    expect(out).toMatch(/提到 \d+ 次/);
    const ranks = [...out.matchAll(/(\d+)\. (\S+?)\(/g)].map((m) => m[2]);
    expect(ranks[0]).toBe('鹤岗市'); // the only seed with a section on it
    const counts = [...out.matchAll(/提到 (\d+) 次/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('/trend 资阳 提案 answers one year in text, without a chart', async () => {
    const [out] = await chat(env.service, ['/trend 资阳 提案']);
    expect(out).toContain('2022');
    expect(out).toContain('196');
    expect(out).toMatch(/只有 2022 年的报告/);
  });

  it('/search 请你来协商 finds 开化 with the term highlighted', async () => {
    const [out] = await chat(env.service, ['/search 请你来协商']);
    expect(out).toContain('开化县');
    expect(out).toContain('【请你来协商】');
  });

  it('accepts a full-width slash, @botname and a bare command word', async () => {
    const outs = await chat(env.service, [
      '／report 资阳 2022',
      '/report@digest_bot 资阳 2022',
      'report 资阳 2022',
      '报告 资阳 二〇二二年',
    ]);
    for (const out of outs) expect(out).toContain('196');
  });

  it('unknown regions get suggestions, unknown commands and empty arguments a clear message', async () => {
    const [unknown, cmd, empty] = await chat(env.service, ['/report 资杨', '/foo', '/compare']);
    expect(unknown).toContain('未找到“资杨”');
    expect(unknown).toContain('资阳市(四川)');
    expect(cmd).toContain('无法识别的命令');
    expect(empty).toContain('请告诉我要比较什么');
  });

  it('lists reports by province and answers /help', async () => {
    const [list, help] = await chat(env.service, ['/list', '/help']);
    expect(list).toContain('四川省');
    expect(list).toContain('资阳市 2022');
    for (const c of ['/report', '/compare', '/trend', '/search', '/list', '/subscribe', '/lang']) expect(help).toContain(c);
  });

  it('/lang 繁 switches the chat to Traditional until /lang 简', async () => {
    const [, trad, , simp] = await chat(env.service, ['/lang 繁', '/report 资阳 2022', '/lang 简', '/report 资阳 2022']);
    expect(trad).toContain('資陽市');
    expect(simp).toContain('资阳市');
  });
});

describe('ambiguous regions', () => {
  it('offers the choices with provinces when two stored regions share a name', async () => {
    const env = await seededService();
    try {
      const file = join(env.dir, 'anning-district.txt');
      writeFileSync(
        file,
        [
          '政协兰州市安宁区第十届委员会常务委员会工作报告',
          '——2022年1月10日在政协兰州市安宁区第十届委员会第一次会议上',
          '2021年工作回顾',
          '一年来,区政协常委会在中共安宁区委的领导下,围绕甘肃省和兰州市的部署开展工作。共收到提案88件,经审查立案80件。',
        ].join('\n'),
      );
      const summary = await (await import('../../../src/ingest/ingest-batch.js')).ingestPaths(env.db, [file]);
      expect(summary.ingested).toBe(1);
      const [out] = await chat(env.service, ['/report 安宁']);
      expect(out).toContain('对应多个地区');
      expect(out).toContain('安宁市(云南)');
      expect(out).toContain('安宁区(甘肃)');
      const [chosen] = await chat(env.service, ['/report 安宁区']);
      expect(chosen).toContain('安宁区');
      expect(chosen).toContain('80');
    } finally {
      env.cleanup();
    }
  });
});
