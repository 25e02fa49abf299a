import { describe, expect, it } from 'vitest';
import { findSession } from '../../../src/ingest/metadata/session.js';
import { findSpeaker } from '../../../src/ingest/metadata/speaker.js';

const session = (s: string): string | null => findSession(s, s);

describe('session', () => {
  it('normalizes 政协 sessions', () => {
    expect(session('——2021年1月19日在政协安宁市第六届委员会第五次会议上')).toBe('第六届委员会第五次会议');
    expect(session('201816日在政协第十五届九江市委员会第三次会议上)')).toBe('第十五届委员会第三次会议');
    expect(session('2021年2月5日在县政协十届五次会议上')).toBe('第十届委员会第五次会议');
  });

  it('normalizes 人大 sessions, with or without 第 and across a line break', () => {
    expect(session('2021年2月22日在宁波市第十五届人民代表大会第六次会议上')).toBe('第十五届人民代表大会第六次会议');
    expect(session('在甘肃省十四届人民代表大会第四次会议上')).toBe('第十四届人民代表大会第四次会议');
    expect(session('2025年3月21日在汉滨区第十九届\n人民代表大会第四次会议上')).toBe('第十九届人民代表大会第四次会议');
  });

  it('ignores sessions the text only refers back to', () => {
    expect(session('截止目前,市政协七届四次会议审查立案的121件提案已全部办复')).toBeNull();
    expect(session('陆良县政协八届二次会议以来,政协常委会坚持')).toBeNull();
    expect(session('政协安宁市第六届委员会常务委员会第十次会议')).toBeNull();
  });

  it('prefers the session of the delivery line', () => {
    expect(session('州政协十三届四次会议以来348件提案全部办复\n1月19日召开的州政协十三届五次会议第一次全体会议')).toBe(
      '第十三届委员会第五次会议',
    );
  });
});

describe('speaker', () => {
  const speaker = (head: string, prose = head): string | null => findSpeaker(head.split('\n'), prose);

  it('reads titled lines, spaced names and minority names', () => {
    expect(speaker('——2021年1月19日在政协安宁市第六届委员会第五次会议上\n政协安宁市第六届委员会主席 耿玉立')).toBe('耿玉立');
    expect(speaker('——2022年1月25日在山东省第十三届人民代表大会第七次会议上\n山东省人大常委会副主任 王 良')).toBe('王良');
    expect(speaker('自治区主席 艾尔肯·吐尼亚孜\n各位代表:')).toBe('艾尔肯·吐尼亚孜');
    expect(speaker('蠡县人民政府代县长都建华pbY')).toBe('都建华');
  });

  it('reads a bare name next to the date line', () => {
    expect(speaker('2021年2月5日在县政协十届五次会议上\n华寿军\n2020年工作回顾')).toBe('华寿军');
    expect(speaker('—在3月2日政协常宁市第十一届委员会第五次会议上\n段  鸣\n各位委员、同志们:')).toBe('段鸣');
  });

  it('does not take heading words for names', () => {
    expect(
      speaker('中国人民政治协商会议\n常宁市第十一届委员会常务委员会\n工 作 报 告\n—在3月2日政协常宁市第十一届委员会第五次会议上'),
    ).toBeNull();
  });

  it('finds the deliverer in news prose, not attendees or hosts', () => {
    expect(speaker('新闻', '会上,西昌市政协主席李永华作了《政协西昌市第九届委员会常务委员会工作报告》。')).toBe('李永华');
    expect(speaker('新闻', '县政协主席周明河,副主席张启付出席。周明河代表政协第十一届民权县委员会常务委员会作工作报告。')).toBe(
      '周明河',
    );
    expect(speaker('新闻', '县政协副主席李池堆参加会议。市政协主席朱民主持座谈会。')).toBeNull();
  });
});
