import { BadInputError, NotFoundError } from '../../errors.js';
import type { MetricRow, ReportRow, ReportStore } from '../../db/report-store.js';
import { formatValue, regionLabel, shortQuote } from '../reply/format.js';
import type { Block, Reply } from '../reply/reply-model.js';
import { cellOf, cellText } from './compare-rows.js';
import { figureTexts, orderHeadlines } from './headline-figures.js';

/** Characters of the original text per `/source` page. */
const SOURCE_PAGE = 1200;

function reportFor(store: ReportStore, args: string[], command: 'sections' | 'metrics' | 'source'): ReportRow {
  const id = Number(args[0]?.replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0) throw new BadInputError(`请给出报告编号,例如 /${command} 1。`);
  const report = store.reportById(id);
  if (!report) throw new NotFoundError('该报告已不存在,可能已被更新。发送 /list 查看现有报告。');
  return report;
}

/** `/sections <id>`: the whole outline with each section's summary (the full summary behind a digest's short one). */
export function sectionsCommand(store: ReportStore, args: string[]): Reply {
  const r = reportFor(store, args, 'sections');
  const title = `${regionLabel(r)} ${r.year ?? ''} · 全部章节`;
  const parts = store.parts(r.id);
  const sections = store.sections(r.id);
  const out: Reply['sections'] = [{ blocks: [{ type: 'heading', text: title }] }];
  let scope: string | null | undefined;
  for (const s of sections) {
    const blocks: Block[] = [];
    if (s.scope !== scope && parts.length) {
      const part = parts.find((p) => p.scope === s.scope);
      if (part) blocks.push({ type: 'heading', text: part.title });
      scope = s.scope;
    }
    blocks.push({ type: 'paragraph', text: `${'  '.repeat(s.level - 1)}${s.path} ${s.title}` });
    if (s.summary.length && s.level === 1) blocks.push({ type: 'quote', text: s.summary.join('') });
    out.push({ blocks });
  }
  if (!sections.length) out.push({ blocks: [{ type: 'paragraph', text: '这份报告没有可识别的章节。' }] });
  return {
    kind: 'sections',
    title,
    sections: out,
    actions: [{ label: '返回摘要', command: `/report #${r.id}` }],
    script: 'simplified',
  };
}

/** `/metrics <id>`: every headline figure with its evidence, then the uncertain figures marked 存疑. */
export function metricsCommand(store: ReportStore, args: string[]): Reply {
  const r = reportFor(store, args, 'metrics');
  const title = `${regionLabel(r)} ${r.year ?? ''} · 全部指标`;
  const figures = orderHeadlines(store.headlines(r.id));
  const values = figureTexts(figures);
  const all = store.allMetrics(r.id);
  const out: Reply['sections'] = [
    {
      blocks: [
        { type: 'heading', text: title },
        { type: 'paragraph', text: `共识别数字 ${all.length} 处,归入 ${figures.length} 项指标。` },
      ],
    },
  ];
  for (const [i, f] of figures.entries()) {
    out.push({
      blocks: [
        { type: 'fields', items: [{ label: f.label, value: values[i]! }] },
        { type: 'quote', text: shortQuote(f.evidence, f.value, 90) },
      ],
    });
  }
  out.push(...uncertainSections(all));
  return {
    kind: 'metrics',
    title,
    sections: out,
    actions: [{ label: '返回摘要', command: `/report #${r.id}` }],
    script: 'simplified',
  };
}

/** Uncertain figures listed under /metrics at most; the rest are counted. */
const UNCERTAIN_SHOWN = 30;

/**
 * The figures kept out of the headline because the extractor is not sure of them (a failed check, another
 * body's figure, a threshold …): listed after the headline, each marked 存疑 with the reason, never mixed in.
 */
function uncertainSections(all: MetricRow[]): Reply['sections'] {
  const seen = new Set<string>();
  const uncertain = all.filter((f) => {
    const id = `${f.key}|${f.value}|${f.unit}`;
    if (f.key === 'other' || f.scope === 'plan' || f.confidence !== 'low' || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  if (!uncertain.length) return [];
  const blocks: Block[] = [
    { type: 'heading', text: '存疑数字(未计入主要数据)' },
    { type: 'paragraph', text: `以下 ${uncertain.length} 项数字把握不大,仅供核对原文,不参与比较。` },
  ];
  for (const f of uncertain.slice(0, UNCERTAIN_SHOWN)) {
    const cell = cellOf(f);
    const marked = cell && !cell.doubts.length ? { ...cell, doubts: ['把握不大'] } : cell;
    blocks.push(
      { type: 'fields', items: [{ label: f.label, value: cellText(marked) ?? `${formatValue(f)}(其他机构)` }] },
      { type: 'quote', text: shortQuote(f.evidence, f.value) },
    );
  }
  if (uncertain.length > UNCERTAIN_SHOWN)
    blocks.push({ type: 'paragraph', text: `另有 ${uncertain.length - UNCERTAIN_SHOWN} 项未列出。` });
  return [{ blocks }];
}

/** `/source <id> [页码]`: where the report came from and its original text, one page at a time. */
export function sourceCommand(store: ReportStore, args: string[]): Reply {
  const r = reportFor(store, args, 'source');
  const text = store.originalText(r.id)?.trim() ?? '';
  const pages = Math.max(1, Math.ceil(text.length / SOURCE_PAGE));
  const asked = args[1] === undefined ? 1 : Number(args[1].replace(/^第|页$/g, ''));
  if (!Number.isInteger(asked) || asked < 1) throw new BadInputError(`页码应是正整数,例如 /source ${r.id} 2。`);
  const page = Math.min(asked, pages);
  const title = `${regionLabel(r)} ${r.year ?? ''} · 原文`;
  const blocks: Block[] = [{ type: 'heading', text: title }];
  if (r.sourceUrl) blocks.push({ type: 'link', text: '原文链接', url: r.sourceUrl });
  blocks.push({
    type: 'fields',
    items: [
      { label: '文件', value: r.sourceFile.split('/').pop() ?? r.sourceFile },
      { label: '页', value: `第 ${page}/${pages} 页(全文 ${text.length} 字)` },
    ],
  });
  const excerpt = text.slice((page - 1) * SOURCE_PAGE, page * SOURCE_PAGE);
  const actions: Reply['actions'] = [];
  if (page > 1) actions.push({ label: '上一页', command: `/source ${r.id} ${page - 1}` });
  if (page < pages) actions.push({ label: '下一页', command: `/source ${r.id} ${page + 1}` });
  actions.push({ label: '返回摘要', command: `/report #${r.id}` });
  return {
    kind: 'source',
    title,
    sections: [{ blocks }, { blocks: [{ type: 'paragraph', text: excerpt || '(原文为空)' }] }],
    actions,
    script: 'simplified',
  };
}
