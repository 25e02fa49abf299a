import type { MetricRow } from '../../db/report-store.js';
import { formatValue } from '../reply/format.js';
import { cellOf, cellText, crossCheck } from './compare-rows.js';
import { FAMILY_ORDER } from '../../ingest/metrics/registry/family-order.js';
import { KEY_BY_NAME } from '../../ingest/metrics/registry/keys.js';

/** Headline facts in digest order (the registry's family order, then its leading keys, then by key), `other` left out. */
export function orderHeadlines(rows: MetricRow[]): MetricRow[] {
  const rank = (k: string) => {
    const family = (FAMILY_ORDER as readonly string[]).indexOf(k.split('.')[0]!);
    return [family < 0 ? FAMILY_ORDER.length : family, KEY_BY_NAME.get(k)?.display ?? Number.MAX_SAFE_INTEGER] as const;
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
