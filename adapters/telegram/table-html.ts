import { escapeHtml } from './escape-html.js';

/** Column names that belong to a row's label rather than its values (资阳市 + 2022 → “资阳市 2022”). */
const LABEL_COLUMN = /^(报告|地区|区域|名称|单位|年份|年度|年|届次|届|会议|year|region|report|name)$/i;

/**
 * Renders a table as one line per row: `<b>资阳市 2022</b> · 立案 196 · 办复 196`.
 * Why not `<pre>`: CJK characters are double width on phones, so monospace columns never line up.
 */
export function renderTableRows(columns: string[], rows: (string | null)[][]): string[] {
  const labelCount = countLabelColumns(columns);
  return rows.map((row) => {
    const cell = (i: number) => row[i] ?? '—';
    const label = row
      .slice(0, labelCount)
      .map((c) => c ?? '—')
      .join(' ');
    const values: string[] = [];
    for (let i = labelCount; i < Math.max(columns.length, row.length); i++) {
      const name = columns[i];
      values.push(name ? `${escapeHtml(name)} ${escapeHtml(cell(i))}` : escapeHtml(cell(i)));
    }
    return [`<b>${escapeHtml(label)}</b>`, ...values].join(' · ');
  });
}

/** The first column is always the label; directly following label-like columns (年份 …) join it. */
function countLabelColumns(columns: string[]): number {
  let n = 1;
  while (n < columns.length - 1 && LABEL_COLUMN.test(columns[n]!.trim())) n++;
  return Math.min(n, Math.max(columns.length, 1));
}
