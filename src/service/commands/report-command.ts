import { BadInputError, NotFoundError } from '../../errors.js';
import { provinceOf, withProvince } from '../query/region-resolver.js';
import type { ReportRow, ReportStore } from '../../db/report-store.js';
import { takeYear } from '../query/year.js';
import { cutText } from '../reply/cut-text.js';
import { regionLabel, shortQuote, yearLabel } from '../reply/format.js';
import type { Block, Reply, ReplyAction } from '../reply/reply-model.js';
import { tierOf } from '../../domain/compare-tier.js';
import { figureTexts, orderHeadlines } from './headline-figures.js';
import { resolvePlace, type ProvinceRegions } from './province-regions.js';

/** How many headline figures a digest shows before "更多指标". */
const DIGEST_FIGURES = 10;

/** `/report <region> [year]`, `/report <year>`, `/report #<id>`. */
export function reportCommand(store: ReportStore, args: string[]): Reply {
  const [only, ...more] = args;
  const byId = only !== undefined && !more.length ? /^#(\d+)$/.exec(only) : null;
  if (byId) {
    const report = store.reportById(Number(byId[1]));
    if (!report) throw new NotFoundError('该报告已不存在,可能已被更新。发送 /list 查看现有报告。');
    return reportDigest(store, report, null);
  }
  const { year, rest } = takeYear(args);
  if (!rest.length) {
    if (!year) throw new BadInputError('请告诉我地区,例如 /report 资阳 2022,或只给年份: /report 2022。');
    return reportsOfYear(store, year.from);
  }
  const hintIdx = rest.length > 1 ? rest.findIndex((t, i) => i > 0 && provinceOf(t)) : -1;
  const hint = hintIdx > 0 ? rest[hintIdx] : undefined;
  const provinceHint = hint ? provinceOf(hint) : null;
  const regionText = rest.filter((_, i) => i !== hintIdx).join('');
  const place = resolvePlace(store, regionText, { provinceHint });
  if (place.kind === 'province') return provinceReports(place, year?.from ?? null);
  const { region, otherHomonyms } = place;
  const all = store.reportsByRegion(region.code);
  let chosen: ReportRow | undefined;
  let note: string | null = null;
  if (year) {
    chosen = all.find((r) => r.year === year.from);
    if (!chosen) {
      chosen = all.find((r) => r.deliveredOn?.startsWith(String(year.from)));
      if (chosen)
        note = `${year.from}年发布的这份报告回顾的是${chosen.year ?? '(年份不详)'}年的工作(${chosen.deliveredOn}发布)。`;
    }
    if (!chosen) {
      const years = all.map((r) => r.year ?? '年份不详').join('、');
      throw new NotFoundError(
        `暂无${region.name}${year.from}年的报告。现有年份:${years}。`,
        all.map((r) => `/report ${region.short} ${r.year ?? ''}`.trim()),
      );
    }
  } else {
    chosen = all[0];
  }
  if (!chosen) throw new NotFoundError(`暂无${region.name}的报告。`);
  const digest = reportDigest(
    store,
    chosen,
    note,
    all.filter((r) => r.id !== chosen!.id),
  );
  if (otherHomonyms.length) {
    // Said at the end: the user most likely meant the place that has reports, but should know of the others.
    const others = otherHomonyms.map((r) => withProvince(r.name, r.province)).join('、');
    digest.sections.at(-1)?.blocks.push({ type: 'paragraph', text: `另有同名地区${others},暂无其报告。` });
  }
  return digest;
}

/** `2022年`, or for a term report `届期五年(至2022年)`. */
function reviewedLabel(r: ReportRow): string {
  if (!r.year) return r.period === 'term' ? '届期五年' : '不详';
  return r.period === 'term' ? `届期五年(至${r.year}年)` : `${r.year}年`;
}

/** The digest of one stored report. */
export function reportDigest(store: ReportStore, r: ReportRow, note: string | null, otherYears: ReportRow[] = []): Reply {
  const figures = orderHeadlines(store.headlines(r.id));
  const values = figureTexts(figures);
  const { summary, planSummary, keywords } = r;
  const top = store.sections(r.id).filter((s) => s.level === 1);
  const title = r.title ?? `${r.regionName ?? ''}报告`;

  const head: Block[] = [{ type: 'heading', text: title }];
  if (note) head.push({ type: 'paragraph', text: note });
  head.push({
    type: 'fields',
    items: [
      { label: '地区', value: regionFull(r) },
      { label: '机构', value: [r.body, r.kind].filter(Boolean).join(' · ') || '不详' },
      { label: '回顾年度', value: reviewedLabel(r) },
      { label: '报告日期', value: r.deliveredOn ?? '不详' },
      ...(r.speaker ? [{ label: '报告人', value: r.speaker }] : []),
      ...(r.session ? [{ label: '会议', value: r.session }] : []),
    ],
  });
  const sections = [{ blocks: head }];
  if (summary.length)
    sections.push({
      blocks: [
        { type: 'heading', text: '摘要' },
        { type: 'paragraph', text: chatSummary(summary) },
        // The sections' own summaries are the full summary; a report without an outline has none to point to.
        ...(top.length ? [{ type: 'paragraph', text: `完整摘要(各章要点)见 /sections ${r.id}。` } as const] : []),
      ],
    });
  if (figures.length) {
    sections.push({
      blocks: [
        { type: 'heading', text: '主要数据' },
        ...figures.slice(0, DIGEST_FIGURES).flatMap((f, i): Block[] => [
          { type: 'fields', items: [{ label: f.label, value: values[i]! }] },
          { type: 'quote', text: shortQuote(f.evidence, f.value) },
        ]),
      ],
    });
  }
  if (top.length) {
    sections.push({
      blocks: [
        { type: 'heading', text: '报告结构' },
        { type: 'list', ordered: false, items: top.map((s) => ({ text: `${s.scope === 'plan' ? '[计划] ' : ''}${s.title}` })) },
      ],
    });
  }
  const tail: Block[] = [];
  if (planSummary.length)
    tail.push({ type: 'heading', text: '下一年工作安排' }, { type: 'paragraph', text: planSummary.join('') });
  if (keywords.length) tail.push({ type: 'fields', items: [{ label: '关键词', value: keywords.join('、') }] });
  if (r.sourceUrl) tail.push({ type: 'link', text: '来源', url: r.sourceUrl });
  else tail.push({ type: 'fields', items: [{ label: '来源', value: r.sourceFile.split('/').pop() ?? r.sourceFile }] });
  if (otherYears.length)
    tail.push({ type: 'fields', items: [{ label: '其他年份', value: otherYears.map((o) => `${o.year ?? '不详'}`).join('、') }] });
  sections.push({ blocks: tail });

  const actions: ReplyAction[] = [
    { label: '全部章节', command: `/sections ${r.id}` },
    { label: '更多指标', command: `/metrics ${r.id}` },
    { label: '原文', command: `/source ${r.id}` },
    ...otherYears.slice(0, 5).map((o) => ({ label: `${o.year ?? '不详'}年`, command: `/report #${o.id}` })),
  ];
  return { kind: 'report', title, sections, actions, script: 'simplified' };
}

/** Characters of summary a digest shows in chat; the stored summary is written to fit (older rows may not). */
const SUMMARY_CHARS = 200;

/** The leading summary sentences that fit SUMMARY_CHARS (at least one, cut if it alone is longer). */
function chatSummary(sentences: string[]): string {
  let out = '';
  for (const s of sentences) {
    if (out && out.length + s.length > SUMMARY_CHARS) break;
    out += s;
  }
  return cutText(out, SUMMARY_CHARS);
}

/** `/report 2022`: the reports of one year. */
function reportsOfYear(store: ReportStore, year: number): Reply {
  const rows = store.reportsByYear(year);
  if (!rows.length) throw new NotFoundError(`暂无回顾${year}年工作的报告。发送 /list 查看现有报告。`);
  return {
    kind: 'reports',
    title: `${year}年的报告(${rows.length}份)`,
    sections: [
      {
        blocks: [
          { type: 'heading', text: `${year}年的报告(${rows.length}份)` },
          { type: 'list', items: rows.map((r) => ({ text: `${regionLabel(r)} · ${r.title ?? r.kind ?? ''}` })) },
        ],
      },
    ],
    actions: rows.slice(0, 10).map((r) => ({ label: r.regionName ?? `#${r.id}`, command: `/report #${r.id}` })),
    script: 'simplified',
  };
}

/** Reports that open one per button: a province's regions' reports, and how many a reply offers. */
const PROVINCE_BUTTONS = 8;

/** `/report 四川` when 四川省 has no report of its own: the reports of its regions, by tier, each with its command. */
function provinceReports(p: ProvinceRegions, year: number | null): Reply {
  const ofYear = year === null ? p.reports : p.reports.filter((r) => r.year === year);
  const list = ofYear.length ? ofYear : p.reports;
  const when = year !== null && ofYear.length ? `${year}年` : '';
  const title = `${p.province}${when}:其下地区的报告 ${list.length} 份`;
  const intro =
    year !== null && !ofYear.length
      ? `${p.province}本身没有报告,其下地区也没有${year}年的报告;以下是其下地区的全部报告。`
      : `${p.province}本身没有报告;以下是其下地区的报告,点按钮或发送命令打开。`;
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'paragraph', text: intro },
  ];
  for (const tier of new Set(list.map(tierOf)))
    blocks.push(
      { type: 'paragraph', text: `【${tier}】` },
      {
        type: 'list',
        items: list
          .filter((r) => tierOf(r) === tier)
          .map((r) => ({
            text: `${r.regionName ?? '地区不详'} ${yearLabel(r)} · ${r.body ?? ''}${r.kind ?? ''} → /report #${r.id}`,
          })),
      },
    );
  const actions: ReplyAction[] = list
    .slice(0, PROVINCE_BUTTONS)
    .map((r) => ({ label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${r.id}` }));
  actions.push({ label: `${p.short}全部报告`, command: `/list ${p.short}` });
  return { kind: 'reports', title, sections: [{ blocks }], actions, script: 'simplified' };
}

function regionFull(r: ReportRow): string {
  if (!r.regionName) return '不详';
  const parts = [r.province !== r.regionName ? r.province : null, r.parent].filter(Boolean);
  return parts.length ? `${r.regionName}(${parts.join(' ')})` : r.regionName;
}
