/** The national level (全国政协, 全国人大) as a region of its own; not a place name, so never a text mention. */
import type { RegionRef } from '../domain/report.js';

/** Conventional code of the whole country (GB/T 2260 lists provinces only; 100000 is the usual national code). */
export const NATIONAL_CODE = '100000';

/** The national-level region: name and short name 全国, level 国家, no province. */
export const NATIONAL: Readonly<RegionRef> = Object.freeze({
  name: '全国',
  short: '全国',
  level: '国家',
  tier: '国家',
  province: null,
  parent: null,
  code: NATIONAL_CODE,
});

/** A fresh copy of the national region. */
export function nationalRegion(): RegionRef {
  return { ...NATIONAL };
}
