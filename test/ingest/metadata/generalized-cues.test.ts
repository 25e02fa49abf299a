import { describe, expect, it } from 'vitest';
import { findBody } from '../../../src/ingest/metadata/body-kind.js';
import {
  datelineDate,
  deliveredOn,
  ownPageDates,
  pageDatesIn,
  planYear,
  sessionSpanMonth,
  statedDeliveryDate,
} from '../../../src/ingest/metadata/dates.js';
import { findSession, nationalSessionYear } from '../../../src/ingest/metadata/session.js';
import { findSpeaker } from '../../../src/ingest/metadata/speaker.js';
import { startsWithSurname } from '../../../src/ingest/metadata/surnames.js';
import { anniversaryYear, deliveryYearHint, reviewPeriod, reviewYear } from '../../../src/ingest/metadata/year.js';
import { findRegion } from '../../../src/ingest/metadata/region.js';

const prose = (text: string): string | null => findSpeaker([], text);

describe('speaker cues that need no title', () => {
  it('a caption or sentence opening on a name before 作…报告', () => {
    expect(prose('记者从会上获悉。\n林玉瑞向大会作提案工作情况报告\n新闻推荐')).toBe('林玉瑞');
    expect(prose('闭幕大会由冯德远主持。宋树青作关于州政协十三届五次会议提案征集情况的报告。')).toBe('宋树青');
    expect(prose('23.01.2020 10:44\n欧阳建平作市政协常委会工作报告\n各位委员:')).toBe('欧阳建平');
  });

  it('never a body, a job title or a credit before 作…报告', () => {
    expect(prose('常委会作工作报告。')).toBeNull();
    expect(prose('大会作提案工作情况报告。')).toBeNull();
    expect(prose('记者作现场报告。')).toBeNull();
    expect(prose('书记作重要讲话和报告。')).toBeNull();
    expect(prose('政府工作报告总结客观。')).toBeNull();
  });

  it('a title after the name: X主席代表…常务委员会所作工作报告', () => {
    expect(prose('会议审议批准陈小忠主席代表政协第十四届某市委员会常务委员会所作工作报告。')).toBe('陈小忠');
    expect(prose('会议审议批准王强主席代表政协某县委员会常务委员会所作工作报告。')).toBe('王强');
  });

  it('a live transcript label before 我代表…向大会报告工作', () => {
    const text =
      '石泰峰:\n各位委员:现在开会。\n王沪宁:\n各位委员:我代表中国人民政治协商会议第十四届全国委员会常务委员会,向大会报告工作,请予审议。';
    expect(prose(text)).toBe('王沪宁');
    expect(prose('石泰峰:\n各位委员、各位同志:会议开幕。')).toBeNull();
  });

  it('副主席X报告提案工作情况 and 副主席X今天下午在…上向大会报告', () => {
    expect(prose('全国政协副主席苏辉报告提案工作情况(某社 记者摄)')).toBe('苏辉');
    expect(prose('全国政协副主席张三今天下午在全国政协十三届二次会议上向大会报告提案工作情况。')).toBe('张三');
  });

  it('reads names with spaces in running text', () => {
    expect(prose('北京市市长 殷勇同志作政府工作报告。')).toBe('殷勇');
    expect(prose('县政协主席 王 良 作工作报告。')).toBe('王良');
    expect(prose('受政协某县委员会常务委员会委托, 李 明 作提案工作情况报告。')).toBe('李明');
  });

  it('keeps a three-character name whole before 代表…向大会报告工作', () => {
    expect(prose('区委副书记、区长连天浪代表章贡区人民政府向大会报告工作。')).toBe('连天浪');
  });

  it('knows surnames, single and compound', () => {
    expect(startsWithSurname('林玉瑞')).toBe(true);
    expect(startsWithSurname('欧阳建平')).toBe(true);
    expect(startsWithSurname('常委会')).toBe(true); // 常 is a surname: the body check rejects 常委会
    expect(startsWithSurname('大会')).toBe(false);
    expect(startsWithSurname('由王某')).toBe(false);
  });
});

describe('delivery dates in more page formats', () => {
  it('reads a day-first page date (23.01.2020 10:44)', () => {
    expect(pageDatesIn(['23.01.2020  10:44'])).toEqual(['2020-01-23']);
    expect(pageDatesIn(['版本 1.2.3'])).toEqual([]);
  });

  it('reads a stated date that lost its 年 or one bracket', () => {
    expect(statedDeliveryDate('——20261月5日在政协北京市通州区第七届委员会第五次会议上')).toBe('2026-01-05');
    expect(statedDeliveryDate('工作报告\n(2007年12月11日\n各位委员:')).toBe('2007-12-11');
    expect(statedDeliveryDate('工作报告\n2007年12月11日)\n各位委员:')).toBe('2007-12-11');
  });

  it('reads a date line next to the session line', () => {
    expect(datelineDate('工作报告\n——在政协第十四届全国委员会第三次会议上\n2025年3月4日\n王沪宁')).toBe('2025-03-04');
    expect(datelineDate('工作报告\n2025年3月4日\n王沪宁')).toBeNull();
  });

  it('gives only the month for a resolution adopted at the end of a several-day session', () => {
    const text = '(2025年2月17日政协第十四届某市委员会第四次会议通过)\n会议于2025年2月14日至17日举行。';
    expect(sessionSpanMonth(text, '2025-02-17')).toBe('2025-02');
    expect(deliveredOn(text, text, [], false)).toBe('2025-02');
    expect(sessionSpanMonth('会议于2025年2月14日至17日举行。', '2025-02-14')).toBeNull();
  });

  it('drops page dates that list other pages (an archive)', () => {
    const archive = ['2026-02-15', '2026-02-14', '2026-02-13', '2026-02-12'];
    expect(ownPageDates(archive)).toEqual([]);
    expect(ownPageDates(['2026-02-15', '2026-02-15'])).toEqual(['2026-02-15', '2026-02-15']);
  });

  it('takes no date from a press briefing: the reports are delivered later', () => {
    const head = '1月16日,省政协十二届五次会议新闻发布会举行。\n相关新闻\n1月19日上午,省政协十二届五次会议在沈阳开幕。';
    expect(deliveredOn(head, head, ['2022-01-20'], false)).toBeNull();
  });

  it("a full report's posting date is not its delivery date, a transcript's time stamps are", () => {
    const head = '某市人大常委会工作报告\n各位代表:\n我受市人大常委会委托,向大会报告工作。';
    expect(deliveredOn(head, head, ['2022-02-16'], false, { fullReport: true })).toBeNull();
    const live = `${head}\n开幕。2026-03-04 15:02\n议程。2026-03-04 15:05\n报告。2026-03-04 15:07`;
    expect(deliveredOn(head, live, ['2026-03-04'], false, { fullReport: true })).toBe('2026-03-04');
  });

  it('a news page whose text dates its event on another day is not dated by the page', () => {
    const head = '委员们于3月2日下午分别在各自界别小组审议常委会工作报告。';
    expect(deliveredOn(head, head, ['2021-03-04'], false)).toBeNull();
    expect(deliveredOn('今天上午,某市政协八届三次会议开幕。', '正文', ['2024-01-08'], false)).toBe('2024-01-08');
  });

  it('dates a month-day delivery with the year the text implies', () => {
    const head = '2月20日,政协某县第十届委员会第四次会议隆重开幕。';
    expect(deliveredOn(head, head, [], false, { yearHint: 2024 })).toBe('2024-02-20');
    expect(deliveredOn(head, head, [], false)).toBeNull();
  });
});

describe('year cues', () => {
  const year = (text: string, sessionYear: number | null = null) =>
    reviewYear({ text, head: text.slice(0, 200), deliveredOn: null, pageDate: null, sessionYear });

  it('reads 刚刚过去的YYYY年 and 回顾YYYY年', () => {
    expect(year('大道之行。\n刚刚过去的2024年,是新中国成立75周年。')).toBe(2024);
    expect(year('在回顾2023年政协工作时,他指出,一年来……')).toBe(2023);
  });

  it('reads a stated year after 表示, / 介绍,', () => {
    expect(year('副秘书长刘某表示,2024年,山东省政协发挥专门协商机构作用,举行常委会会议3次。')).toBe(2024);
    expect(year('刘某表示,2025年,省政协将围绕中心工作开展调研。')).toBeNull();
  });

  it('reads an anniversary this year: 今年是新中国成立75周年 → delivered 2024', () => {
    expect(anniversaryYear('今年是中华人民共和国成立75周年,也是关键之年。')).toBe(2024);
    expect(anniversaryYear('今年是中国共产党成立100周年。')).toBe(2021);
    expect(anniversaryYear('2019年是新中国成立70周年。')).toBeNull();
    expect(year('区委书记说,今年是中华人民共和国成立75周年。')).toBe(2023);
  });

  it('reads the plan part: YYYY年工作部署, YYYY年…工作总体要求', () => {
    expect(planYear('报告分2023年工作回顾、2024年工作部署两大部分。')).toBe(2024);
    expect(planYear('2019年州政协及其常委会工作总体要求是:坚持…')).toBe(2019);
  });

  it('counts the sessions of the national bodies from the term start', () => {
    expect(nationalSessionYear('第十三届全国委员会第二次会议')).toBe(2019);
    expect(nationalSessionYear('第十四届全国人民代表大会第三次会议')).toBe(2025);
    expect(nationalSessionYear('第十三届委员会第二次会议')).toBeNull();
    expect(year('某社北京3月3日电 副主席苏辉在会上报告提案工作。', 2019)).toBe(2018);
  });

  it('hints the delivery year: exact cues first, then the year reviewed + 1, then the plan year', () => {
    expect(deliveryYearHint('2023年是开局之年。今年是新中国成立75周年。', '', null)).toBe(2024);
    expect(deliveryYearHint('一、2023年工作回顾\n二、2024年工作安排', '', null)).toBe(2024);
    expect(deliveryYearHint('做好2024年政协工作。', '', null)).toBe(2024);
    expect(deliveryYearHint('政协工作。', '', 2019)).toBe(2019);
    expect(deliveryYearHint('政协工作。', '', null)).toBeNull();
  });
});

describe('issuing body of a session resolution', () => {
  it('a resolution adopted by a 政协 session is the 政协 one, though it endorses the 政府工作报告', () => {
    const head = '(2025年2月17日政协第十四届某市委员会第四次会议通过)\n会议赞同代市长所作政府工作报告。政府工作报告总结客观。';
    expect(findBody(null, head, head)).toBe('政协');
    expect(findBody('某市政府工作报告', head, head)).toBe('政府');
  });
});

describe('term reports', () => {
  it('a term-review heading, or term words at a term’s first sitting, make the period a term', () => {
    expect(reviewPeriod('工作报告\n一、五年工作的回顾\n常委会……', null)).toBe('term');
    expect(reviewPeriod('过去五年工作回顾\n过去五年,常委会……', null)).toBe('term');
    expect(reviewPeriod('五年来,省政协共举办协商议政67次。', '第十三届委员会第一次会议')).toBe('term');
  });

  it('an annual report that looks back on five years stays annual', () => {
    expect(reviewPeriod('2025年和“十四五”时期工作回顾\n五年来,全省经济……', '第十四届人民代表大会第四次会议')).toBe('year');
    expect(reviewPeriod('一年来,市政协……五年来累计……', null)).toBe('year');
    expect(reviewPeriod('一年来,市政协围绕中心……', '第六届委员会第一次会议')).toBe('year');
  });
});

describe('region from the issuer, not from a smaller place named after another one', () => {
  it('a short name that begins a community or zone name does not count', () => {
    const text = '应邀列席的还有滨湖世纪社区、包河经开区、滨湖功能区负责人。区政协常委会向大会作工作报告,区政协委员出席。';
    expect(findRegion(text)).toMatchObject({ name: '包河区', province: '安徽省' });
  });
});

describe('the session a news item is about', () => {
  const session = (text: string): string | null => findSession(text, text);

  it('its opening or close, its press briefing, its members, its proposals', () => {
    expect(session('今天上午,莆田市政协八届三次会议正式开幕。')).toBe('第八届委员会第三次会议');
    expect(session('1月18日下午,山东省政协十三届三次会议新闻发布会举行。')).toBe('第十三届委员会第三次会议');
    expect(session('参加兴安盟政协九届四次会议的委员于3月2日下午分组审议报告。')).toBe('第九届委员会第四次会议');
    expect(session('2月26日,市政协十五届三次会议提案交办会召开。')).toBe('第十五届委员会第三次会议');
    expect(session('福建省政协十一届三次会议共收提案975件')).toBe('第十一届委员会第三次会议');
  });

  it('does not let a page title with another 届 swallow the session line after it', () => {
    expect(session('政协某市第四届委员会工作总结 篇一\n\n政协某区第四届委员会第一次会议\n常务委员会工作报告')).toBe(
      '第四届委员会第一次会议',
    );
  });

  it('reads 十四届人大二次会议 with the body between term and sitting', () => {
    expect(session('1月23日,江西省十四届人大二次会议在南昌开幕。')).toBe('第十四届人民代表大会第二次会议');
  });

  it('takes a session said in passing (…会议期间) only when no other is named', () => {
    expect(session('市政协十四届五次会议期间,委员提交提案。')).toBe('第十四届委员会第五次会议');
    expect(session('市政协十四届四次会议期间提交提案。今天,市政协十四届五次会议隆重开幕。')).toBe('第十四届委员会第五次会议');
    expect(session('区政协五届二次会议以来,共提交提案。')).toBeNull();
  });
});

describe('去年 / 今年以来 / 一年来 with a dated page', () => {
  const dated = (text: string, date: string) => reviewYear({ text, head: '', deliveredOn: date, pageDate: null });

  it('January–March: the year before, whatever the words', () => {
    expect(dated('一年来,县政协围绕中心工作。', '2024-01-12')).toBe(2023);
    expect(dated('去年,县政协围绕中心工作。', '2024-03-02')).toBe(2023);
  });

  it('late in the year: that year, unless the text says 去年', () => {
    expect(dated('一年来,县政协围绕中心工作。', '2022-11-14')).toBe(2022);
    expect(dated('去年,县政协提交提案120件,今年将继续。', '2022-11-14')).toBe(2021);
  });

  it('mid-year: a later posting of an early-year report, unless the text says 今年以来', () => {
    expect(dated('政协工作报告。', '2023-06-20')).toBe(2022);
    expect(dated('今年以来,市政协开展协商活动12次。', '2023-06-20')).toBe(2023);
  });
});
