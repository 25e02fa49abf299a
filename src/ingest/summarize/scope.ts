import type { PartScope, ReportOutline } from '../../domain/report.js';

/** A span of the text with the scope it belongs to. */
export interface ScopeSpan {
  scope: PartScope;
  start: number;
  end: number;
}

/** Heading line that opens the plan part, used only when the outline found no parts. */
const PLAN_HEADING =
  /^(?:(?:\d{4}|[〇零一二三四五六七八九]{4})年|今后|明年|新的一年|下一步)(?:的)?(?:主要)?(?:工作)?(?:意见|任务|安排|打算|思路|建议|重点|计划|部署|展望)$/;

/** Scope spans from the outline's parts; without parts, everything is review up to a detectable plan heading. */
export function scopeSpans(text: string, outline: ReportOutline): ScopeSpan[] {
  if (outline.parts.length) {
    const spans = outline.parts.map((p) => ({ scope: p.scope, start: p.start, end: p.end }));
    return spans.sort((a, b) => a.start - b.start);
  }
  const plan = findPlanHeading(text);
  if (plan < 0) return [{ scope: 'review', start: 0, end: text.length }];
  return [
    { scope: 'review', start: 0, end: plan },
    { scope: 'plan', start: plan, end: text.length },
  ];
}

/** Scope of a position: the part holding it; outside every part, plan if after a plan part began, else review. */
export function scopeAt(spans: ScopeSpan[], offset: number): PartScope {
  let scope: PartScope = 'review';
  for (const span of spans) {
    if (offset >= span.start && offset < span.end) return span.scope;
    if (span.scope === 'plan' && offset >= span.start) scope = 'plan';
  }
  return scope;
}

function findPlanHeading(text: string): number {
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim().replace(/[。:\uFF1A]$/, '');
    if (trimmed.length <= 20 && PLAN_HEADING.test(trimmed)) return offset;
    offset += line.length + 1;
  }
  return -1;
}
