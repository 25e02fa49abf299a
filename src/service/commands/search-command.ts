import { BadInputError, NotFoundError } from '../../errors.js';
import { simplifiedForm } from '../../script/chinese-script.js';
import type { ReportStore } from '../../db/report-store.js';
import { countParagraphs } from '../../db/paragraph-search.js';
import { MAX_CANDIDATES, markTerms, rankedSearch, snippet, withTexts } from '../query/text-search.js';
import { regionLabel } from '../reply/format.js';
import type { Block, Reply } from '../reply/reply-model.js';

/** Paragraphs shown per page. */
const RESULTS = 8;

/** A trailing `第2页` picks the page; the button of the next page sends it. */
const PAGE_TOKEN = /^第(\d{1,3})页$/;

/** `/search <words> [第N页]`: the total of matching paragraphs and one page of the best, terms highlighted. */
export function searchCommand(store: ReportStore, rest: string): Reply {
  const tokens = simplifiedForm(rest)
    .split(/[\s,,、]+/)
    .filter(Boolean);
  const last = tokens.length > 1 ? tokens.at(-1) : undefined;
  const pageToken = last === undefined ? null : PAGE_TOKEN.exec(last);
  if (pageToken) tokens.pop();
  const terms = tokens
    .map((t) => t.replace(/[^\p{L}\p{N}]+/gu, ''))
    .filter(Boolean)
    .slice(0, 8);
  if (!terms.length) throw new BadInputError('请给出要搜索的词,例如 /search 请你来协商。');
  const query = terms.join(' ');
  // Pages past the ranked matches show the last one, so no page asks for more than MAX_CANDIDATES hits.
  const asked = Math.min(Math.max(1, Number(pageToken?.[1] ?? 1)), Math.ceil(MAX_CANDIDATES / RESULTS));
  const search = rankedSearch(store, terms, asked * RESULTS);
  const { count, capped } = countParagraphs(store, terms, search);
  // Only the newest MAX_CANDIDATES matches are ranked, so pages end there.
  const pages = Math.max(1, Math.ceil(Math.min(count, MAX_CANDIDATES) / RESULTS));
  const page = Math.min(asked, pages);
  const hits = withTexts(store, search.hits.slice((page - 1) * RESULTS, page * RESULTS));
  if (!hits.length) throw new NotFoundError(`没有段落同时包含:${query}。可以减少关键词再试。`);
  const title = `搜索“${query}”`;
  const total = `${capped ? '超过 ' : ''}${count} 段命中`;
  const shown = `第 ${page}/${pages} 页,本页 ${(page - 1) * RESULTS + 1}–${(page - 1) * RESULTS + hits.length}`;
  const ranked = capped || count > MAX_CANDIDATES ? `(按相关度排列最新的 ${MAX_CANDIDATES} 段)` : '';
  const sections: Reply['sections'] = [
    {
      blocks: [
        { type: 'heading', text: title },
        { type: 'paragraph', text: `${total},${shown}${ranked}。` },
      ],
    },
  ];
  // Read once per report: a page's hits and its buttons name the same few reports.
  const refs = new Map<number, ReturnType<ReportStore['refById']>>();
  const refOf = (id: number) => {
    if (!refs.has(id)) refs.set(id, store.refById(id));
    return refs.get(id)!;
  };
  for (const h of hits) {
    // The listing columns and one section title: resolving the report's and every section's summaries cost
    // more than the rest of a search.
    const report = refOf(h.reportId);
    const sectionTitle = h.sectionPath ? store.sectionTitle(h.reportId, h.sectionPath) : undefined;
    const cut = snippet(h.text, markTerms(h.text, terms));
    const blocks: Block[] = [
      {
        type: 'fields',
        items: [{ label: `${regionLabel(report)} ${report.year ?? ''}`, value: sectionTitle ?? '(正文)' }],
      },
      { type: 'paragraph', text: cut.text, marks: cut.marks },
    ];
    sections.push({ blocks });
  }
  const reportIds = [...new Set(hits.map((h) => h.reportId))].slice(0, 3);
  const actions: Reply['actions'] = reportIds.map((id) => {
    const r = refOf(id);
    return { label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${id}` };
  });
  if (page > 1) actions.push({ label: '上一页', command: `/search ${query} 第${page - 1}页` });
  if (page < pages) actions.push({ label: '下一页', command: `/search ${query} 第${page + 1}页` });
  return { kind: 'search', title, sections, actions, script: 'simplified' };
}
