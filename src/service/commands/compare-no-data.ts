import { NotFoundError } from '../../errors.js';
import type { ReportStore } from '../../db/report-store.js';
import { headlineFactsOf } from '../../db/headline-facts.js';
import { knownGroups } from '../query/metric-words.js';
import { scopeText, type CompareQuery } from './compare-args.js';
import { factScope, type Built, type NamedMetric } from './compare-build.js';

/** No report has the figure: say so, and name the metrics that do have data in this scope. */
export function noData(store: ReportStore, q: CompareQuery, m: NamedMetric, built: Built): NotFoundError {
  const facts = headlineFactsOf(store.db);
  const scope = factScope(q);
  const have: string[] = [];
  // One indexed count per metric group, up to the eight the message names.
  for (const g of knownGroups()) {
    if (have.length >= 8) break;
    if (g.title === m.group.title) continue;
    const n = facts.reportCount(
      g.columns.map((c) => c.key),
      scope,
    );
    if (n) have.push(`${g.title}(${n} 份)`);
  }
  const others = built.otherBodies.size
    ? `${[...built.otherBodies].map(([b, n]) => `${b}报告 ${n} 份`).join('、')}有此数字(加“${[...built.otherBodies.keys()][0]}”查看)。`
    : '';
  return new NotFoundError(
    `${scopeText(q)}没有${built.body ?? ''}报告给出“${m.word}”的数字。${others}${have.length ? `有数字的指标:${have.join('、')}。` : ''}`,
  );
}
