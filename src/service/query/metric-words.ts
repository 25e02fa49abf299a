import { simplifiedForm } from '../../script/chinese-script.js';
import type { ReportBody } from '../../domain/report.js';
import type { ReportStore } from '../../db/report-store.js';
import type { MetricKey } from '../../ingest/metrics/keys.js';

/** A metric a user can name, with the columns a comparison shows (the first is the sort key). */
export interface MetricGroup {
  title: string;
  columns: { key: string; label: string }[];
  /** The body whose reports a comparison shows unless the user names another (提案 are 政协's). */
  body?: ReportBody;
}

/** Words people use for the figures reports carry. Order matters: longer, more specific words first. */
// Columns name table keys (MetricKey): a word cannot point at a key the extractor never writes.
const GROUPS: { words: string[]; group: MetricGroup & { columns: { key: MetricKey; label: string }[] } }[] = [
  { words: ['重点提案'], group: { body: '政协', title: '重点提案', columns: [{ key: 'proposals.key', label: '重点提案' }] } },
  {
    words: ['办复率', '办结率'],
    group: { body: '政协', title: '提案办复率', columns: [{ key: 'proposals.answer_rate', label: '办复率' }] },
  },
  {
    words: ['立案率'],
    group: { body: '政协', title: '提案立案率', columns: [{ key: 'proposals.filing_rate', label: '立案率' }] },
  },
  {
    words: ['提案', '提案办理', 'proposals', 'proposal'],
    group: {
      body: '政协',
      title: '提案',
      columns: [
        { key: 'proposals.filed', label: '立案' },
        { key: 'proposals.received', label: '收到' },
        { key: 'proposals.answered', label: '办复' },
        { key: 'proposals.answer_rate', label: '办复率' },
      ],
    },
  },
  {
    words: ['协商', '协商活动', '专题协商', '请你来协商', '微协商', 'consultations'],
    group: {
      body: '政协',
      title: '协商活动',
      columns: [
        { key: 'consultations.events', label: '协商活动' },
        { key: 'consultations.special', label: '专题协商' },
        { key: 'consultations.grassroots_events', label: '基层协商' },
        { key: 'consultations.plan_items', label: '协商计划' },
      ],
    },
  },
  {
    words: ['调研报告', '调研', '研究报告', 'research'],
    group: { body: '政协', title: '调研报告', columns: [{ key: 'research.reports', label: '调研报告' }] },
  },
  {
    words: ['社情民意', '社情民意信息', '信息'],
    group: { body: '政协', title: '社情民意信息', columns: [{ key: 'social_info.items', label: '社情民意信息' }] },
  },
  {
    words: ['批示', '签批', '领导批示'],
    group: { body: '政协', title: '领导批示', columns: [{ key: 'instructions.count', label: '批示' }] },
  },
  {
    words: ['视察', '视察活动'],
    group: { body: '政协', title: '视察', columns: [{ key: 'inspections.events', label: '视察' }] },
  },
  {
    words: ['建议', '意见建议', '建议案'],
    group: {
      body: '政协',
      title: '意见建议',
      columns: [
        { key: 'suggestions.items', label: '意见建议' },
        { key: 'suggestions.reports', label: '建议案' },
      ],
    },
  },
  {
    words: ['培训', '学习培训'],
    group: { body: '政协', title: '培训', columns: [{ key: 'training.person_times', label: '培训人次' }] },
  },
  {
    words: ['宣传', '报道', '媒体', '宣传报道'],
    group: { body: '政协', title: '宣传报道', columns: [{ key: 'media.reports', label: '宣传报道' }] },
  },
  {
    words: ['大会发言', '发言'],
    group: { body: '政协', title: '大会发言', columns: [{ key: 'plenary.speeches', label: '大会发言' }] },
  },
  {
    words: ['gdp', '生产总值', '地区生产总值', '经济'],
    group: {
      title: '地区生产总值',
      columns: [
        { key: 'economy.gdp', label: '生产总值' },
        { key: 'economy.gdp_growth', label: '增速' },
      ],
    },
  },
  {
    words: ['财政', '财政收入', '一般公共预算收入'],
    group: {
      title: '财政收入',
      columns: [
        { key: 'fiscal.general_budget_revenue', label: '一般公共预算收入' },
        { key: 'fiscal.general_budget_revenue_growth', label: '增速' },
        { key: 'fiscal.revenue', label: '财政收入' },
      ],
    },
  },
  {
    words: ['固定资产投资', '投资'],
    group: {
      title: '固定资产投资',
      columns: [
        { key: 'investment.fixed_assets', label: '固定资产投资' },
        { key: 'investment.fixed_assets_growth', label: '增速' },
      ],
    },
  },
  {
    words: ['就业', '新增就业'],
    group: { title: '城镇新增就业', columns: [{ key: 'employment.urban_new', label: '城镇新增就业' }] },
  },
  {
    words: ['人大代表建议', '代表建议'],
    group: { title: '人大代表建议', columns: [{ key: 'npc_suggestions.handled', label: '代表建议' }] },
  },
  { words: ['政协提案办理'], group: { title: '办理政协提案', columns: [{ key: 'cppcc_proposals.handled', label: '政协提案' }] } },
  { words: ['问题', '解决问题'], group: { title: '解决问题', columns: [{ key: 'issues.resolved', label: '解决问题' }] } },
  {
    words: ['捐款', '捐赠', '捐款捐物'],
    group: { title: '捐款捐物', columns: [{ key: 'donations.amount', label: '捐款捐物' }] },
  },
];

/** Every named metric group, in the order users compare them most (for “which metrics have data”). */
export function knownGroups(): MetricGroup[] {
  return GROUPS.map((g) => g.group);
}

/**
 * Understands a metric word: a known word (提案, 协商, 社情民意 …), a canonical key (proposals.filed), or a
 * label of figures in the store. Returns null when the word is a topic, not a metric.
 */
export function metricGroupFor(word: string, store: ReportStore): MetricGroup | null {
  const w = simplifiedForm(word.trim()).toLowerCase();
  if (!w) return null;
  for (const g of GROUPS) if (g.words.includes(w)) return g.group;
  const vocab = store.metricVocabulary();
  const byKey = vocab.filter((v) => v.key === w || v.key.startsWith(w + '.'));
  if (byKey.length) return { title: word, columns: uniqueColumns(byKey) };
  if ([...w].length >= 2) {
    const byLabel = vocab.filter((v) => v.label.includes(w));
    if (byLabel.length) return { title: word, columns: uniqueColumns(byLabel) };
  }
  return null;
}

function uniqueColumns(rows: { key: string; label: string }[]): MetricGroup['columns'] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.key)) seen.set(r.key, r.label);
  return [...seen].slice(0, 4).map(([key, label]) => ({ key, label }));
}
