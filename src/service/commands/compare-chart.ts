import { yearLabel } from '../reply/format.js';
import type { ChartData } from '../reply/reply-model.js';
import type { Built, NamedMetric } from './compare-build.js';
import { chartValue, isCountedIn } from './compare-rows.js';
import type { CompareView, Entry } from './compare-view.js';

/** Bars for the counted rows of the page, grouped by tier; the rest listed under the chart with the reason. */
export function chartOf(
  title: string,
  m: NamedMetric,
  cmp: CompareView,
  shown: Entry[],
  includeDoubtful: boolean,
  built: Built,
): ChartData {
  const label = m.group.columns[m.column]!.label;
  const points: ChartData['points'] = [];
  const notDrawn: string[] = [];
  for (const { row, tier } of shown) {
    const c = row.cells[cmp.column];
    const name = `${row.report.regionName ?? '地区不详'} ${yearLabel(row.report)}`;
    if (tier === null) continue;
    if (c && isCountedIn(cmp, row, includeDoubtful)) {
      points.push({
        label: name,
        value: chartValue(cmp, c),
        group: tier,
        display: c.fact.unit === cmp.unit ? c.text : undefined,
      });
      continue;
    }
    const why = !c ? '无数据' : c.doubts.length && !includeDoubtful ? '存疑' : `单位为${c.fact.unit}`;
    notDrawn.push(`${name}(${why})`);
  }
  const nonAnnual = shown.filter((e) => e.tier === null).length;
  if (nonAnnual) notDrawn.push(`${nonAnnual} 份非年度数字`);
  const bodies = [...new Set(shown.map((e) => e.row.report.body ?? '机构不详'))];
  return {
    kind: 'bar',
    title: `${title}(${label}${cmp.unit ? `,${cmp.unit}` : ''})`,
    unit: cmp.unit,
    points,
    notDrawn,
    source: `来源:各地${bodies.join('、')}报告${built.body ? '' : ''}`,
  };
}
