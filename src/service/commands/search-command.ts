import { BadInputError, NotFoundError } from '../../errors.js';
import { toSimplified } from '../query/script.js';
import type { ReportStore } from '../query/report-store.js';
import { markTerms, searchParagraphs, snippet } from '../query/text-search.js';
import { regionLabel } from '../reply/format.js';
import type { Block, Reply } from '../reply/reply-model.js';

/** Paragraphs shown per search. */
const RESULTS = 8;

/** `/search <words>`: best-matching paragraphs with report, section and highlighted terms. */
export function searchCommand(store: ReportStore, rest: string): Reply {
  const terms = toSimplified(rest)
    .split(/[\s,,、]+/)
    .map((t) => t.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter(Boolean)
    .slice(0, 8);
  if (!terms.length) throw new BadInputError('请给出要搜索的词,例如 /search 请你来协商。');
  const hits = searchParagraphs(store, terms, RESULTS);
  const query = terms.join(' ');
  if (!hits.length) throw new NotFoundError(`没有段落同时包含:${query}。可以减少关键词再试。`);
  const title = `搜索“${query}”`;
  const sections: Reply['sections'] = [{ blocks: [{ type: 'heading', text: title }] }];
  for (const h of hits) {
    const report = store.reportById(h.reportId)!;
    const section = h.sectionPath ? store.sections(h.reportId).find((s) => s.path === h.sectionPath) : undefined;
    const cut = snippet(h.text, markTerms(h.text, terms));
    const blocks: Block[] = [
      {
        type: 'fields',
        items: [{ label: `${regionLabel(report)} ${report.year ?? ''}`, value: section ? section.title : '(正文)' }],
      },
      { type: 'paragraph', text: cut.text, marks: cut.marks },
    ];
    sections.push({ blocks });
  }
  const reportIds = [...new Set(hits.map((h) => h.reportId))].slice(0, 3);
  return {
    kind: 'search',
    title,
    sections,
    actions: reportIds.map((id) => {
      const r = store.reportById(id)!;
      return { label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${id}` };
    }),
    script: 'simplified',
  };
}
