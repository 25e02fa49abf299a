/**
 * Chinese labels of the dev corpus's `other_figures` → metric keys, so those figures count in the eval. Eval
 * only: the extractor never reads this. Labels of sub-totals, other bodies, multi-level totals (三级合计) and
 * figures from someone else's speech stay unmapped (unscored), since a headline fact must not be them.
 */
const LABEL_KEYS: ReadonlyMap<string, string> = new Map([
  ['应到委员', 'session.members_expected'],
  ['应出席委员', 'session.members_expected'],
  ['实到委员', 'session.members_present'],
  ['实际到会', 'session.members_present'],
  ['立案率', 'proposals.filing_rate'],
  ['满意和基本满意率', 'proposals.satisfaction_rate'],
  ['集体提案', 'proposals.collective'],
  ['委员提案', 'proposals.member'],
  ['承办单位', 'proposals.handling_units'],
  ['承办部门和单位', 'proposals.handling_units'],
  ['专题协商', 'consultations.special'],
  ['报送社情民意信息', 'social_info.items'],
  ['反映社情民意信息', 'social_info.items'],
  ['大会发言', 'plenary.speeches'],
  ['对履职成果批示', 'instructions.count'],
  ['地区生产总值', 'economy.gdp'],
  ['地区生产总值(预计)', 'economy.gdp'],
  ['社会消费品零售总额', 'consumption.retail_sales'],
  ['固定资产投资', 'investment.fixed_assets'],
  ['财政总收入', 'fiscal.total_revenue'],
  ['财政收入', 'fiscal.revenue'],
  ['一般公共预算收入', 'fiscal.general_budget_revenue'],
  ['城镇居民人均可支配收入', 'income.urban_per_capita'],
  ['农村居民人均可支配收入', 'income.rural_per_capita'],
  ['常委会会议(五年)', 'meetings.standing_committee'],
  ['主任会议(五年)', 'meetings.director'],
  ['任免国家机关工作人员(五年)', 'appointments.person_times'],
]);

/** The metric key a gold label stands for, or null when the label is not scored. */
export function keyOfLabel(label: string): string | null {
  return LABEL_KEYS.get(label.replace(/（/g, '(').replace(/）/g, ')').trim()) ?? null;
}
