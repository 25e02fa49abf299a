import { describe, expect, it } from 'vitest';
import {
  allRegions,
  lookupFull,
  lookupRegion,
  lookupShort,
  regionByCode,
  suggestRegions,
} from '../../src/gazetteer/gazetteer.js';
import { levelOf, shortName } from '../../src/gazetteer/short-name.js';
import { editDistance } from '../../src/gazetteer/suggest.js';

describe('short names', () => {
  it.each([
    ['广西壮族自治区', '广西'],
    ['内蒙古自治区', '内蒙古'],
    ['新疆维吾尔自治区', '新疆'],
    ['迪庆藏族自治州', '迪庆'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['巴音郭楞蒙古自治州', '巴音郭楞'],
    ['资阳市', '资阳'],
    ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['乌拉特中旗', '乌拉特中'],
    ['蠡县', '蠡县'],
    ['浦东新区', '浦东'],
  ])('%s → %s', (full, short) => expect(shortName(full)).toBe(short));

  it('levels come from the suffix', () => {
    expect(levelOf('迪庆藏族自治州')).toBe('州');
    expect(levelOf('大厂回族自治县')).toBe('自治县');
    expect(levelOf('开化县')).toBe('县');
  });
});

describe('gazetteer lookups', () => {
  it('holds about 3,200 province/prefecture/county units with unique codes', () => {
    const all = allRegions();
    expect(all.length).toBeGreaterThan(3000);
    expect(new Set(all.map((r) => r.code)).size).toBe(all.length);
  });

  it('resolves a county-level city with its prefecture and province', () => {
    expect(lookupFull('钟祥市')).toEqual([
      { name: '钟祥市', short: '钟祥', level: '市', tier: '县级', province: '湖北省', parent: '荆门市', code: '420881' },
    ]);
  });

  it('gives 直辖市 level and province-level tier to the four municipalities', () => {
    const tj = lookupRegion('天津')[0];
    expect(tj).toMatchObject({ name: '天津市', level: '直辖市', tier: '省级', province: '天津市', parent: null });
  });

  it('hangs districts of a 直辖市 on the city and 省直辖 cities on nothing', () => {
    expect(lookupFull('南开区')[0]).toMatchObject({ tier: '县级', province: '天津市', parent: null });
    expect(lookupFull('仙桃市')[0]).toMatchObject({ tier: '县级', province: '湖北省', parent: null });
  });

  it('prefectures have no parent', () => {
    expect(lookupFull('迪庆藏族自治州')[0]).toMatchObject({ level: '州', tier: '地级', parent: null, province: '云南省' });
  });

  it('returns all homonyms', () => {
    expect(
      lookupShort('安宁')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['530181', '620105']);
    expect(
      lookupFull('江北区')
        .map((r) => r.province)
        .sort(),
    ).toEqual(['浙江省', '重庆市']);
    expect(
      lookupFull('朝阳区')
        .map((r) => `${r.province}/${r.parent}`)
        .sort(),
    ).toEqual(['北京市/null', '吉林省/长春市']);
  });

  it('accepts Traditional input', () => {
    expect(lookupRegion('黑龍江省')[0]?.name).toBe('黑龙江省');
    expect(lookupRegion('鶴崗').map((r) => r.name)).toEqual(['鹤岗市']);
    expect(lookupRegion('  資陽市 ').map((r) => r.code)).toEqual(['512000']);
  });

  it('finds by code and returns nothing for unknown names', () => {
    expect(regionByCode('512000')?.name).toBe('资阳市');
    expect(regionByCode('999999')).toBeNull();
    expect(lookupRegion('火星市')).toEqual([]);
  });
});

describe('suggestions', () => {
  it('proposes 资阳市 for a typo', () => {
    expect(suggestRegions('资杨', 3)[0]?.name).toBe('资阳市');
  });

  it('respects n and returns nothing for empty queries', () => {
    expect(suggestRegions('安宁', 2)).toHaveLength(2);
    expect(suggestRegions('', 3)).toEqual([]);
  });

  it('edit distance counts insertions, deletions and substitutions', () => {
    expect(editDistance('资杨', '资阳')).toBe(1);
    expect(editDistance('资阳', '资阳市')).toBe(1);
    expect(editDistance('', 'ab')).toBe(2);
  });
});
