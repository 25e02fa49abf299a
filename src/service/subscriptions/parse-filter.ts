import { AmbiguousRegionError, NotFoundError } from '../../errors.js';
import { lookupRegion, suggestRegions } from '../../gazetteer/gazetteer.js';
import { editDistance } from '../../gazetteer/suggest.js';
import { metricGroupFor } from '../query/metric-words.js';
import { resolveRegion } from '../query/region-resolver.js';
import type { ReportStore } from '../../db/report-store.js';
import { toGramQuery } from '../../db/gram-index.js';
import { candidates } from '../../db/paragraph-search.js';
import { simplifiedForm as toSimplified } from '../../script/chinese-script.js';
import type { SubjectKind } from '../../domain/subscription.js';
import type { FilterSpec } from '../../db/subscription-store.js';

/** Words that force the rest to be read as a topic (`/subscribe 话题 资杨`), the way out of a typo guess. */
const TOPIC_PREFIX = /^(话题|topic)[:：\s]\s*/i;

/**
 * Understands a subscription filter: nothing (everything), a place (region, or province), a metric or topic,
 * or a place narrowed by a metric/topic (`四川 提案`). A province token next to a region picks among homonyms
 * (`资阳市 四川`, as the disambiguation buttons send it). A lone word that is no metric, has no paragraph in
 * the corpus and is one edit away from a place name is taken for a typo: NotFoundError with /report's
 * suggestions. Homonyms without a province → AmbiguousRegionError with choices.
 */
export function parseFilter(store: ReportStore, text: string): FilterSpec {
  const t = toSimplified(text.trim()).replace(/\s+/g, ' ');
  if (!t) return { filter: '', kind: 'all', value: '', subject: null };
  const forced = TOPIC_PREFIX.exec(t);
  if (forced) {
    const topic = t.slice(forced[0].length).trim();
    if (topic) return { filter: topic, kind: 'topic', value: topic, subject: null };
  }

  const whole = lookupRegion(t.replace(/\s+/g, ''));
  if (whole.length) return placeOnly(t, whole, null);

  const tokens = t.split(' ');
  let province: string | null = null;
  let regionToken: string | null = null;
  const rest: string[] = [];
  for (const token of tokens) {
    const hits = lookupRegion(token);
    const asProvince = hits.find((h) => h.tier === '省级');
    if (asProvince && !province) province = asProvince.name;
    else if (hits.length && !regionToken) regionToken = token;
    else rest.push(token);
  }
  const subject = rest.length ? subjectOf(store, rest.join(' ')) : null;
  if (regionToken) {
    const place = placeOnly(regionToken, lookupRegion(regionToken), province);
    return withSubject(place, subject);
  }
  if (province) return withSubject({ filter: province, kind: 'province', value: province, subject: null }, subject);
  // No place at all: a metric or topic, unless it looks like a misspelt place.
  if (tokens.length === 1 && subject?.kind === 'topic') rejectLikelyTypo(store, t);
  return { filter: t, kind: subject!.kind, value: subject!.value, subject: null };
}

function placeOnly(query: string, candidates: ReturnType<typeof lookupRegion>, province: string | null): FilterSpec {
  const provinceHit = candidates.find((p) => p.tier === '省级');
  if (provinceHit) return { filter: provinceHit.name, kind: 'province', value: provinceHit.name, subject: null };
  let pool = province ? candidates.filter((p) => p.province === province) : candidates;
  if (!pool.length) pool = candidates;
  if (pool.length > 1) {
    // A full-name match wins over short-name homonyms (朝阳市 / 朝阳县), as in /report.
    const exact = pool.filter((p) => p.name === query);
    if (exact.length === 1) pool = exact;
  }
  if (pool.length > 1)
    throw new AmbiguousRegionError(
      query,
      pool.map((p) => ({ name: p.name, province: p.province, code: p.code })),
    );
  const region = pool[0]!;
  return { filter: region.name, kind: 'region', value: region.code, subject: null };
}

function withSubject(place: FilterSpec, subject: { kind: SubjectKind; value: string } | null): FilterSpec {
  if (!subject) return place;
  return { ...place, filter: `${place.filter} ${subject.value}`, subject };
}

function subjectOf(store: ReportStore, text: string): { kind: SubjectKind; value: string } {
  return metricGroupFor(text, store) ? { kind: 'metric', value: text } : { kind: 'topic', value: text };
}

/** Throws /report's NotFoundError for a word that is no topic of any report and one edit from a place name. */
function rejectLikelyTypo(store: ReportStore, word: string): void {
  if ([...word].length < 2) return;
  const near = suggestRegions(word, 3).some((r) => Math.min(editDistance(word, r.name), editDistance(word, r.short)) <= 1);
  if (!near || hasParagraph(store, word)) return;
  try {
    resolveRegion(store, word, { storedOnly: true });
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
  }
}

function hasParagraph(store: ReportStore, word: string): boolean {
  // Every paragraph belongs to a report: one confirmed match anywhere, not the whole corpus's ids in chunks.
  const query = toGramQuery(word.split(/\s+/).filter(Boolean));
  return !!query && candidates(store, query, 1).length > 0;
}
