import type { ReportBody } from '../../domain/report.js';
import { NotFoundError } from '../../errors.js';
import { provinceOf, resolveRegion, shortProvince, type ResolvedRegion } from '../query/region-resolver.js';
import type { ReportRef, ReportStore } from '../../db/report-store.js';
import { TIER_ORDER, tierOf } from '../../domain/compare-tier.js';
import { provinceRefs } from '../../db/report-scope.js';

/** A province the user named whose own reports are missing, with the reports of the regions under it. */
export interface ProvinceRegions {
  kind: 'province';
  /** Full name (四川省). */
  province: string;
  /** 四川, for command lines. */
  short: string;
  /** Its regions' reports: by tier (地级 before 县级), then region, then latest year first. */
  reports: ReportRef[];
}

/** Where a command should look: one region with reports, or a province answered through its regions. */
export type Place = ({ kind: 'region' } & ResolvedRegion) | ProvinceRegions;

/**
 * Resolves a place for `/report` and `/trend`. A province that has no report of its own (or, with `body`, none
 * of that body: 提案 are 政协's) is answered with the reports of its regions instead of “暂无四川省的报告”.
 */
export function resolvePlace(
  store: ReportStore,
  text: string,
  opts: { provinceHint?: string | null; body?: ReportBody } = {},
): Place {
  let resolved: ResolvedRegion;
  try {
    resolved = resolveRegion(store, text, { storedOnly: true, provinceHint: opts.provinceHint });
  } catch (err) {
    const regions = err instanceof NotFoundError ? provinceRegions(store, text, opts.body) : null;
    if (regions) return regions;
    throw err;
  }
  if (resolved.region.tier === '省级' && opts.body) {
    const own = store.refsByRegion(resolved.region.code).some((r) => r.body === opts.body);
    const regions = own ? null : provinceRegions(store, text, opts.body);
    if (regions) return regions;
  }
  return { kind: 'region', ...resolved };
}

/** The reports of a province's regions (of `body`, when given), or null when `text` is no such province. */
function provinceRegions(store: ReportStore, text: string, body?: ReportBody): ProvinceRegions | null {
  const province = provinceOf(text);
  if (!province) return null;
  // The province's reports only (an indexed range in listing order), not every report's listing row.
  const reports = provinceRefs(store.db, province)
    .filter((r) => r.regionName !== province && (!body || r.body === body))
    .sort(
      (a, b) =>
        TIER_ORDER.indexOf(tierOf(a)) - TIER_ORDER.indexOf(tierOf(b)) ||
        (a.regionName ?? '').localeCompare(b.regionName ?? '', 'zh') ||
        (b.year ?? 0) - (a.year ?? 0),
    );
  return reports.length ? { kind: 'province', province, short: shortProvince(province), reports } : null;
}
