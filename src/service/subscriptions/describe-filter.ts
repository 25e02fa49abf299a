import type { Subscription } from '../../db/subscription-store.js';

/** How a filter reads in a reply (`四川省的报告`, `资阳市的报告 · 指标“提案”`). */
export function describeFilter(
  s: Pick<Subscription, 'filter' | 'filterKind'> & Partial<Pick<Subscription, 'subjectKind' | 'subjectValue'>>,
): string {
  const subject =
    s.subjectKind && s.subjectValue ? (s.subjectKind === 'metric' ? `指标“${s.subjectValue}”` : `话题“${s.subjectValue}”`) : '';
  switch (s.filterKind) {
    case 'all':
      return '全部新报告';
    case 'province':
    case 'region': {
      const place = subject ? s.filter.slice(0, s.filter.length - (s.subjectValue?.length ?? 0)).trim() : s.filter;
      return subject ? `${place}的报告 · ${subject}` : `${place}的报告`;
    }
    case 'metric':
      return `指标“${s.filter}”`;
    case 'topic':
      return `话题“${s.filter}”`;
  }
}
