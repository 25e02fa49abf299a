import { NotFoundError } from '../../errors.js';
import type { ReportStore } from '../../db/report-store.js';
import { factScope } from './compare-build.js';
import { regionLabel } from '../reply/format.js';
import type { Block, Reply, ReplyAction } from '../reply/reply-model.js';
import { compareLine, PAGE_SIZE, scopeText, type CompareQuery } from './compare-args.js';
import { showEntries, topicTable } from './compare-topic-table.js';

/** `/compare 营商环境`: how much each report says about a topic, with its best sentence. */
export function compareTopic(store: ReportStore, q: CompareQuery, scopeSize: number): Reply {
  const table = topicTable(store, q.words, factScope(q));
  const { ranked } = table;
  const title = `${scopeText(q)}“${q.words}”话题比较`;
  if (!ranked.length) throw new NotFoundError(`${scopeText(q)}没有报告提到“${q.words}”。`);
  const pages = Math.ceil(ranked.length / PAGE_SIZE);
  const page = Math.min(q.page, pages);
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const inScope = showEntries(store, table, shown);
  const rows: Block[] = shown.flatMap(([id, e], i): Block[] => {
    const r = inScope.get(id)!;
    return [
      {
        type: 'fields',
        items: [
          { label: `${(page - 1) * PAGE_SIZE + i + 1}. ${regionLabel(r)} ${r.year ?? ''}`, value: `提到 ${e.mentions} 次` },
        ],
      },
      ...(e.best ? [{ type: 'quote', text: e.best.length > 120 ? e.best.slice(0, 120) + '…' : e.best } as Block] : []),
    ];
  });
  const actions: ReplyAction[] = [];
  if (page < pages) actions.push({ label: '下一页', command: compareLine(q, page + 1) });
  actions.push({ label: '搜索原文', command: `/search ${q.words}` });
  return {
    kind: 'compare',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          {
            type: 'paragraph',
            text: `“${q.words}”不是可比较的数字指标,以下按各报告提及次数排序:${ranked.length} 份报告提到,共 ${scopeSize} 份。`,
          },
        ],
      },
      { blocks: rows },
    ],
    actions,
    chart: {
      kind: 'bar',
      title: `${title}(提及次数)`,
      unit: '次',
      points: shown.map(([id, e]) => ({
        label: `${inScope.get(id)!.regionName ?? '?'} ${inScope.get(id)!.year ?? ''}`.trim(),
        value: e.mentions,
      })),
      // The bodies actually shown: a topic is found in 人大 and 政府 reports as much as in 政协 ones.
      source: `来源:各地${[...new Set(shown.map(([id]) => inScope.get(id)!.body ?? '机构不详'))].join('、')}报告`,
    },
    script: 'simplified',
  };
}
