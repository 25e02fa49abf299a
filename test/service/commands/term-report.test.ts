import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { seededService } from '../../helpers/seeded-service.js';

// A report at a term's first sitting reviews five years: its year is the term's last, and it says so.
const TERM_REPORT = [
  '政协眉山市第五届委员会常务委员会工作报告',
  '——2023年1月10日在政协眉山市第六届委员会第一次会议上',
  '各位委员:',
  '我代表政协眉山市第五届委员会常务委员会,向大会报告工作,请予审议。',
  '一、五年工作回顾',
  '五年来,市政协常委会坚持围绕中心、服务大局,委员共提交提案1200件,开展协商活动80次。',
].join('\n');

let env: Awaited<ReturnType<typeof seededService>>;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'term-report-'));
  writeFileSync(join(dir, 'meishan-term.txt'), TERM_REPORT);
  env = await seededService([dir]);
});
afterAll(() => {
  env.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const text = (line: string) => renderPlain(env.service.handle(line, { platform: 'console', chatId: 'term' }));

describe('a term report', () => {
  it('is stored with period term and found under the term’s last year', () => {
    const row = env.db.$client.prepare("SELECT year, period FROM reports WHERE region_name = '眉山市'").get();
    expect(row).toEqual({ year: 2022, period: 'term' });
    expect(text('/report 眉山 2022')).toContain('回顾年度: 届期五年(至2022年)');
  });

  it('is listed as 届期, while the annual seed reports keep their bare year', () => {
    expect(text('/list 四川')).toContain('眉山市 2022(届期)');
    expect(text('/report 资阳 2022')).toContain('回顾年度: 2022年');
  });
});
