import { NotFoundError } from '../../errors.js';
import type { MetricGroup } from '../query/metric-words.js';
import type { ReportStore } from '../../db/report-store.js';
import type { Block, Reply, ReplyAction } from '../reply/reply-model.js';
import { buildComparison, cellText, isCountedIn } from './compare-rows.js';
import type { ProvinceRegions } from './province-regions.js';

/** Regions offered a `/trend` button of their own. */
const REGION_BUTTONS = 5;

/**
 * `/trend 四川 提案` when 四川省 has no report of its own: per year, its regions ranked within their tier.
 * Ranked, never summed: each body's count is its own, and adding a city's and its counties' counts is no
 * provincial figure.
 */
export function provinceTrend(store: ReportStore, p: ProvinceRegions, group: MetricGroup, word: string): Reply {
  const dated = p.reports.filter((r) => r.year !== null);
  if (!dated.length)
    throw new NotFoundError(
      `${p.province}本身没有报告,其下地区的报告都没有可识别的年份。`,
      p.reports.slice(0, 5).map((r) => `/report #${r.id}`),
    );
  const keys = group.columns.map((c) => c.key);
  const first = group.columns[0]!.label;
  const facts = store.headlinesForReports(
    dated.map((r) => r.id),
    keys,
  );
  const years = [...new Set(dated.map((r) => r.year!))].sort((a, b) => a - b);
  const body = group.body ?? '';
  const title = `${p.province}${group.title}趋势(按地区)`;
  const blocks: Block[] = [];
  const withFigure = new Set<string>();
  for (const year of years) {
    const ofYear = dated.filter((r) => r.year === year);
    const cmp = buildComparison(ofYear, facts, keys, 0, { includeDoubtful: false });
    const shown = new Set([...cmp.groups.flatMap((g) => g.rows), ...cmp.nonAnnual].map((r) => r.report.id));
    const silent = ofYear.filter((r) => !shown.has(r.id));
    blocks.push({
      type: 'paragraph',
      text: `【${year}年】${ofYear.length} 份报告${silent.length ? `,${silent.map((r) => r.regionName ?? '地区不详').join('、')}没有“${group.title}”数字` : ''}。`,
    });
    for (const g of cmp.groups) {
      let rank = 0;
      blocks.push({
        type: 'table',
        columns: ['排名', `${g.tier}地区`, ...group.columns.map((c) => c.label)],
        rows: g.rows.map((row) => {
          withFigure.add(row.report.regionName ?? '');
          return [isCountedIn(cmp, row, false) ? String(++rank) : '—', row.report.regionName, ...row.cells.map(cellText)];
        }),
      });
    }
    if (cmp.nonAnnual.length) {
      blocks.push({ type: 'paragraph', text: `非年度数字(${[...cmp.periodCounts.keys()].join('、')}),不参与排名:` });
      blocks.push({
        type: 'table',
        columns: ['地区', '级别', ...group.columns.map((c) => c.label)],
        rows: cmp.nonAnnual.map((row) => {
          withFigure.add(row.report.regionName ?? '');
          return [row.report.regionName, row.tier, ...row.cells.map(cellText)];
        }),
      });
    }
  }
  const regions = new Set(dated.map((r) => r.regionName ?? '地区不详'));
  const intro =
    `${p.province}本身没有${body}报告。以下逐年列出其下 ${regions.size} 个地区的${body}报告,` +
    `每年在同级地区内按年度“${first}”数排名;不加总——各地的数字各自统计,相加不是全省的数字。` +
    (withFigure.size ? '' : `这些报告都没有“${group.title}”数字。`);
  const multiYear = [...regions].filter((name) => dated.filter((r) => r.regionName === name).length > 1);
  const actions: ReplyAction[] = multiYear
    .slice(0, REGION_BUTTONS)
    .map((name) => ({ label: `${name}趋势`, command: `/trend ${name} ${word}` }));
  actions.push({ label: `${p.short}${group.title}比较`, command: `/compare ${word} ${p.short}` });
  actions.push({ label: `${p.short}的报告`, command: `/report ${p.short}` });
  const notes = periodNotes(blocks);
  return {
    kind: 'trend',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          { type: 'paragraph', text: intro + notes },
        ],
      },
      { blocks },
    ],
    actions,
    script: 'simplified',
  };
}

/** A reminder of what the marks in the tables mean, only when some row carries one. */
function periodNotes(blocks: Block[]): string {
  const text = blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : [])).join(' ');
  const marks: string[] = [];
  if (text.includes('存疑')) marks.push('“存疑”的数字未通过核对,不参与排名');
  if (text.includes('推算')) marks.push('“推算”是由报告所述推出的数');
  return marks.length ? `${marks.join(';')}。` : '';
}
