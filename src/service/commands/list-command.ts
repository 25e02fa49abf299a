import type { ReportStore } from '../query/report-store.js';
import type { Reply } from '../reply/reply-model.js';

/** `/list`: the reports available, grouped by province. */
export function listCommand(store: ReportStore): Reply {
  const rows = store.allReports();
  if (!rows.length) {
    return {
      kind: 'list',
      title: '暂无报告',
      sections: [{ blocks: [{ type: 'paragraph', text: '数据库里还没有报告。管理员可以用 digest ingest 导入。' }] }],
      actions: [],
      script: 'simplified',
    };
  }
  const byProvince = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = r.province ?? '地区不详';
    if (!byProvince.has(key)) byProvince.set(key, []);
    byProvince.get(key)!.push(r);
  }
  const title = `现有报告 ${rows.length} 份,覆盖 ${byProvince.size} 个省级地区`;
  return {
    kind: 'list',
    title,
    sections: [
      { blocks: [{ type: 'heading', text: title }] },
      ...[...byProvince].map(([province, list]) => ({
        blocks: [
          { type: 'heading' as const, text: `${province}(${list.length})` },
          {
            type: 'list' as const,
            items: list.map((r) => ({
              text: `${r.regionName ?? '地区不详'} ${r.year ?? '年份不详'} · ${r.body ?? ''}${r.kind ?? ''}`,
            })),
          },
        ],
      })),
    ],
    actions: [],
    script: 'simplified',
  };
}
