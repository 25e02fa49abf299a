import type { RegionRef } from '../../domain/report.js';
import { AmbiguousRegionError, NotFoundError } from '../../errors.js';
import { lookupRegion, suggestRegions } from '../../gazetteer/gazetteer.js';
import { simplifiedForm } from '../../script/chinese-script.js';
import { editDistance } from '../../gazetteer/suggest.js';
import type { ReportStore } from '../../db/report-store.js';

/** A region the user meant, with homonyms that have no reports (worth a note). */
export interface ResolvedRegion {
  region: RegionRef;
  otherHomonyms: RegionRef[];
}

/** True when a token names a province (四川, 四川省, 广西, 內蒙古). */
export function provinceOf(token: string): string | null {
  const hits = lookupRegion(simplifiedForm(token)).filter((r) => r.tier === '省级');
  return hits[0]?.name ?? null;
}

/**
 * Resolves what a user typed to one region. With `storedOnly`, only regions that have reports count:
 * unknown → NotFoundError with suggestions; several stored homonyms → AmbiguousRegionError with choices.
 * `provinceHint` (e.g. 云南) narrows homonyms.
 */
export function resolveRegion(
  store: ReportStore,
  query: string,
  opts: { storedOnly: boolean; provinceHint?: string | null },
): ResolvedRegion {
  const q = simplifiedForm(query.trim());
  const stored = store.storedRegionsByCode();
  let candidates = lookupRegion(q);
  if (opts.provinceHint) candidates = candidates.filter((r) => r.province === opts.provinceHint);
  const withReports = candidates.filter((r) => stored.has(r.code));
  const pool = opts.storedOnly ? withReports : candidates;

  if (pool.length === 1) {
    return { region: pool[0]!, otherHomonyms: candidates.filter((r) => r.code !== pool[0]!.code) };
  }
  if (pool.length > 1) {
    // A prefecture and a county sharing a short name (朝阳市 / 朝阳县): a full-name match wins outright.
    const exact = pool.filter((r) => r.name === q);
    if (exact.length === 1) return { region: exact[0]!, otherHomonyms: pool.filter((r) => r !== exact[0]) };
    throw new AmbiguousRegionError(
      query,
      pool.map((r) => ({ name: r.name, province: r.province, code: r.code })),
    );
  }
  if (candidates.length > 0) {
    const names = candidates.map((r) => withProvince(r.name, r.province)).join('、');
    throw new NotFoundError(`暂无${names}的报告。`, nearStored(q, [...stored.values()]));
  }
  const suggestions = opts.storedOnly
    ? nearStored(q, [...stored.values()])
    : suggestRegions(q, 3).map((r) => withProvince(r.name, r.province));
  throw new NotFoundError(
    `未找到“${query}”。`,
    suggestions.length ? suggestions : suggestRegions(q, 3).map((r) => withProvince(r.name, r.province)),
  );
}

/** Province name without its suffix, for compact labels (四川省 → 四川); empty for the national level. */
export function shortProvince(province: string | null): string {
  return (province ?? '').replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
}

/** `资阳市(四川)`; a region without a province (全国) is shown bare. */
export function withProvince(name: string, province: string | null): string {
  return province ? `${name}(${shortProvince(province)})` : name;
}

function nearStored(q: string, stored: { name: string; short: string; province: string | null }[]): string[] {
  const chars = new Set(q);
  return stored
    .map((r) => ({
      r,
      score: Math.min(editDistance(q, r.name), editDistance(q, r.short)) - [...r.short].filter((c) => chars.has(c)).length * 0.5,
      shared: [...r.short].some((c) => chars.has(c)),
    }))
    .filter((x) => x.shared)
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map((x) => withProvince(x.r.name, x.r.province));
}
