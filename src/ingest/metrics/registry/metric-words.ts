/** The words users type for a metric (/compare, /trend, subscription filters) and the columns it shows. */
import type { ReportBody } from '../../../domain/report.js';
import type { MetricKey } from './keys.js';

/** A metric users name in /compare, /trend and subscription filters: its words and the columns a comparison shows. */
interface MetricWords {
  words: readonly string[];
  /** The body whose reports a comparison shows unless the user names another (提案 are 政协's). */
  body?: ReportBody;
  title: string;
  /** The first is the sort key; `label` is the column's header and the word that picks it (/compare 提案 办复). */
  columns: readonly { key: MetricKey; label: string }[];
}

/** Words people use for the figures reports carry. Order matters: longer, more specific words first. */
export const METRIC_WORDS: readonly MetricWords[] = [
  { words: ['重点提案'], body: '政协', title: '重点提案', columns: [{ key: 'proposals.key', label: '重点提案' }] },
  {
    words: ['办复率', '办结率'],
    body: '政协',
    title: '提案办复率',
    columns: [{ key: 'proposals.answer_rate', label: '办复率' }],
  },
  { words: ['立案率'], body: '政协', title: '提案立案率', columns: [{ key: 'proposals.filing_rate', label: '立案率' }] },
  {
    words: ['提案', '提案办理', 'proposals', 'proposal'],
    body: '政协',
    title: '提案',
    columns: [
      { key: 'proposals.filed', label: '立案' },
      { key: 'proposals.received', label: '收到' },
      { key: 'proposals.answered', label: '办复' },
      { key: 'proposals.answer_rate', label: '办复率' },
    ],
  },
  {
    words: ['协商', '协商活动', '专题协商', '请你来协商', '微协商', 'consultations'],
    body: '政协',
    title: '协商活动',
    columns: [
      { key: 'consultations.events', label: '协商活动' },
      { key: 'consultations.special', label: '专题协商' },
      { key: 'consultations.grassroots_events', label: '基层协商' },
      { key: 'consultations.plan_items', label: '协商计划' },
    ],
  },
  {
    words: ['调研报告', '调研', '研究报告', 'research'],
    body: '政协',
    title: '调研报告',
    columns: [{ key: 'research.reports', label: '调研报告' }],
  },
  {
    words: ['社情民意', '社情民意信息', '信息'],
    body: '政协',
    title: '社情民意信息',
    columns: [{ key: 'social_info.items', label: '社情民意信息' }],
  },
  {
    words: ['批示', '签批', '领导批示'],
    body: '政协',
    title: '领导批示',
    columns: [{ key: 'instructions.count', label: '批示' }],
  },
  { words: ['视察', '视察活动'], body: '政协', title: '视察', columns: [{ key: 'inspections.events', label: '视察' }] },
  {
    words: ['建议', '意见建议', '建议案'],
    body: '政协',
    title: '意见建议',
    columns: [
      { key: 'suggestions.items', label: '意见建议' },
      { key: 'suggestions.reports', label: '建议案' },
    ],
  },
  { words: ['培训', '学习培训'], body: '政协', title: '培训', columns: [{ key: 'training.person_times', label: '培训人次' }] },
  {
    words: ['宣传', '报道', '媒体', '宣传报道'],
    body: '政协',
    title: '宣传报道',
    columns: [{ key: 'media.reports', label: '宣传报道' }],
  },
  { words: ['大会发言', '发言'], body: '政协', title: '大会发言', columns: [{ key: 'plenary.speeches', label: '大会发言' }] },
  {
    words: ['gdp', '生产总值', '地区生产总值', '经济'],
    title: '地区生产总值',
    columns: [
      { key: 'economy.gdp', label: '生产总值' },
      { key: 'economy.gdp_growth', label: '增速' },
    ],
  },
  {
    words: ['财政', '财政收入', '一般公共预算收入'],
    title: '财政收入',
    columns: [
      { key: 'fiscal.general_budget_revenue', label: '一般公共预算收入' },
      { key: 'fiscal.general_budget_revenue_growth', label: '增速' },
      { key: 'fiscal.revenue', label: '财政收入' },
    ],
  },
  {
    words: ['固定资产投资', '投资'],
    title: '固定资产投资',
    columns: [
      { key: 'investment.fixed_assets', label: '固定资产投资' },
      { key: 'investment.fixed_assets_growth', label: '增速' },
    ],
  },
  { words: ['就业', '新增就业'], title: '城镇新增就业', columns: [{ key: 'employment.urban_new', label: '城镇新增就业' }] },
  {
    words: ['人大代表建议', '代表建议'],
    title: '人大代表建议',
    columns: [{ key: 'npc_suggestions.handled', label: '代表建议' }],
  },
  { words: ['政协提案办理'], title: '办理政协提案', columns: [{ key: 'cppcc_proposals.handled', label: '政协提案' }] },
  { words: ['问题', '解决问题'], title: '解决问题', columns: [{ key: 'issues.resolved', label: '解决问题' }] },
  { words: ['捐款', '捐赠', '捐款捐物'], title: '捐款捐物', columns: [{ key: 'donations.amount', label: '捐款捐物' }] },
];
