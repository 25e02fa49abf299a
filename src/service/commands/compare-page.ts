import type { ReplyAction, Block, ReplySection } from '../reply/reply-model.js';
import { regionLabel, yearLabel } from '../reply/format.js';
import { compareLine, type CompareQuery } from './compare-args.js';
import type { Built, NamedMetric } from './compare-build.js';
import { cellText, type CompareReport } from './compare-rows.js';
import type { CompareView, Entry } from './compare-view.js';

function reportName(r: CompareReport): string {
  return `${regionLabel(r)} ${yearLabel(r)}`;
}

/** What the comparison shows and what it leaves out, in one paragraph. */
export function introLine(m: NamedMetric, built: Built): string {
  const { view: cmp, body, otherBodies } = built;
  const label = m.group.columns[m.column]!.label;
  const parts: string[] = [];
  parts.push(
    `${cmp.rowCount} 份${body ? `${body}` : ''}报告有相关数字,其中 ${cmp.annual} 份有年度“${label}”数${cmp.unit ? `(统计单位:${cmp.unit})` : ''}。`,
  );
  if (cmp.groups.length > 1) parts.push('按级别分组,各组单独统计,不跨级排名。');
  if (cmp.periodCounts.size)
    parts.push(`另有 ${[...cmp.periodCounts].map(([p, n]) => `${n} 份报告只有${p}数`).join('、')},单列于后,不参与排名。`);
  if (cmp.doubtfulCount)
    parts.push(`${cmp.doubtfulCount} 份的“${label}”未通过核对,标“存疑”,不计入中位数和图表(加“含存疑”可计入)。`);
  if (cmp.otherUnitCount) parts.push(`${cmp.otherUnitCount} 份的单位不是${cmp.unit},只列在表中。`);
  if (otherBodies.size)
    parts.push(
      `未列入${[...otherBodies].map(([b, n]) => `${b}报告 ${n} 份`).join('、')}(加“${[...otherBodies.keys()][0]}”查看)。`,
    );
  return parts.join('');
}

/** One table per tier group on the page (with its own stats), then the non-annual rows with their period. */
export function tableSections(m: NamedMetric, cmp: CompareView, shown: Entry[]): ReplySection[] {
  const label = m.group.columns[m.column]!.label;
  const columns = ['报告', ...m.group.columns.map((c) => c.label)];
  const blocks: Block[] = [];
  for (const g of cmp.groups) {
    const rows = shown.filter((e) => e.tier === g.tier).map((e) => e.row);
    if (!rows.length) continue;
    const s = g.stats();
    const stats = !s
      ? `没有可计入统计的年度“${label}”数。`
      : s.count === 1
        ? `1 份可计入统计:${s.highest.cells[cmp.column]!.text}(${reportName(s.highest.report)})。`
        : `${s.count} 份,中位数 ${s.median},最高 ${s.highest.cells[cmp.column]!.text}(${reportName(s.highest.report)}),最低 ${s.lowest.cells[cmp.column]!.text}(${reportName(s.lowest.report)})。`;
    blocks.push({ type: 'paragraph', text: `【${g.tier}】${stats}` });
    blocks.push({ type: 'table', columns, rows: rows.map((r) => [reportName(r.report), ...r.cells.map(cellText)]) });
  }
  const other = shown.filter((e) => e.tier === null).map((e) => e.row);
  if (other.length) {
    blocks.push({ type: 'paragraph', text: `【非年度数字】按其所述期间列出,不参与排名和统计。` });
    blocks.push({
      type: 'table',
      columns: ['报告', '级别', ...m.group.columns.map((c) => c.label)],
      rows: other.map((r) => [reportName(r.report), r.tier, ...r.cells.map(cellText)]),
    });
  }
  return blocks.length ? [{ blocks }] : [];
}

/** Buttons for the other columns that have data (`/compare 协商 专题协商`). */
export function columnActions(q: CompareQuery, m: NamedMetric, built: Built): ReplyAction[] {
  const { hasColumn } = built.view;
  return m.group.columns.flatMap((c, i): ReplyAction[] =>
    i !== m.column && hasColumn[i] ? [{ label: `按${c.label}`, command: compareLine(q, 1, `${m.word} ${c.label}`) }] : [],
  );
}
