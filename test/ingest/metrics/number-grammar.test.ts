import { describe, expect, it } from 'vitest';
import { findMentions } from '../../../src/ingest/metrics/number-grammar.js';
import { nth } from '../../helpers/nth.js';

type Want = [value: number, unit: string, approx?: string];
/** Sentences in real report phrasing → the figures they hold (value, unit, approx; exact when omitted). */
const CASES: [string, Want[]][] = [
  ['据不完全统计,委员捐款捐物近330万元', [[330, '万元', 'below']]],
  ['全年累计培训委员4000余人次', [[4000, '人次', 'above']]],
  ['为困难群众捐款捐物195万余元', [[195, '万元', 'above']]],
  ['动员4.9万名群众参与志愿服务', [[49000, '名']]],
  ['服务群众20多万人次', [[20, '万人次', 'above']]],
  ['收集社情民意信息80多条', [[80, '条', 'above']]],
  ['约500人参加活动', [[500, '人', 'about']]],
  ['参加培训500人左右', [[500, '人', 'about']]],
  ['线上参与超3000人次', [[3000, '人次', 'at-least']]],
  ['逾百名委员参加', [[100, '名', 'at-least']]],
  ['累计培训200人以上', [[200, '人', 'at-least']]],
  ['每名委员每年参加协商不少于4次', [[4, '次', 'at-least']]],
  ['开展专题调研3-5次', [[3, '次', 'about']]],
  ['召开常委会会议十二次', [[12, '次']]],
  ['两篇调研报告被列入全省成果', [[2, '篇']]],
  ['百余名委员参加视察', [[100, '名', 'above']]],
  ['二〇二一年是建党一百周年', []],
  ['增强“四个意识”、坚定“四个自信”、做到“两个维护”', []],
  ['增强四个意识,做到两个维护', []],
  ['市政协七届四次会议审查立案的121件提案已全部办复', [[121, '件']]],
  ['省第十三次党代会精神', []],
  ['实现“十四五”规划目标,十四五期间', []],
  ['落实“三重一大”事项集体决策制度', []],
  ['全年按照“6+x”要求开展13场“请你来协商”活动', [[13, '场']]],
  ['——2021年1月19日在政协安宁市第六届委员会第五次会议上', []],
  ['安宁市国土空间总体规划(2020-2035年)编制', []],
  ['9月召开全体会议', []],
  ['共提交提案 428件', [[428, '件']]],
  ['经审查立案401 件', [[401, '件']]],
  ['立案率75.7%', [[75.7, '%']]],
  ['占提案总数的59.4%', [[59.4, '%']]],
  ['占比40\uFF05', [[40, '%']]],
  ['全年地区生产总值2.15万亿元', [[2.15, '万亿元']]],
  ['项目建设带动投资增长11个百分点', [[11, '个百分点']]],
  ['收集整理文史资料47万字', [[47, '万字']]],
  ['肯定性签批10件次', [[10, '件次']]],
  ['宣传报道17篇次', [[17, '篇次']]],
  ['接待外地政协来钟学习考察16批次', [[16, '批次']]],
  [
    '全县地区生产总值增长12.6%达92.9亿元',
    [
      [12.6, '%'],
      [92.9, '亿元'],
    ],
  ],
  ['获党政领导批示26次', [[26, '次']]],
  ['开展活动数十次', []],
  ['在县委十四届十次全会召开前', []],
  ['走进千家万户', []],
  ['统筹推进五位一体总体布局', []],
  ['这是唯一一个,开展一次', []],
  ['共召开11次常委会会议', [[11, '次']]],
  ['地区生产总值突破3万亿元', [[3, '万亿元', 'at-least']]],
  ['开展“微协商”336次', [[336, '次']]],
  ['在开化就业创业、8090为主', []],
  ['建设委员工作站(联络站)、界别委员工作室等78个', [[78, '个']]],
  ['办理市政协提案1,255件', [[1255, '件']]],
  ['“4567”现代化产业体系', []],
  ['每月开展三四次', [[3, '次', 'about']]],
  [
    '招商引资增长25.9%达87.7亿元',
    [
      [25.9, '%'],
      [87.7, '亿元'],
    ],
  ],
  ['委员个人提案133件', [[133, '件']]],
  [
    '领导批示11次,市委书记批示12次',
    [
      [11, '次'],
      [12, '次'],
    ],
  ],
];

describe('findMentions', () => {
  for (const [sentence, want] of CASES) {
    it(sentence, () => {
      const got = findMentions(sentence).map((m) => [m.value, m.unit, m.approx]);
      expect(got).toEqual(want.map(([v, u, a]) => [v, u, a ?? 'exact']));
    });
  }

  it('gives bounds by approximation', () => {
    const [near] = findMentions('近330万元');
    expect([near?.lower, near?.upper]).toEqual([null, 330]);
    const [above] = findMentions('4000余人次');
    expect([above?.lower, above?.upper]).toEqual([4000, null]);
    const [range] = findMentions('3-5次');
    expect([range?.lower, range?.upper]).toEqual([3, 5]);
    const [exact] = findMentions('121件');
    expect([exact?.lower, exact?.upper]).toEqual([121, 121]);
  });

  it('keeps money in its unit with a factor to yuan', () => {
    expect(findMentions('投入资金107万元').map((m) => [m.value, m.unit, m.factor])).toEqual([[107, '万元', 1e4]]);
    expect(findMentions('财政收入210亿元').map((m) => m.factor)).toEqual([1e8]);
  });

  it('points at the number, after any prefix', () => {
    const s = '委员捐款捐物近330万元';
    const m = nth(findMentions(s), 0);
    expect(s.slice(m.numStart, m.numStart + 3)).toBe('330');
  });
});
