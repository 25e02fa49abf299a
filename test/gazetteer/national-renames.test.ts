import { describe, expect, it } from 'vitest';
import { lookupFull, lookupRegion, regionByCode } from '../../src/gazetteer/gazetteer.js';
import { NATIONAL_CODE } from '../../src/gazetteer/national.js';
import { changesFrom, regionAsOf } from '../../src/gazetteer/renames.js';
import { shortName } from '../../src/gazetteer/short-name.js';

describe('national level', () => {
  it('is found by name and code, with no province', () => {
    expect(lookupRegion('全国')).toEqual([
      { name: '全国', short: '全国', level: '国家', tier: '国家', province: null, parent: null, code: NATIONAL_CODE },
    ]);
    expect(regionByCode(NATIONAL_CODE)?.name).toBe('全国');
  });
});

describe('banners and leagues', () => {
  it('uses the customary short form of 左翼/右翼 banners', () => {
    expect(shortName('科尔沁右翼前旗')).toBe('科右前旗');
    expect(shortName('察哈尔右翼后旗')).toBe('察右后旗');
    expect(shortName('达尔罕茂明安联合旗')).toBe('达茂旗');
    expect(lookupRegion('科左中旗')[0]).toMatchObject({ name: '科尔沁左翼中旗', level: '旗', parent: '通辽市' });
    expect(lookupFull('兴安盟')[0]).toMatchObject({ level: '盟', tier: '地级' });
  });
});

describe('renames and merges', () => {
  const xiangyang = lookupFull('襄阳市')[0]!;
  it('names a region as it was in the year reviewed', () => {
    expect(regionAsOf(xiangyang, 2009)).toMatchObject({ name: '襄樊市', short: '襄樊', code: '420600' });
    expect(regionAsOf(xiangyang, 2010)).toMatchObject({ name: '襄阳市' });
    expect(regionAsOf(xiangyang, null)).toBe(xiangyang);
  });

  it('turns an upgraded district back into its county-level city, and a merged one only when named', () => {
    const fuyang = lookupFull('富阳区')[0]!;
    expect(regionAsOf(fuyang, 2013)).toMatchObject({ name: '富阳市', level: '市', tier: '县级', parent: '杭州市' });
    const laiwu = lookupFull('莱芜区')[0]!;
    expect(regionAsOf(laiwu, 2017, '莱芜区政协工作报告')).toBe(laiwu);
    expect(regionAsOf(laiwu, 2017, '莱芜市政协工作报告')).toMatchObject({ name: '莱芜市', tier: '地级', parent: null });
    expect(changesFrom('襄樊').map((c) => c.to)).toEqual(['襄阳市']);
  });
});
