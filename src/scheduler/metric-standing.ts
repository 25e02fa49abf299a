import type { DigestReads, MetricRow, ReportRow } from '../service/ports.js';
import { formatNumber, formatValue, median, regionLabel } from '../service/reply/format.js';

/**
 * How each new report's figure for a metric compares with the whole corpus: its rank among every report
 * that has the figure, and the median of the other reports. Uses the first of `keys` a report has (the
 * metric group's columns are ordered by importance). Reports without any of the keys are left out.
 */
export function metricStanding(store: DigestReads, keys: string[], fresh: ReportRow[]): string[] {
  const byKey = new Map<string, MetricRow[]>();
  for (const f of store.headlinesForKeys(keys)) {
    const list = byKey.get(f.key) ?? [];
    list.push(f);
    byKey.set(f.key, list);
  }
  const freshIds = new Set(fresh.map((r) => r.id));
  const lines: string[] = [];
  for (const r of fresh) {
    const key = keys.find((k) => byKey.get(k)?.some((f) => f.reportId === r.id));
    if (!key) continue;
    const all = byKey.get(key)!;
    const own = all.find((f) => f.reportId === r.id)!;
    const rank = 1 + all.filter((f) => f.normalized > own.normalized).length;
    const others = all.filter((f) => !freshIds.has(f.reportId));
    // Compared with the older reports when there are any, else among the new ones.
    const pool = others.length ? others : all;
    const med = median(pool.map((f) => f.normalized))!;
    // Medians are taken on normalized values and shown in this report's unit.
    const scale = own.normalized !== 0 ? own.value / own.normalized : 1;
    const rest = `${others.length ? '其余' : '全部'} ${pool.length} 份报告的中位数为 ${formatNumber(med * scale)}${own.unit}`;
    lines.push(
      `${regionLabel(r)} ${r.year ?? ''}:${own.label} ${formatValue(own)},在 ${all.length} 份报告中排第 ${rank} 位;${rest}。`,
    );
  }
  return lines;
}
