import { BadInputError, NotFoundError } from '../../errors.js';
import { metricGroupFor } from '../query/metric-words.js';
import { resolveRegion } from '../query/region-resolver.js';
import type { ReportStore } from '../query/report-store.js';
import { formatValue, regionLabel } from '../reply/format.js';
import type { Reply } from '../reply/reply-model.js';

/** `/trend <region> <metric>`: one region's figure over the years it has reports for. */
export function trendCommand(store: ReportStore, args: string[]): Reply {
  if (args.length < 2) throw new BadInputError('请给出地区和指标,例如 /trend 资阳 提案。');
  // The metric is the last word that names one; everything before it is the region.
  let split = args.length - 1;
  while (split > 0 && !metricGroupFor(args.slice(split).join(''), store)) split--;
  if (split === 0)
    throw new BadInputError(`“${args.slice(1).join(' ')}”不是可追踪的指标。试试:提案、协商、调研报告、社情民意、批示。`);
  const group = metricGroupFor(args.slice(split).join(''), store)!;
  const { region } = resolveRegion(store, args.slice(0, split).join(''), { storedOnly: true });
  const reports = store
    .reportsByRegion(region.code)
    .filter((r) => r.year !== null)
    .sort((a, b) => a.year! - b.year!);
  if (!reports.length) throw new NotFoundError(`${region.name}的报告都没有可识别的年份。`);
  const keys = group.columns.map((c) => c.key);
  const ids = new Set(reports.map((r) => r.id));
  // Only this region's reports: scanning every report's headlines costs 100s of ms at 10,000 reports.
  const facts = store.headlinesForReports([...ids], keys);
  const cell = (reportId: number, key: string) => facts.find((f) => f.reportId === reportId && f.key === key) ?? null;
  const label = regionLabel(reports[0]!);
  const title = `${label}${group.title}趋势`;
  const primary = keys[0]!;
  const points = reports.map((r) => ({ label: String(r.year), value: cell(r.id, primary)?.value ?? null }));
  const known = points.filter((p) => p.value !== null);
  const note =
    reports.length === 1
      ? `目前只有 ${reports[0]!.year} 年一份报告,趋势只有一个点。`
      : `${reports.length} 个年份,其中 ${known.length} 个有“${group.columns[0]!.label}”数字。`;
  return {
    kind: 'trend',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          { type: 'paragraph', text: note },
        ],
      },
      {
        blocks: [
          {
            type: 'table',
            columns: ['年度', ...group.columns.map((c) => c.label)],
            rows: reports.map((r) => [
              String(r.year),
              ...keys.map((k) => {
                const f = cell(r.id, k);
                return f ? formatValue(f) : null;
              }),
            ]),
          },
        ],
      },
    ],
    actions: reports.slice(-3).map((r) => ({ label: `${r.year}年报告`, command: `/report #${r.id}` })),
    chart: {
      kind: 'line',
      title,
      unit: facts.find((f) => f.key === primary)?.unit ?? '',
      points,
      source: '来源:各地政协工作报告',
    },
    script: 'simplified',
  };
}
