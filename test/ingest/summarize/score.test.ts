import { describe, expect, it } from 'vitest';
import { bigrams, scoreSentence, similarity } from '../../../src/ingest/summarize/score.js';
import type { Sentence } from '../../../src/ingest/summarize/sentences.js';

const sentence = (text: string, heading = false): Sentence => ({ text, start: 0, end: text.length, heading });

describe('scoreSentence', () => {
  it('ranks figures and named initiatives above generic prose', () => {
    const rich = scoreSentence(sentence('全年按照要求开展13场“请你来协商”活动,报送协商成果18篇,获党政领导批示26次。'));
    const plain = scoreSentence(sentence('组织委员深入基层开展调查研究,形成了一批有价值的意见和建议,得到有关部门重视。'));
    expect(rich.excluded).toBe(false);
    expect(rich.figures).toBe(3);
    expect(rich.score).toBeGreaterThan(plain.score);
  });

  it('excludes bare slogans, headings, greetings, junk and fragments', () => {
    const cases = [
      sentence('坚持以习近平新时代中国特色社会主义思想为指导,切实增强“四个意识”、坚定“四个自信”、做到“两个维护”。'),
      sentence('一、凝心聚力、勇于担当,投身疫情防控一线战场', true),
      sentence('各位委员、同志们:我受常务委员会的委托,向大会报告工作,请予审议。'),
      sentence('http://b.zxnews.net/content/2020-12/30/005610.html 新闻'),
      sentence('、1.86倍;规模以上工业增加值完成52.1亿元,是2011年的1.88倍'),
      sentence('强化责任落实。'),
    ];
    for (const c of cases) expect(scoreSentence(c).excluded, c.text).toBe(true);
  });

  it('does not call a boilerplate sentence with figures a slogan', () => {
    const s = scoreSentence(sentence('深入学习贯彻习近平总书记重要讲话精神,召开党组会议28次、理论学习中心组集体学习14次。'));
    expect(s.slogan).toBe(false);
    expect(s.excluded).toBe(false);
  });

  it('takes the figure count from metrics when they find more', () => {
    expect(scoreSentence(sentence('全年共办理提案二百六十一件,办结率达到百分之百。'), 2).figures).toBe(2);
  });
});

describe('similarity', () => {
  it('is 1 for identical text, 0 for disjoint text, in between for overlap', () => {
    const a = bigrams('开展专题协商93次');
    expect(similarity(a, bigrams('开展专题协商93次'))).toBe(1);
    expect(similarity(a, bigrams('培训委员四千人'))).toBe(0);
    const partial = similarity(a, bigrams('开展专题协商12次,视察51次'));
    expect(partial).toBeGreaterThan(0.2);
    expect(partial).toBeLessThan(1);
  });
});
