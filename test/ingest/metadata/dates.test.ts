import { describe, expect, it } from 'vitest';
import {
  deliveredOn,
  garbledDate,
  isoDate,
  monthDayDelivery,
  pageDatesIn,
  statedDeliveryDate,
} from '../../../src/ingest/metadata/dates.js';

describe('delivery dates', () => {
  it('reads a stated delivery line', () => {
    expect(statedDeliveryDate('工作报告\n——2021年1月19日在政协安宁市第六届委员会第五次会议上')).toBe('2021-01-19');
    expect(statedDeliveryDate('(2020年1月10日政协广水市第八届委员会第四次会议通过)')).toBe('2020-01-10');
    expect(statedDeliveryDate('常务委员会工作报告\n(2007年12月11日)\n各位委员:')).toBe('2007-12-11');
  });

  it('reads dates in Chinese numerals', () => {
    expect(statedDeliveryDate('——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上')).toBe('2026-01-27');
  });

  it('ignores publication dates that precede a meeting name', () => {
    expect(
      statedDeliveryDate('中国人民政治协商会议九江市委员会发布日期:2018年01月17日打印本页\n中国人民政治协商会议'),
    ).toBeNull();
  });

  it('reads garbled digit runs only when one reading is valid', () => {
    expect(garbledDate('201816日在政协第十五届九江市委员会第三次会议上)')).toBe('2018-01-06');
    expect(garbledDate('2012110日)')).toBe('2012-01-10');
    expect(garbledDate('2018112日在')).toBeNull();
  });

  it('finds a month-day delivery and dates it from the page', () => {
    const head = '—在3月2日政协常宁市第十一届委员会第五次会议上\n段  鸣';
    expect(monthDayDelivery(head)).toEqual({ month: 3, day: 2 });
    expect(deliveredOn(head, head, ['2025-03-05'], false)).toBe('2025-03-02');
  });

  it('takes the year back when the page date is in January and the delivery in December', () => {
    const head = '12月28日在县政协第十届委员会第三次会议上';
    expect(deliveredOn(head, head, ['2021-01-04'], false)).toBe('2020-12-28');
  });

  it('falls back to the page date, except on upload sites and press briefings', () => {
    expect(deliveredOn('钟祥市政协常委会工作报告(摘要)', '正文', ['2020-12-30'], false)).toBe('2020-12-30');
    expect(deliveredOn('人大常委会全年工作汇报', '正文', ['2022-03-12'], true)).toBeNull();
    expect(deliveredOn('标题', '1月8日,省政协十三届一次会议大会筹备处召开新闻发布会。', ['2023-01-09'], false)).toBeNull();
  });

  it('collects page dates from furniture lines but not from delivery lines', () => {
    expect(
      pageDatesIn([
        '发布时间: 2023-01-01 【字体:',
        '2020/12/30',
        '日期:2022年01月24日 作者:',
        '2021年2月5日在县政协十届五次会议上',
      ]),
    ).toEqual(['2023-01-01', '2020-12-30', '2022-01-24']);
  });

  it('rejects impossible dates', () => {
    expect(isoDate(2021, 2, 30)).toBeNull();
    expect(isoDate(2021, 13, 1)).toBeNull();
  });
});
