import { describe, expect, it } from 'vitest';
import { scoreSentence } from '../../../src/ingest/summarize/score.js';
import { selectSentences } from '../../../src/ingest/summarize/select.js';

const at = (text: string, start: number) => scoreSentence({ text, start, end: start + text.length, heading: false });

describe('selectSentences', () => {
  it('skips near-duplicates and returns picks in text order', () => {
    const pool = [
      at('全年共召开常委会议6次、主席会议12次,开展专题协商15次,形成建议报告20篇。', 0),
      at('全年共召开常委会议6次、主席会议12次,开展专题协商15次,形成建议报告21篇。', 100),
      at('围绕营商环境开展“有事来协商”活动8场,推动解决群众问题35个。', 200),
      at('收集社情民意信息82条,编辑《社情民意》54期。', 300),
    ];
    const picked = selectSentences(pool, { minSentences: 2, maxSentences: 3, targetChars: 1000, maxChars: 1000 });
    expect(picked.map((p) => p.start)).toEqual([0, 200, 300].filter((s) => picked.some((p) => p.start === s)));
    expect(picked.filter((p) => p.start === 0 || p.start === 100)).toHaveLength(1);
    expect(picked.map((p) => p.start)).toEqual([...picked.map((p) => p.start)].sort((a, b) => a - b));
  });

  it('never picks excluded sentences and stops at the character budget', () => {
    const pool = [
      at('坚持以习近平新时代中国特色社会主义思想为指导,增强“四个意识”、做到“两个维护”。', 0),
      at('办理提案261件,撰写社情民意信息67篇,完成调研报告25篇,圆满完成年度协商计划。', 50),
      at('组织视察活动51次、专题协商93次,提出发挥龙头带动作用等72条建议。', 120),
      at('开展“委员讲堂”16期,全年累计培训委员4000余人次。', 200),
    ];
    const picked = selectSentences(pool, { minSentences: 1, maxSentences: 5, targetChars: 60, maxChars: 90 });
    expect(picked.some((p) => p.start === 0)).toBe(false);
    expect(picked.reduce((n, p) => n + p.text.length, 0)).toBeLessThanOrEqual(90);
  });

  it('reserves room for sentences with figures', () => {
    const pool = [
      at('持续擦亮“请你来协商”金名片,完善“委员会客厅”协商机制,打造“有事好商量”品牌。', 0),
      at('深化“书香政协”建设,打造“委员之家”“界别活动室”阵地。', 100),
      at('全年围绕重点工作开展各类协商活动27场次。', 200),
      at('整合打造议事平台1257个,推动解决群众问题2758个。', 300),
    ];
    const picked = selectSentences(pool, {
      minSentences: 2,
      maxSentences: 2,
      targetChars: 10,
      maxChars: 500,
      minFigureSentences: 2,
    });
    expect(picked.every((p) => p.figures > 0)).toBe(true);
  });
});
