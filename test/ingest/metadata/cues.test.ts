import { describe, expect, it } from 'vitest';
import { monthDayDelivery, planYear } from '../../../src/ingest/metadata/dates.js';
import { findRegion } from '../../../src/ingest/metadata/region.js';
import { findSession } from '../../../src/ingest/metadata/session.js';
import { findSpeaker } from '../../../src/ingest/metadata/speaker.js';
import { reviewYear } from '../../../src/ingest/metadata/year.js';

const year = (text: string, deliveredOn: string | null = null) =>
  reviewYear({ text, head: text.slice(0, 200), deliveredOn, pageDate: null });

describe('year reviewed: cues beyond the 回顾 heading', () => {
  it('reads 截至YYYY年底', () => {
    expect(year('全市共有政协委员三百余名。截至2019年底,累计开展协商活动四十次。')).toBe(2019);
  });

  it('reads a sentence that opens on the year and the body at work, not a plan sentence', () => {
    expect(year('报告摘要\n2021年,县政协围绕中心工作,开展调研十次。')).toBe(2021);
    expect(year('报告摘要\n2022年,县政协将围绕中心工作开展调研。')).toBeNull();
    // 重要 is no plan word
    expect(year('摘要。2020年,广大政协委员紧扣重要问题建言。')).toBe(2020);
  });

  it('takes the plan part minus one: YYYY年工作安排, 做好YYYY年…工作, YYYY年是…之年', () => {
    expect(year('一、主要工作\n二、2017年工作安排\n')).toBe(2016);
    expect(planYear('会议号召大家做好2023年政协工作。')).toBe(2023);
    expect(planYear('2015年是全面深化改革的关键之年')).toBe(2015);
  });

  it('takes a yearbook edition minus one, and a delivery date still comes first', () => {
    expect(year('某区年鉴2016\n区政协工作')).toBe(2015);
    expect(year('二、2017年工作安排', '2017-01-12')).toBe(2016);
  });
});

describe('delivery day without a year', () => {
  it('takes a news dateline with 今日 as the meeting day', () => {
    expect(monthDayDelivery('某某网2月3日讯 今日上午,某市政协五届二次会议开幕。')).toEqual({ month: 2, day: 3 });
  });

  it('ignores cut-off dates and later group discussions', () => {
    expect(monthDayDelivery('截至1月9日18时,大会共收到提案300件。')).toBeNull();
    expect(monthDayDelivery('委员们于1月10日下午分组审议常委会工作报告。')).toBeNull();
  });
});

describe('speaker cues', () => {
  it('受…常务委员会委托, X作…报告 and X受…委托,向大会报告', () => {
    expect(findSpeaker([], '受政协某市第五届委员会常务委员会委托,李明华作提案工作情况报告。')).toBe('李明华');
    expect(findSpeaker([], '会上,王建国受政协某县第九届委员会常务委员会委托,向大会报告提案工作。')).toBe('王建国');
    expect(findSpeaker([], '受政协某市委员会常务委员会的委托,向大会作工作报告。')).toBeNull();
  });

  it('主席X在会上作…报告 with a long report name; names containing 志 or 会 are names', () => {
    expect(findSpeaker([], '市政协主席赵德胜在会上作政协某市委员会常务委员会工作报告。')).toBe('赵德胜');
    expect(findSpeaker(['某市政协常委会工作报告', '——2020年1月6日在政协某市第三届委员会第四次会议上', '周 志 刚'], '')).toBe(
      '周志刚',
    );
  });
});

describe('national level', () => {
  it('the national CPPCC issues its own report even when provinces are named', () => {
    const text = '政协第十三届全国委员会常务委员会工作报告\n委员们来自北京市、上海市和四川省。';
    expect(findRegion(text)).toMatchObject({ name: '全国', level: '国家', province: null });
    expect(findSession(text, '在政协第十三届全国委员会第二次会议上', true)).toBe('第十三届全国委员会第二次会议');
  });

  it('a local report that mentions 全国政协 stays local and does not take its session', () => {
    const text = '政协某某县第九届委员会常务委员会工作报告\n政协开化县第九届委员会\n在全国政协十届四次会议上,委员提交了提案。';
    expect(findRegion(text)?.name).toBe('开化县');
    expect(findSession(text, text, false)).toBeNull();
  });
});
