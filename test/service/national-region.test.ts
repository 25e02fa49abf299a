import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededService } from '../helpers/seeded-service.js';

/** A national-level report (全国政协) has no province: every command that groups or labels by province copes. */
describe('a national-level report in the console service', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  let dir = '';
  const ask = (text: string) => JSON.stringify(env.service.handle(text, { platform: 'console', chatId: 't' }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'national-'));
    const file = join(dir, 'national.txt');
    writeFileSync(
      file,
      [
        '中国人民政治协商会议第十四届全国委员会常务委员会工作报告',
        '——2025年3月4日在政协第十四届全国委员会第三次会议上',
        '王小明',
        '各位委员:',
        '现在,我代表政协第十四届全国委员会常务委员会,向大会报告工作,请予审议。',
        '一、2024年主要工作',
        '一年来,全国政协共收到提案5900件,经审查立案4800件。北京市、上海市的委员参加了视察。',
      ].join('\n'),
    );
    env = await seededService([file]);
  });
  afterAll(() => {
    env.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is stored as 全国 without a province and listed under 全国', async () => {
    const row = env.db.$client
      .prepare("SELECT region_name, region_level, province FROM reports WHERE region_name = '全国'")
      .get();
    expect(row).toEqual({ region_name: '全国', region_level: '国家', province: null });
    const text = ask('/list');
    expect(text).toContain('全国(1)');
    expect(text).not.toContain('地区不详');
  });

  it('/report 全国 2024 and /compare 提案 answer without a province label', async () => {
    const report = ask('/report 全国 2024');
    expect(JSON.parse(report).kind).toBe('report');
    expect(report).toContain('{"label":"地区","value":"全国"}');
    expect(report).toContain('第十四届全国委员会第三次会议');
    expect(report).toContain('2024');
    const compare = ask('/compare 提案');
    expect(JSON.parse(compare).kind).toBe('compare');
    expect(compare).not.toContain('全国()');
  });
});
