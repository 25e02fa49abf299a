import type { DigestReads, ReportRow } from '../service/ports.js';
import { formatNumber, formatValue, median, regionLabel } from '../service/reply/format.js';

/**
 * How each new report's figure for a metric compares with the whole corpus: its rank among every report
 * that has the figure, and the median of the other reports. Uses the first of `keys` a report has (the
 * metric group's columns are ordered by importance). Reports without any of the keys are left out. Counts and
 * medians are indexed reads of the headline-facts read model, not a scan of every figure.
 */
export function metricStanding(store: DigestReads, keys: string[], fresh: ReportRow[]): string[] {
  const freshIds = fresh.map((r) => r.id);
  const lines: string[] = [];
  for (const r of fresh) {
    const own = store.metricFact(r.id, keys);
    if (!own) continue;
    const { total, above } = store.metricRank(own.key, own.normalized);
    // Compared with the older reports when there are any, else among the new ones.
    const others = store.metricMedian(own.key, freshIds);
    const pool = others ?? store.metricMedian(own.key, []) ?? { median: median([own.normalized])!, count: 1 };
    // Medians are taken on normalized values and shown in this report's unit.
    const scale = own.normalized !== 0 ? own.value / own.normalized : 1;
    const rest = `${others ? '其余' : '全部'} ${pool.count} 份报告的中位数为 ${formatNumber(pool.median * scale)}${own.unit}`;
    lines.push(
      `${regionLabel(r)} ${r.year ?? ''}:${own.label} ${formatValue(own)},在 ${total} 份报告中排第 ${1 + above} 位;${rest}。`,
    );
  }
  return lines;
}
