import { regionByCode } from '../gazetteer/gazetteer.js';

/** The tiers a comparison groups by: a province is never ranked on one scale with a county. */
export type CompareTier = '全国' | '省级' | '地级' | '县级' | '级别不详';

/** Display order of the tier groups. */
export const TIER_ORDER: readonly CompareTier[] = ['全国', '省级', '地级', '县级', '级别不详'];

/** Tier of a report's region: from its admin code (level words like 市 do not say 地级 vs 县级). */
export function tierOf(r: { regionCode: string | null; regionLevel: string | null; regionName: string | null }): CompareTier {
  if (r.regionLevel === '国家' || r.regionName === '全国') return '全国';
  const ref = r.regionCode ? regionByCode(r.regionCode) : null;
  if (!ref) return '级别不详';
  return ref.tier === '国家' ? '全国' : ref.tier;
}
