import { BadInputError, NotFoundError } from '../../errors.js';
import { metricGroupFor, type MetricGroup } from '../query/metric-words.js';
import type { ReportRef, ReportStore } from '../../db/report-store.js';
import { regionLabel } from '../reply/format.js';
import type { Block, ChartData, Reply, ReplyAction } from '../reply/reply-model.js';
import { cellOf, cellText, crossCheck, periodLabel, type CompareCell } from './compare-rows.js';
import { resolvePlace } from './province-regions.js';
import { provinceTrend } from './trend-province.js';

/** `/trend <region> <metric>`: one region's figure over the years it has reports for; a province without reports of its own ranks its regions per year. */
export function trendCommand(store: ReportStore, args: string[]): Reply {
  if (args.length < 2) throw new BadInputError('请给出地区和指标,例如 /trend 资阳 提案。');
  // The metric is the last word that names one; everything before it is the region.
  let split = args.length - 1;
  while (split > 0 && !metricGroupFor(args.slice(split).join(''), store)) split--;
  if (split === 0)
    throw new BadInputError(`“${args.slice(1).join(' ')}”不是可追踪的指标。试试:提案、协商、调研报告、社情民意、批示。`);
  const word = args.slice(split).join('');
  const group = metricGroupFor(word, store)!;
  const place = resolvePlace(store, args.slice(0, split).join(''), { body: group.body });
  if (place.kind === 'province') return provinceTrend(store, place, group, word);
  const { region } = place;
  const dated = store.refsByRegion(region.code).filter((r) => r.year !== null);
  // 提案 are 政协's: a region's 人大 report in the same year is another body's figure, not a point of this line.
  const ofBody = group.body ? dated.filter((r) => r.body === group.body) : dated;
  const reports = (ofBody.length ? ofBody : dated).sort((a, b) => a.year! - b.year!);
  if (!reports.length) throw new NotFoundError(`${region.name}的报告都没有可识别的年份。`);
  return regionTrend(store, reports, group);
}

/** A report's cells for a group's columns, cross-checked (received < filed → 存疑 on both). */
function trendCells(store: ReportStore, reports: ReportRef[], group: MetricGroup): Map<number, (CompareCell | null)[]> {
  const keys = group.columns.map((c) => c.key);
  // Only these reports: scanning every report's headlines costs 100s of ms at 10,000 reports.
  const facts = store.headlinesForReports(
    reports.map((r) => r.id),
    keys,
  );
  const out = new Map<number, (CompareCell | null)[]>();
  for (const r of reports) {
    const cells = keys.map((k) => {
      const f = facts.find((x) => x.reportId === r.id && x.key === k);
      return f ? cellOf(f) : null;
    });
    crossCheck(keys, cells);
    out.set(r.id, cells);
  }
  return out;
}

function regionTrend(store: ReportStore, reports: ReportRef[], group: MetricGroup): Reply {
  const cells = trendCells(store, reports, group);
  const label = regionLabel(reports[0]!);
  const title = `${label}${group.title}趋势`;
  const first = group.columns[0]!.label;
  const primary = reports.map((r) => ({ report: r, cell: cells.get(r.id)![0] ?? null }));
  // A point is drawn only for an annual, trusted figure in the unit most years state.
  const annual = primary.filter((p) => p.cell && p.cell.period === 'year' && !p.cell.doubts.length);
  const unit = mostCommon(annual.map((p) => p.cell!.fact.unit));
  const drawn = annual.filter((p) => p.cell!.fact.unit === unit);
  const years = new Set(reports.map((r) => r.year));
  const drawnYears = new Set(drawn.map((p) => p.report.year));

  const notes: string[] = [];
  if (primary.every((p) => !cells.get(p.report.id)!.some(Boolean)))
    notes.push(`${years.size} 个年份的报告都没有“${group.title}”数字。`);
  else if (years.size === 1) notes.push(`目前只有 ${reports[0]!.year} 年的报告,还谈不上趋势,数字如下。`);
  else if (drawnYears.size < 2)
    notes.push(
      `${years.size} 个年份有报告,${drawnYears.size ? `只有 ${[...drawnYears].join('、')} 年` : '没有一年'}有可用的年度“${first}”数,画不出趋势,数字如下。`,
    );
  else {
    const a = drawn[0]!;
    const b = drawn[drawn.length - 1]!;
    notes.push(
      `${years.size} 个年份有报告,其中 ${drawnYears.size} 个有年度“${first}”数:${a.report.year} 年 ${a.cell!.text} → ${b.report.year} 年 ${b.cell!.text}。`,
    );
  }
  const left = primary.filter((p) => p.cell && !drawn.includes(p));
  if (left.length) notes.push(`未画入图表:${left.map((p) => `${p.report.year} 年(${whyNotDrawn(p.cell!)})`).join('、')}。`);

  const blocks: Block[] = [
    {
      type: 'table',
      columns: ['年度', ...group.columns.map((c) => c.label)],
      rows: reports.map((r) => [String(r.year), ...cells.get(r.id)!.map(cellText)]),
    },
  ];
  const actions: ReplyAction[] = reports.slice(-3).map((r) => ({ label: `${r.year}年报告`, command: `/report #${r.id}` }));
  const chart: ChartData | undefined =
    drawnYears.size < 2
      ? undefined
      : {
          kind: 'line',
          title: `${title}(${first}${unit ? `,${unit}` : ''})`,
          unit,
          points: reports.map((r) => {
            const p = drawn.find((d) => d.report.id === r.id);
            return { label: String(r.year), value: p ? p.cell!.fact.value : null };
          }),
          source: `来源:${label}${[...new Set(reports.map((r) => r.body ?? '机构不详'))].join('、')}报告`,
        };
  return {
    kind: 'trend',
    title,
    sections: [
      {
        blocks: [{ type: 'heading', text: title }, ...notes.map((text): Block => ({ type: 'paragraph', text }))],
      },
      { blocks },
    ],
    actions,
    chart,
    script: 'simplified',
  };
}

/** Why a figure is listed but not drawn. */
function whyNotDrawn(c: CompareCell): string {
  if (c.period !== 'year') return periodLabel(c.period)!;
  if (c.doubts.length) return `存疑:${c.doubts.join('、')}`;
  return `单位为${c.fact.unit}`;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
