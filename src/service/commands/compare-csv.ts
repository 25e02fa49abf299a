import type { NamedMetric } from './compare-build.js';
import { periodLabel, type Comparison } from './compare-rows.js';

/** The whole comparison as CSV rows (an export: every row, not a page). */
export function csvOf(m: NamedMetric, cmp: Comparison) {
  const rows = [...cmp.groups.flatMap((g) => g.rows), ...cmp.nonAnnual];
  return {
    fileName: `compare-${m.group.columns[m.column]!.key}.csv`,
    columns: [
      '地区',
      '省份',
      '级别',
      '机构',
      '年度',
      ...m.group.columns.flatMap((c) => [c.label, `${c.label}单位`, `${c.label}备注`]),
    ],
    rows: rows.map((r) => [
      r.report.regionName,
      r.report.province,
      r.tier,
      r.report.body,
      r.report.year,
      ...r.cells.flatMap((c) => {
        if (!c) return [null, null, null];
        const notes = [periodLabel(c.period), c.derived ? '推算' : null, c.doubts.length ? `存疑:${c.doubts.join('、')}` : null];
        return [c.fact.value, c.fact.unit, notes.filter(Boolean).join(';') || null];
      }),
    ]),
  };
}
