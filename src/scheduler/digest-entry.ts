import type { DigestReads, ReportRow } from '../service/ports.js';
import { regionLabel } from '../service/reply/format.js';
import type { Block, ReplySection } from '../service/reply/reply-model.js';

/** Headline figures shown per report in a weekly digest. */
const FIGURES = 4;
/** Summary length budget per report (characters); at least one sentence is always shown. */
const SUMMARY_BUDGET = 220;
const SUMMARY_SENTENCES = 3;

/** The 1–3 leading summary sentences of a report that fit the digest's length budget. */
function shortSummary(r: Pick<ReportRow, 'summary'>): string {
  // Blank sentences are skipped; so is a null one (a reference whose paragraph is gone resolves to JSON null).
  const all = r.summary.filter((s) => typeof s === 'string' && s.trim() !== '');
  const out: string[] = [];
  let length = 0;
  for (const s of all.slice(0, SUMMARY_SENTENCES)) {
    if (out.length && length + s.length > SUMMARY_BUDGET) break;
    out.push(s);
    length += s.length;
  }
  return out.join('');
}

/** One report as a short digest section: title, region and year, a few summary sentences, headline figures. */
export function digestEntry(store: DigestReads, r: ReportRow, index: number | null): ReplySection {
  const title = r.title ?? `${r.regionName ?? ''}报告`;
  const figures = store.headlineFigures(r.id).slice(0, FIGURES);
  const blocks: Block[] = [
    { type: 'heading', text: index === null ? title : `${index}. ${title}` },
    {
      type: 'fields',
      items: [
        { label: '地区', value: regionLabel(r) },
        { label: '年度', value: r.year ? `${r.year}年` : '不详' },
      ],
    },
  ];
  const summary = shortSummary(r);
  if (summary) blocks.push({ type: 'paragraph', text: summary });
  if (figures.length) blocks.push({ type: 'fields', items: figures.map((f) => ({ label: f.label, value: f.display })) });
  return { blocks };
}
