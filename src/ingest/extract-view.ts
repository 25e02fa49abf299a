import type { ExtractedReport } from '../domain/report.js';

/** The JSON shape `digest extract --json` prints for one file. */
export function toExtractJson(report: ExtractedReport) {
  const { meta } = report;
  return {
    file: report.file,
    title: meta.title,
    body: meta.body,
    kind: meta.kind,
    region: meta.region,
    year: meta.year,
    period: meta.period,
    deliveredOn: meta.deliveredOn,
    speaker: meta.speaker,
    session: meta.session,
    sourceUrl: report.sourceUrl,
    script: report.normalized.script,
    parts: report.outline.parts.map((p) => ({ title: p.title, scope: p.scope })),
    sections: report.outline.sections.map((s) => ({ path: s.path, title: s.title, level: s.level, summary: s.summary ?? [] })),
    metrics: report.metrics,
    headline: report.headline,
    summary: report.summary,
    planSummary: report.planSummary,
    keywords: report.keywords,
  };
}

/** A readable plain-text view of one extraction. */
export function toExtractText(report: ExtractedReport): string {
  const j = toExtractJson(report);
  const r = j.region;
  const lines = [
    `== ${j.file}`,
    `标题: ${j.title ?? '—'}`,
    `机构: ${j.body ?? '—'}  类型: ${j.kind ?? '—'}`,
    `地区: ${r ? `${r.name}(${r.province}${r.parent ? ' ' + r.parent : ''},${r.tier},${r.code})` : '—'}`,
    `年度: ${j.year ?? '—'}${j.period === 'term' ? '(届期)' : ''}  日期: ${j.deliveredOn ?? '—'}  报告人: ${j.speaker ?? '—'}  会议: ${j.session ?? '—'}`,
    `来源: ${j.sourceUrl ?? '—'}`,
    `部分: ${j.parts.map((p) => `${p.title}[${p.scope}]`).join(' / ') || '—'}`,
    '章节:',
    ...j.sections.map((s) => `${'  '.repeat(s.level)}${s.path} ${s.title}`),
  ];
  const heads = Object.values(j.headline);
  if (heads.length) {
    lines.push('主要数据:');
    for (const f of heads) lines.push(`  ${f.label}(${f.key}): ${f.value}${f.unit}  «${f.evidence.slice(0, 60)}»`);
  }
  if (j.summary.length) lines.push('摘要: ' + j.summary.join(''));
  if (j.keywords.length) lines.push('关键词: ' + j.keywords.join('、'));
  return lines.join('\n');
}
