import { describe, expect, it } from 'vitest';
import {
  boilerplateShare,
  figures,
  initiatives,
  isCeremony,
  isGreeting,
  isJunk,
} from '../../../src/ingest/summarize/features.js';

describe('figures', () => {
  it('finds digits followed by a unit, not years or dates', () => {
    expect(figures('2020年共收到提案202件,立案率75.7%,捐款近330万元,培训4000余人次,4月份')).toEqual([
      '202件',
      '75.7%',
      '330万元',
      '4000余人次',
    ]);
    expect(figures('2021年2月5日在县政协十届五次会议上')).toEqual([]);
  });
});

describe('initiatives', () => {
  it('keeps quoted names and 《》 titles, drops stock slogans and quoted mottos', () => {
    const text =
      '持续擦亮“请你来协商”品牌,增强“四个意识”、做到“两个维护”,发挥“存史、资政、团结、育人”功能,出台《协商工作计划》,“十四五”';
    expect(initiatives(text)).toEqual(['请你来协商', '《协商工作计划》']);
  });
});

describe('boilerplateShare', () => {
  it('is high for slogans and low for concrete work', () => {
    const slogan = '坚持以习近平新时代中国特色社会主义思想为指导,切实增强“四个意识”、坚定“四个自信”、做到“两个维护”。';
    const concrete = '组建5个民主评议专班,与承办单位现场协商、跟踪问效,121件提案已全部办复。';
    expect(boilerplateShare(slogan)).toBeGreaterThan(0.5);
    expect(boilerplateShare(concrete)).toBeLessThan(0.2);
  });
});

describe('junk, greetings and ceremony', () => {
  it('recognizes page junk', () => {
    for (const s of [
      'http://b.zxnews.net/content/2020-12/30/005610.html',
      '发布时间: 2023-01-01 【字体: 来源:主站阅读次数:2579',
      'ICP备:鄂ICP备2020023045号',
      '(下转第三版)',
      '2020/12/30',
      '简介:写写帮文库小编为你整理了多篇相关的报告',
    ]) {
      expect(isJunk(s), s).toBe(true);
    }
    expect(isJunk('全年共收集社情民意信息82条。')).toBe(false);
  });

  it('recognizes greetings and the formal opening', () => {
    expect(isGreeting('各位委员、同志们:')).toBe(true);
    expect(isGreeting('我受政协安宁市第六届委员会常务委员会的委托,向大会报告工作,请予审议。')).toBe(true);
    expect(isGreeting('委员们提出意见建议42条。')).toBe(false);
  });

  it('recognizes rostrum lists and rolls of names', () => {
    expect(isCeremony('区委书记索乐民等领导应邀出席会议,并在主席台就座。')).toBe(true);
    expect(isCeremony('本次大会主席团成员是:辛耀雄、李贤、崔忠义、何志坤、杨东伟、王冰。')).toBe(true);
    expect(isCeremony('围绕石墨产业、农业特色产业、森林旅游等开展协商。')).toBe(false);
  });
});
