import type { MetricRow } from '../../db/report-store.js';
import { formatValue } from '../reply/format.js';
import { cellOf, cellText, crossCheck } from './compare-rows.js';
import type { MetricKey } from '../../ingest/metrics/keys.js';

/**
 * Metric families in the order users compare them most (提案, then 协商, 调研, 社情民意, 视察, 批示 …); a 人大 or
 * 政府 report's own families follow. Families not listed come last, alphabetically.
 */
const FAMILY_ORDER = [
  'proposals',
  'consultations',
  'research',
  'social_info',
  'inspections',
  'instructions',
  'suggestions',
  'oversight',
  'inquiries',
  'legislation',
  'npc_suggestions',
  'cppcc_proposals',
  'economy',
  'fiscal',
  'income',
  'investment',
  'consumption',
  'trade',
  'industry',
  'employment',
  'enterprise',
  'projects',
];

/** Keys that lead their family (the totals people quote); the family's other keys follow alphabetically. */
const LEADING_KEYS: readonly string[] = [
  'proposals.received',
  'proposals.filed',
  'proposals.answered',
  'proposals.answer_rate',
  'proposals.filing_rate',
  'proposals.key',
  'proposals.adopted',
  'consultations.events',
  'consultations.special',
  'consultations.grassroots_events',
  'consultations.plan_items',
  'research.reports',
  'inspections.events',
  'economy.gdp',
  'economy.gdp_growth',
] satisfies readonly MetricKey[];

/** Headline facts in digest order, `other` left out. */
export function orderHeadlines(rows: MetricRow[]): MetricRow[] {
  const rank = (k: string) => {
    const family = FAMILY_ORDER.indexOf(k.split('.')[0]!);
    const lead = LEADING_KEYS.indexOf(k);
    return [family < 0 ? FAMILY_ORDER.length : family, lead < 0 ? LEADING_KEYS.length : lead] as const;
  };
  return rows
    .filter((f) => f.key !== 'other')
    .sort((a, b) => {
      const [fa, la] = rank(a.key);
      const [fb, lb] = rank(b.key);
      return fa - fb || la - lb || a.key.localeCompare(b.key);
    });
}

/**
 * Each figure as a digest shows it: as stated (9次 stays 9次), then its period when not a year, 推算 when
 * derived, and 存疑 with the reason when it failed a check — the same marks a comparison row carries.
 */
export function figureTexts(rows: MetricRow[]): string[] {
  const keys = rows.map((f) => f.key);
  const cells = rows.map(cellOf);
  crossCheck(keys, cells);
  // Another body's figure (省政协 in a city report) is no cell of this report: say whose it is.
  return rows.map((f, i) => cellText(cells[i] ?? null) ?? `${formatValue(f)}(其他机构)`);
}
