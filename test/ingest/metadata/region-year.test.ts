import { describe, expect, it } from 'vitest';
import { findRegion } from '../../../src/ingest/metadata/region.js';
import { reviewYear } from '../../../src/ingest/metadata/year.js';
import { findBody, findKind } from '../../../src/ingest/metadata/body-kind.js';
import { findTitle } from '../../../src/ingest/metadata/title.js';
import { prepareText } from '../../../src/ingest/metadata/prepare.js';

describe('issuing region', () => {
  it('resolves 安宁 by the places named around it', () => {
    expect(
      findRegion(
        '政协安宁市第六届委员会常务委员会工作报告\n认真贯彻落实省委、昆明市委和安宁市委政协工作会议精神,习近平总书记考察云南',
      )?.code,
    ).toBe('530181');
    expect(findRegion('安宁区政协常委会工作报告\n在中共兰州市委和安宁区委的坚强领导下,全区政协委员')?.code).toBe('620105');
  });

  it('takes the issuer, not the first or most prominent place named', () => {
    const text =
      '百舸争流——资阳市政协2022年工作综述\n省政协领导表扬资阳政协工作,为成都都市圈和四川发展贡献力量。资阳政协委员。市政协将继续努力';
    expect(findRegion(text)?.name).toBe('资阳市');
  });

  it('follows 我受…委托 over a misleading page title', () => {
    const text = [
      '政协新乐市第四届委员会工作总结',
      '政协武陵源区第四届委员会第一次会议',
      '常务委员会工作报告',
      '我受政协张家界市武陵源区第三届委员会常务委员会的委托,向大会作工作报告',
      '五年来,区政协在中共武陵源区委的领导下,我区',
    ].join('\n');
    expect(findRegion(text)).toMatchObject({ name: '武陵源区', province: '湖南省', parent: '张家界市' });
  });

  it('skips table-of-contents lines of other reports', () => {
    const text = [
      '目 录',
      '天津市人民代表大会常务委员会工作报告 1',
      '重庆市人民代表大会常务委员会工作报告 13',
      '广东省人民代表大会常务委员会工作报告 27',
      '天津市人民代表大会常务委员会工作报告',
      '2024年1月24日在天津市第十八届人民代表大会第二次会议上',
    ].join('\n');
    expect(findRegion(text)?.name).toBe('天津市');
  });

  it('resolves a bare short name with a level hint', () => {
    expect(findRegion('年,县人大常委会在县委的领导下,以推进远安经济社会又好又快发展为主线,紧紧围绕全县工作大局')?.name).toBe(
      '远安县',
    );
  });

  it('returns null when no place is named', () => {
    expect(findRegion('各位委员,一年来我们认真履职。')).toBeNull();
  });
});

describe('year reviewed', () => {
  const base = { text: '', head: '', deliveredOn: null, pageDate: null };
  it('reads review headings and year write-ups', () => {
    expect(reviewYear({ ...base, text: '各位委员:\n2020年主要工作回顾\n一年来' })).toBe(2020);
    expect(reviewYear({ ...base, text: '一、“十四五”时期和2025年工作回顾' })).toBe(2025);
    expect(reviewYear({ ...base, head: '百舸争流万山过——资阳市政协2022年工作综述' })).toBe(2022);
  });

  it('derives the year from the delivery date', () => {
    expect(reviewYear({ ...base, deliveredOn: '2012-01-17' })).toBe(2011);
    expect(reviewYear({ ...base, deliveredOn: '2011-11-14' })).toBe(2011);
    expect(reviewYear({ ...base, pageDate: '2023-01-09' })).toBe(2022);
  });

  it('is null for placeholders, session proposal counts and undated texts', () => {
    expect(reviewYear({ ...base, text: '一、20xx年工作回顾' })).toBeNull();
    expect(reviewYear({ ...base, head: '关于八届四次会议提案审查情况的报告', deliveredOn: '2020-01-10' })).toBeNull();
  });
});

describe('title, body, kind', () => {
  it('skips page furniture before the title', () => {
    const lines = [
      'http://dzb.zxnews.net/Img/a.jpg',
      '2020年工作回顾 一、凝心聚力。市政协党组及时成立',
      '等待处理…',
      '钟祥市政协常委会工作报告(摘要)',
      '2020/12/30',
    ];
    expect(findTitle(lines, null)).toBe('钟祥市政协常委会工作报告(摘要)');
  });

  it('tells the bodies apart', () => {
    expect(findBody('政府工作报告', '', '')).toBe('政府');
    expect(findBody('宁波市人民代表大会常务委员会工作报告', '', '')).toBe('人大');
    expect(findBody('中国人民政治协商会议安宁市第六届委员会常务委员会工作报告', '', '')).toBe('政协');
  });

  it('names the kind', () => {
    expect(findKind('钟祥市政协常委会工作报告(摘要)', '', '', '政协')).toBe('常委会工作报告');
    expect(findKind('百舸争流万山过——资阳市政协2022年工作综述', '', '', '政协')).toBe('工作综述');
    expect(findKind('为鹤岗市高质量发展贡献智慧和力量', '', '2023年工作回顾\n人民政协报、农民日报刊发', '政协')).toBe(
      '常委会工作报告',
    );
  });
});

describe('prepareText', () => {
  it('converts Traditional text and strips pinyin', () => {
    expect(prepareText('中國人民政治協(xié)商會議安寧市第六屆委員會常務委員會工作報告')).toBe(
      '中国人民政治协商会议安宁市第六届委员会常务委员会工作报告',
    );
  });
});
