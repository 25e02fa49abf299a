import { describe, expect, it } from 'vitest';
import { extractBytes, extractFile } from '../../../src/ingest/extract.js';
import { isCeremony, isCommendation, isDiscipline, isRollCall } from '../../../src/ingest/summarize/features.js';

/** A report whose review opens with its own discipline and a list of honours, as many do. */
const REPORT = [
  '政协某某县委员会常务委员会工作报告',
  '——2023年1月10日在政协某某县第十届委员会第二次会议上',
  '一、2022年工作回顾',
  '(一)加强自身建设',
  '严守政治纪律和政治规矩,落实全面从严治党主体责任,召开党风廉政建设专题会议4次,开展警示教育3次。',
  '县政协机关荣获全市政协系统先进集体称号,5名委员被评为全市优秀政协委员,2件提案获评优秀提案。',
  '(二)协商议政',
  '全年围绕乡村振兴开展“有事好商量”协商活动16场,形成协商建议41条,其中28条被县政府采纳。',
  '(三)提案工作',
  '全年共收到提案168件,经审查立案150件,已全部办复,推动解决群众急难愁盼问题63个。',
  '(四)反映社情民意',
  '全年报送社情民意信息72条,被省市政协采用19条。',
  '二、2023年工作安排',
  '2023年,县政协将继续坚持团结和民主两大主题。',
].join('\n');

const bad = (s: string) => isCommendation(s) || isDiscipline(s) || isCeremony(s) || isRollCall(s);

describe('the chat summary', () => {
  it('stands for the work of the year, not the discipline paragraph or the honours list', () => {
    const r = extractBytes('county.txt', Buffer.from(REPORT));
    expect(r.summary.length).toBeGreaterThanOrEqual(2);
    expect(r.summary.length).toBeLessThanOrEqual(3);
    expect(r.summary.join('').length).toBeLessThanOrEqual(200);
    for (const s of r.summary) expect(bad(s), s).toBe(false);
    expect(r.summary.join('')).toContain('有事好商量');
  });

  // A fixture set from the dev corpus: news write-ups with roll calls and bylines, long-sentence 人大 and 政府
  // reports, five-year reviews.
  const FIXTURES = ['d005', 'd010', 'd017', 'd018', 'd020', 'd022', 'd024', 'd027', 'd060', 'd061', 'd062', 'd064'];
  it.each(FIXTURES)('%s: at most 3 sentences and ~200 characters, never led by ceremony, honours or discipline', async (d) => {
    const r = await extractFile(new URL(`../../../../shared/dev-corpus/${d}.txt`, import.meta.url).pathname);
    expect(r.summary.length).toBeLessThanOrEqual(3);
    expect(r.summary.join('').length).toBeLessThanOrEqual(200);
    if (r.summary.length) expect(bad(r.summary[0]!), r.summary[0]).toBe(false);
  });
});
