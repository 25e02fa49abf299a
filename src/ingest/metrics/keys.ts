/**
 * The metric registry: every canonical key with its Chinese label, unit family, cue words, display order,
 * compare words, ratios and the checks between keys. The one place a key string is written (test/ingest/metrics/
 * registry.test.ts scans src/ and adapters/ for others); extend here.
 */
import type { ReportBody } from '../../domain/report.js';

/** A cue: a literal word or a regex tested against the clause before (or the noun after) a figure. */
export type Cue = string | RegExp;

/** One canonical metric key. */
export interface KeyDef {
  key: string;
  label: string;
  /** Bare units the figure may carry (万人次 counts as 人次); 'money' means any 元 unit. */
  units: readonly string[];
  /** Strong cues in the clause before the figure (nearest wins). */
  cues?: readonly Cue[];
  /** Cues after the unit (`3篇调研报告`); strongest when they start right after it. */
  nouns?: readonly Cue[];
  /** Weak cues: only win when no strong cue fits (提案 alone, 委员提案 vs 办理委员提案). */
  weak?: readonly Cue[];
  /** Only for reports of these bodies. */
  bodies?: readonly ReportBody[];
  /** Never for reports of these bodies. */
  notBodies?: readonly ReportBody[];
  /** Key of the growth rate of this figure (地区生产总值增长7%). */
  growth?: string;
  /** Key of this figure's share (占提案总数59.4%). */
  share?: string;
  /** Ranks this reading above others in headline choice (实际立案 beats 立案). */
  preferCue?: RegExp;
  /** Other bodies act on the issuing body's work (省政协领导签批): naming them does not make the figure theirs. */
  byOthers?: boolean;
  /**
   * A 政府 report's own work on another body's items (人大代表建议 and 政协提案 handled, draft laws submitted to the
   * 人大): naming 人大 or 政协 does not make the figure theirs.
   */
  govHandles?: true;
  /**
   * Words the figure's own clause must hold for the label to be certain (新增 for 新登记经营主体, 审查 for
   * 规范性文件审查), with the reason shown when they are missing.
   */
  needs?: { words: RegExp; reason: string; in?: 'clause' | 'sentence' };
  /** Reason a figure decided only by a weak cue (项目 alone) is not headline: the weak word names many kinds. */
  weakReason?: string;
  /** Place among its family's leading figures in /report and the weekly digest (1 first); the others follow by key. */
  display?: number;
  /** A total: category words in front of it (委员提案, 其中) make the figure a sub-count. */
  total?: true;
  /** The total this count is a part of: the parts' sum may not exceed it. */
  partOf?: string;
  /** A count of one kind of proposer that, naming `atLeast` kinds (`words`), is the total of `key` instead. */
  manyKinds?: { words: RegExp; atLeast: number; key: string };
  /** A share that, its base named by `words` (占提案总数), is also the rate `key`. */
  alsoRate?: { words: RegExp; key: string };
  /** Labels the dev corpus's gold `other_figures` use for this key (eval only: the extractor never reads them). */
  goldLabels?: readonly string[];
}

const DOC = ['件'];
const GOV: ReportBody[] = ['政府'];
/** 提案 belong to 政协; a 人大 report has 议案/建议 and a 政府 report handles others' 提案. */
const NOT_GOV: ReportBody[] = ['政府', '人大'];
const MONEY = ['money'];
/** A rate of 办结 is a proposal rate only when the sentence is about 提案 (not 审批事项按时办结率). */
const PROPOSAL_NAMED = { words: /提案|建议/, reason: '未指明提案的办结率', in: 'sentence' as const };

/** Keys for multiple figures in one phrase (`立案并办结委员提案196件` is both filed and answered). */
export const MULTI_CUES: { cue: RegExp; keys: MetricKey[] }[] = [
  { cue: /立案并(办结|办复|交办办结)/, keys: ['proposals.filed', 'proposals.answered'] },
];

/** One phrase naming several figures given in order after 分别 (城乡居民人均可支配收入分别达…元、…元). */
export const SPLIT_CUES: { cue: RegExp; keys: MetricKey[] }[] = [
  {
    cue: /(城乡|城[镇市](居民)?[和与及、]农村)[^,，]*(可支配收入|人均收入)/,
    keys: ['income.urban_per_capita', 'income.rural_per_capita'],
  },
];

/** Phrases that state a 100% answer rate without a number. */
export const ALL_ANSWERED = /(全部|均已|已全部|全部予以|均已全部)(办复|办结|答复)/;

/** The rate a 全部办复 phrase states: a 政府 report answers the 政协's proposals, any other body its own. */
export function allAnsweredKey(body: ReportBody | null): MetricKey {
  return body === '政府' ? 'cppcc_proposals.answer_rate' : 'proposals.answer_rate';
}

/** Words right after a proposal count that make it also the count answered (立案…件，提案已全部办复). */
export const ANSWERED_AFTER = {
  after: /^提案(已|均已|已经)?全部(办复|办结|答复)/,
  key: 'proposals.answered',
} as const satisfies {
  after: RegExp;
  key: MetricKey;
};

/** 占提案总数的, 占收到提案的: a share whose base is every proposal received. */
const OF_ALL_PROPOSALS = /占(提案总数|提案总量|收到提案|征集总量|征集提案总数)/;
/** Proposers other than single members; a proposal count naming three or more of them is the collective total. */
const COLLECTIVE_TOTAL = {
  words: /民主党派|党派|工商联|人民团体|团体|专门委员会|专委会|界别|委员小组|小组/g,
  atLeast: 3,
  key: 'proposals.collective',
} as const;

const BASE = [
  // —— proposals of the issuing 政协 (a 政府 report's 政协提案 is cppcc_proposals.*) ——
  {
    key: 'proposals.received',
    display: 1,
    total: true,
    label: '收到提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: ['收到', '征集', '提交', '提出', '线索', '共提', '交提案'],
    weak: ['提案'],
  },
  {
    key: 'proposals.filed',
    display: 2,
    total: true,
    label: '立案提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: [/立案(?!率)/],
    preferCue: /实际立案/,
    share: 'proposals.filing_share',
  },
  { key: 'proposals.merged', label: '并案提案', units: DOC, notBodies: NOT_GOV, cues: ['并案'] },
  {
    key: 'proposals.answered',
    display: 3,
    total: true,
    label: '办复提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: ['办复', '办结', '办理', '答复'],
  },
  {
    key: 'proposals.answer_rate',
    display: 4,
    label: '提案办复率',
    units: ['%'],
    notBodies: NOT_GOV,
    cues: ['办复率', '办结率', '答复率'],
    needs: PROPOSAL_NAMED,
  },
  {
    key: 'proposals.filing_rate',
    display: 5,
    goldLabels: ['立案率'],
    label: '提案立案率',
    units: ['%'],
    notBodies: NOT_GOV,
    cues: ['立案率'],
  },
  {
    key: 'proposals.satisfaction_rate',
    goldLabels: ['满意和基本满意率'],
    label: '提案满意率',
    units: ['%'],
    notBodies: NOT_GOV,
    cues: ['满意率', '满意度'],
  },
  { key: 'proposals.face_to_face_rate', label: '提案面商率', units: ['%'], notBodies: NOT_GOV, cues: ['面商率', '见面率'] },
  { key: 'proposals.revisit_rate', label: '提案回访率', units: ['%'], notBodies: NOT_GOV, cues: ['回访率'] },
  {
    key: 'proposals.key',
    display: 6,
    label: '重点提案',
    units: ['件', '个', '项'],
    notBodies: NOT_GOV,
    cues: ['重点提案', '重点督办'],
    nouns: [/^([(\uFF08]系列[)\uFF09])?(重点|专题)提案/, '重点提案', /确定为[^,，]{0,12}(重点|专题)提案/],
  },
  { key: 'proposals.adopted', display: 7, label: '采纳提案', units: ['件', '条'], notBodies: NOT_GOV, cues: ['采纳', '采用'] },
  {
    key: 'proposals.livelihood',
    label: '民生类提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: [/民生[类方面]*提案/],
    share: 'proposals.livelihood_share',
  },
  { key: 'proposals.livelihood_share', label: '民生类提案占比', units: ['%'], notBodies: NOT_GOV, cues: [/民生[^,，]{0,8}占/] },
  {
    key: 'proposals.member',
    partOf: 'proposals.received',
    goldLabels: ['委员提案'],
    label: '委员提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: ['委员提案', '委员个人提案', '个人提案'],
  },
  {
    key: 'proposals.party_group',
    partOf: 'proposals.received',
    manyKinds: COLLECTIVE_TOTAL,
    label: '党派团体提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: [/党派[、和及]?团体提案/],
  },
  {
    key: 'proposals.parties',
    partOf: 'proposals.received',
    manyKinds: COLLECTIVE_TOTAL,
    label: '党派提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: [/党派(和|及|、)?(工商联)?提案/],
  },
  {
    key: 'proposals.group',
    partOf: 'proposals.received',
    manyKinds: COLLECTIVE_TOTAL,
    label: '团体提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: ['体提案', '界别提案', '小组提案', /界别[、和及]小组提案/],
  },
  {
    key: 'proposals.committee',
    manyKinds: COLLECTIVE_TOTAL,
    label: '专委会提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: [/专门委员会提案|专委会提案/],
  },
  {
    key: 'proposals.collective',
    partOf: 'proposals.received',
    goldLabels: ['集体提案'],
    label: '集体提案',
    units: DOC,
    notBodies: NOT_GOV,
    weak: ['集体提案'],
  },
  {
    key: 'proposals.handling_units',
    goldLabels: ['承办单位', '承办部门和单位'],
    label: '提案承办单位',
    units: ['个', '家'],
    notBodies: NOT_GOV,
    cues: ['承办单位', '承办'],
    nouns: [/^(个|家)?(承办)?单位/],
  },
  {
    key: 'proposals.resolved',
    label: '已解决提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: ['解决或基本解决', '已经解决', '已解决', '得到解决'],
  },
  { key: 'proposals.satisfied', label: '满意提案', units: DOC, notBodies: NOT_GOV, cues: ['满意'] },
  {
    key: 'proposals.to_social_info',
    label: '转社情民意提案',
    units: DOC,
    notBodies: NOT_GOV,
    cues: [/转[为成作]?社情民意[^,，]*/],
  },
  {
    key: 'proposals.filing_share',
    alsoRate: { words: OF_ALL_PROPOSALS, key: 'proposals.filing_rate' },
    label: '立案占比',
    units: ['%'],
    notBodies: NOT_GOV,
  },
  {
    key: 'cppcc_proposals.handled',
    govHandles: true,
    label: '办理政协提案',
    units: DOC,
    bodies: GOV,
    cues: ['政协提案', '政协委员提案', /政协[^,，]{0,4}提案/],
  },
  {
    key: 'cppcc_proposals.answer_rate',
    govHandles: true,
    label: '政协提案办复率',
    units: ['%'],
    bodies: GOV,
    cues: ['办复率', '办结率'],
    needs: PROPOSAL_NAMED,
  },
  {
    key: 'npc_suggestions.handled',
    govHandles: true,
    label: '办理人大代表建议',
    units: DOC,
    bodies: GOV,
    cues: ['代表建议', /代表(议案)?[和及、]?建议/, /^[、和及]?建议$/],
  },
  // —— 政协 work ——
  {
    key: 'suggestions.reports',
    label: '建议案',
    units: ['件', '份', '篇', '个', '项'],
    cues: ['建议案', '报告建议'],
    nouns: ['建议案'],
  },
  {
    key: 'suggestions.items',
    label: '意见建议',
    units: ['条', '件', '个', '份'],
    cues: ['意见建议', '意见和建议', '代表建议', '建议意见'],
    nouns: [/^(条|项)?(意见)?建议/],
    weak: ['建议', '意见'],
  },
  {
    key: 'research.reports',
    display: 1,
    label: '调研报告',
    units: ['篇', '份', '个', '件'],
    cues: ['调研报告', '视察报告', '调研成果'],
    nouns: ['调研报告', '视察报告'],
  },
  {
    key: 'research.events',
    label: '调研',
    units: ['次', '项', '场', '个'],
    cues: ['调研', '调查研究'],
    nouns: [/^(次|项)?(专题)?调研/],
  },
  { key: 'inspections.events', display: 1, label: '视察', units: ['次', '场', '项'], cues: ['视察'], nouns: [/^(次|项)?视察/] },
  {
    key: 'inspections.law_enforcement',
    label: '执法检查',
    units: ['次', '部', '项', '件'],
    cues: ['执法检查'],
    nouns: ['执法检查'],
  },
  {
    key: 'consultations.special',
    display: 2,
    goldLabels: ['专题协商'],
    label: '专题协商',
    units: ['次', '场', '场次'],
    cues: ['专题协商'],
    nouns: [/^(次|场)?专题协商/],
  },
  {
    key: 'consultations.events',
    display: 1,
    label: '协商活动',
    units: ['场', '场次', '次'],
    cues: ['协商活动', '请你来协商', '协商议政', '议政协商'],
    nouns: ['请你来协商', '协商活动'],
    // 对口协商, 界别协商 are kinds of 协商: alone they are not the 协商活动 total.
    weak: ['对口协商', '界别协商', '协商'],
    weakReason: '某一类协商，非协商活动总数',
  },
  {
    key: 'consultations.grassroots_events',
    display: 3,
    label: '基层协商',
    units: ['场', '场次', '次'],
    cues: ['微协商', '基层协商', '协商议事'],
    nouns: ['微协商', '基层协商'],
  },
  {
    key: 'consultations.plan_items',
    display: 4,
    label: '协商计划项目',
    units: ['项', '个'],
    cues: ['协商计划'],
    nouns: ['协商计划'],
  },
  { key: 'oversight.events', label: '民主监督', units: ['次', '项', '场'], cues: ['民主监督'], nouns: ['民主监督'] },
  {
    key: 'social_info.items',
    goldLabels: ['报送社情民意信息', '反映社情民意信息'],
    label: '社情民意信息',
    units: ['条', '篇', '期', '件', '份'],
    cues: ['社情民意'],
    nouns: ['社情民意'],
  },
  {
    key: 'instructions.count',
    goldLabels: ['对履职成果批示'],
    label: '领导批示',
    units: ['次', '件次', '件', '篇', '条', '篇次', '人次'],
    cues: ['批示', '签批'],
    byOthers: true,
  },
  {
    key: 'media.reports',
    label: '宣传报道',
    units: ['篇', '篇次', '条', '次', '期', '件'],
    cues: ['宣传报道', '报道', '刊发', '刊登', '播发', '发表'],
    nouns: ['报道'],
  },
  { key: 'meetings.party_group', label: '党组会议', units: ['次'], cues: ['党组会议', '党组会'], nouns: [/^次?党组会/] },
  {
    key: 'meetings.standing_committee',
    goldLabels: ['常委会会议(五年)'],
    label: '常委会会议',
    units: ['次'],
    cues: ['常委会会议', '常委会议', '常务委员会会议'],
    nouns: [/^次?常委会?会议/],
  },
  { key: 'meetings.chair', label: '主席会议', units: ['次'], cues: ['主席会议', '主席办公会'], nouns: [/^次?主席(办公)?会议/] },
  {
    key: 'meetings.director',
    goldLabels: ['主任会议(五年)'],
    label: '主任会议',
    units: ['次'],
    cues: ['主任会议'],
    nouns: [/^次?主任会议/],
  },
  { key: 'meetings.plenary', label: '全体会议', units: ['次'], cues: ['全体会议'], nouns: [/^次?全体会议/] },
  { key: 'meetings.study', label: '集体学习', units: ['次', '场'], cues: ['中心组', '集体学习', '专题学习'] },
  {
    key: 'training.sessions',
    label: '培训',
    units: ['期', '次', '场', '班'],
    notBodies: GOV,
    cues: ['培训', '读书班', '讲堂', '轮训'],
    nouns: [/^(期|次)?(培训|读书班)/],
  },
  { key: 'training.person_times', label: '培训人次', units: ['人次', '人', '名'], notBodies: GOV, cues: ['培训', '轮训'] },
  {
    key: 'members.count',
    label: '委员人数',
    units: ['名', '人', '位'],
    nouns: [/^(名|位)?委员/],
    weak: ['委员'],
    // 5位委员发言, 提出提案的委员165人, 将249名委员分组: members doing something, not the membership.
    needs: { words: /现有|共有|全体|总数|人数|届委员|委员会委员|委员共|有委员/, reason: '参与某项活动的委员，非委员总数' },
  },
  // 投入资金 and 培训 are the body's own work; in a 政府 report they are any of a hundred programmes.
  { key: 'funding.amount', label: '投入资金', units: MONEY, notBodies: GOV, cues: ['投入', '资金', '筹集'] },
  { key: 'donations.amount', label: '捐款捐物', units: MONEY, cues: ['捐款', '捐物', '捐赠', '捐资', '募集', '爱心'] },
  {
    key: 'platforms.count',
    label: '履职平台',
    units: ['个', '家', '处'],
    notBodies: GOV,
    cues: ['工作站', '工作室', '联络站', '委员之家'],
    nouns: ['工作站', '工作室', '联络站', '委员之家'],
  },
  {
    key: 'issues.resolved',
    label: '解决问题',
    units: ['个', '件', '项', '条'],
    cues: [/解决[^,，]*问题/],
    nouns: [/^(个|件)?[^,，]{0,4}问题(得到|全部|已)?(解决|化解)/],
  },
  {
    key: 'enterprise.problems_resolved',
    label: '解决企业问题',
    units: ['个', '件', '项', '条'],
    cues: [/企业反映/, /企业[^,，]{0,6}问题/],
  },
  // A 政府 report's 接待 counts visitors of museums and sights, not delegations received.
  { key: 'visits.received', label: '接待来访', units: ['批', '批次', '次', '人次', '个'], notBodies: GOV, cues: ['接待'] },
  {
    key: 'plenary.speeches',
    goldLabels: ['大会发言'],
    label: '大会发言',
    units: ['篇', '次', '个'],
    cues: ['大会发言'],
    nouns: ['大会发言'],
  },
  { key: 'publications.issues', label: '编发刊物', units: ['期'], cues: ['编发', '编印', '出版', '刊物', /《[^》]+》/] },
  { key: 'leaders.attendance', label: '出席活动', units: ['次'], cues: [/出席[^,，]*活动/] },
  // —— 人大 ——
  { key: 'opinions.deliberation', label: '审议意见', units: ['件', '条'], cues: ['审议意见'] },
  { key: 'reports.special_work', label: '专项工作报告', units: ['项', '个', '次'], cues: ['专项工作报告', '工作报告'] },
  // Laws are made by 人大; a 政府 report's 提请审议法规N件 are drafts it submitted (legislation.drafts).
  {
    key: 'legislation.laws',
    label: '法规',
    units: ['件', '部', '项'],
    bodies: ['人大'],
    cues: ['法规', '决定'],
    // 作出决定决议5项 are decisions, not laws; 制定地方性法规、决定17件 counts laws.
    needs: { words: /法规|法律/, reason: '决定或决议，非法规' },
  },
  {
    key: 'legislation.drafts',
    govHandles: true,
    label: '法规草案',
    units: ['件', '项', '部'],
    cues: ['草案', /提请[^,，]{0,16}审议/],
  },
  { key: 'legislation.passed', label: '通过法规', units: ['件', '项', '部'], cues: [/^[、，,]?通过$/] },
  {
    key: 'documents.reviewed',
    label: '规范性文件审查',
    units: ['件', '份'],
    cues: ['规范性文件', '备案审查'],
    needs: { words: /审查|备案/, reason: '文件的制定或废止，非审查' },
  },
  {
    key: 'appointments.person_times',
    goldLabels: ['任免国家机关工作人员(五年)'],
    label: '任免',
    units: ['人次', '名', '人'],
    cues: ['任免', '任命'],
  },
  { key: 'inquiries.special', label: '专题询问', units: ['次', '项'], cues: ['专题询问', '询问'] },
  {
    key: 'session.members_expected',
    goldLabels: ['应到委员', '应出席委员'],
    label: '应出席委员',
    units: ['人', '名'],
    cues: ['应出席', '应到'],
  },
  {
    key: 'session.members_present',
    goldLabels: ['实到委员', '实际到会'],
    label: '实到委员',
    units: ['人', '名'],
    cues: ['实到', '实际出席', '出席'],
  },
  // —— 政府 ——
  { key: 'economy.gdp_per_capita', label: '人均地区生产总值', units: MONEY, cues: [/人均(地区)?生产总值/, '人均GDP'] },
  {
    key: 'economy.gdp',
    display: 1,
    goldLabels: ['地区生产总值', '地区生产总值(预计)'],
    label: '地区生产总值',
    units: MONEY,
    cues: ['生产总值', 'GDP', '经济总量'],
    growth: 'economy.gdp_growth',
  },
  {
    key: 'fiscal.revenue',
    goldLabels: ['财政收入'],
    label: '财政收入',
    units: MONEY,
    cues: ['财政收入'],
    growth: 'fiscal.revenue_growth',
  },
  {
    key: 'fiscal.total_revenue',
    goldLabels: ['财政总收入'],
    label: '财政总收入',
    units: MONEY,
    cues: ['财政总收入'],
    growth: 'fiscal.total_revenue_growth',
  },
  { key: 'fiscal.revenue_three_level', label: '三级财政收入', units: MONEY, cues: ['三级财政收入'] },
  { key: 'fiscal.district_revenue', label: '区级财政收入', units: MONEY, cues: ['区级财政收入'] },
  {
    key: 'fiscal.general_budget_revenue',
    goldLabels: ['一般公共预算收入'],
    label: '一般公共预算收入',
    units: MONEY,
    cues: [/(一般)?公共(财政)?预算收入/, '一般预算收入'],
    growth: 'fiscal.general_budget_revenue_growth',
  },
  {
    key: 'fiscal.local_general_budget_revenue',
    label: '地方一般公共预算收入',
    units: MONEY,
    cues: [/地方(一般)?公共(财政)?预算收入/],
    growth: 'fiscal.local_general_budget_revenue_growth',
  },
  {
    key: 'investment.fixed_assets',
    goldLabels: ['固定资产投资'],
    label: '固定资产投资',
    units: MONEY,
    cues: ['固定资产投资'],
    growth: 'investment.fixed_assets_growth',
  },
  {
    key: 'investment.attracted',
    label: '招商引资',
    units: MONEY,
    cues: ['招商引资', '引进资金', '到位资金'],
    growth: 'investment.attracted_growth',
  },
  { key: 'investment.promotion_trips', label: '招商考察', units: ['次'], cues: [/招商(考察|活动)/] },
  { key: 'projects.key_investment', label: '重点项目投资', units: MONEY, cues: [/项目[^,，]{0,8}投资/] },
  {
    key: 'projects.key',
    label: '重点项目',
    units: ['个', '项'],
    cues: ['重点项目'],
    nouns: [/^(个|项)?(省市)?(重点|重大)项目/],
    weak: ['项目'],
    weakReason: '某类项目，非重点项目',
  },
  { key: 'projects.signed', label: '签约项目', units: ['个', '项'], cues: [/签约[^,，]*项目/, '签约'] },
  {
    key: 'consumption.retail_sales',
    goldLabels: ['社会消费品零售总额'],
    label: '社会消费品零售总额',
    units: MONEY,
    // 零售额 alone is a part (限上单位网上零售额, 仓储会员店零售额).
    cues: ['零售总额', /消费品零售额/],
    growth: 'consumption.retail_sales_growth',
  },
  {
    key: 'income.urban_per_capita',
    goldLabels: ['城镇居民人均可支配收入'],
    label: '城镇居民人均可支配收入',
    units: MONEY,
    cues: [/城[镇市][^,，]{0,8}可支配收入/],
    growth: 'income.urban_per_capita_growth',
  },
  {
    key: 'income.rural_per_capita',
    goldLabels: ['农村居民人均可支配收入'],
    label: '农村居民人均可支配收入',
    units: MONEY,
    cues: [/农[村民][^,，]{0,8}可支配收入/, '农民人均纯收入'],
    growth: 'income.rural_per_capita_growth',
  },
  {
    key: 'income.per_capita',
    label: '居民人均可支配收入',
    units: MONEY,
    cues: ['可支配收入'],
    growth: 'income.per_capita_growth',
  },
  { key: 'employment.urban_new', label: '城镇新增就业', units: ['人'], cues: [/新增(城镇)?就业/, '城镇新增就业'] },
  { key: 'employment.placed', label: '安置就业', units: ['人'], cues: ['安置'] },
  {
    key: 'trade.imports_exports',
    label: '进出口总额',
    units: MONEY,
    cues: [/进出口(总额|总值)?/],
    growth: 'trade.imports_exports_growth',
  },
  {
    key: 'trade.goods',
    label: '货物进出口总额',
    units: MONEY,
    cues: [/货物(贸易)?进出口(总额|总值)?/],
    growth: 'trade.goods_growth',
  },
  {
    key: 'industry.value_added_above_scale',
    label: '规模以上工业增加值',
    units: MONEY,
    cues: [/规(模以)?上工业增加值/],
    growth: 'industry.value_added_growth',
  },
  {
    key: 'enterprise.new_entities',
    label: '新登记经营主体',
    units: ['户', '家', '个'],
    cues: [/(经营|市场)主体/],
    needs: { words: /新增|新设|新登记|净增|新注册|新发展/, reason: '经营主体总量或某类主体，非新登记数' },
  },
  {
    key: 'enterprise.new_above_scale',
    label: '新增规上企业',
    units: ['户', '家', '个'],
    cues: [/新增[^,，]{0,6}(规上|五上|四上|规模以上)企业/],
  },
  { key: 'tourism.inbound_visitors', label: '入境游客', units: ['人次', '人'], cues: ['入境游客', '入境旅游'] },
  { key: 'tourism.visitors', label: '接待游客', units: ['人次', '人'], cues: ['游客', '接待游客'] },
] as const satisfies readonly KeyDef[];

/**
 * A canonical metric key of the table, growth keys included. Key strings in other files are typed by it,
 * so a key that is not in the table does not compile.
 */
export type MetricKey = (typeof BASE)[number]['key'] | Extract<(typeof BASE)[number], { growth: string }>['growth'];

/**
 * The work of a 政协 or 人大 body itself: in a 政府 report these words (调研, 协商, 意见建议, 委员, 常委会会议 …)
 * count what 人大代表 and 政协委员 did for the government, or nothing of the kind, never the government's own work.
 */
const BODY_WORK: ReadonlySet<string> = new Set<MetricKey>([
  'suggestions.reports',
  'suggestions.items',
  'research.reports',
  'research.events',
  'inspections.events',
  'consultations.special',
  'consultations.events',
  'consultations.grassroots_events',
  'consultations.plan_items',
  'oversight.events',
  'social_info.items',
  'instructions.count',
  'media.reports',
  'meetings.party_group',
  'meetings.standing_committee',
  'meetings.chair',
  'meetings.plenary',
  'meetings.study',
  'members.count',
  'plenary.speeches',
  'publications.issues',
  'leaders.attendance',
]);
const DEFS: readonly KeyDef[] = (BASE as readonly KeyDef[]).map((d) =>
  BODY_WORK.has(d.key) ? { ...d, notBodies: [...new Set([...(d.notBodies ?? []), ...GOV])] } : d,
);

/** Growth-rate keys are derived from their base key (label + 增速, unit %); a leading figure's growth follows it. */
const GROWTH: KeyDef[] = DEFS.filter((d) => d.growth).map((d) => ({
  key: d.growth!,
  label: `${d.label}增速`,
  units: ['%', '个百分点'],
  ...(d.display === undefined ? {} : { display: d.display + 0.5 }),
}));

/** Every key, in table order. */
export const KEYS: KeyDef[] = [...DEFS, ...GROWTH];

/** Key → definition. */
export const KEY_BY_NAME: ReadonlyMap<string, KeyDef> = new Map(KEYS.map((d) => [d.key, d]));

/** Base key of a growth key (economy.gdp_growth → economy.gdp). */
export const BASE_OF_GROWTH: ReadonlyMap<string, string> = new Map(DEFS.filter((d) => d.growth).map((d) => [d.growth!, d.key]));

/** Label for a key, 其他 for unknown ones. */
export function labelOf(key: string): string {
  return KEY_BY_NAME.get(key)?.label ?? '其他';
}

/** Every key's labels in the dev corpus's gold (eval only), normalized to ASCII parentheses. */
export const GOLD_LABELS: ReadonlyMap<string, string> = new Map(KEYS.flatMap((d) => (d.goldLabels ?? []).map((l) => [l, d.key])));

/** Totals and the keys that are parts of them (委员提案, 集体提案 … of 收到提案), in table order. */
export const PARTS_OF: ReadonlyMap<string, readonly string[]> = KEYS.reduce((m, d) => {
  if (d.partOf) m.set(d.partOf, [...(m.get(d.partOf) ?? []), d.key]);
  return m;
}, new Map<string, string[]>());

/** The family of a key: the part before the dot (proposals.filed → proposals). */
export type MetricFamily = MetricKey extends `${infer F}.${string}` ? F : never;

/** Whether `key` is of `family` (typed: a misspelt family does not compile). */
export function inFamily(key: string, family: MetricFamily): boolean {
  return key.startsWith(`${family}.`);
}

/**
 * Families in the order /report and the weekly digest show them (提案, then 协商, 调研, 社情民意, 视察, 批示 …); a
 * 人大 or 政府 report's own families follow. Within a family, the keys with `display` lead.
 */
export const FAMILY_ORDER = [
  'proposals',
  'consultations',
  'research',
  'social_info',
  'inspections',
  'instructions',
  'suggestions',
  'oversight',
  'inquiries',
  'legislation',
  'npc_suggestions',
  'cppcc_proposals',
  'economy',
  'fiscal',
  'income',
  'investment',
  'consumption',
  'trade',
  'industry',
  'employment',
  'enterprise',
  'projects',
] as const satisfies readonly MetricFamily[];

/**
 * Rates the text states and the counts they are the ratio of (办复率 = 办复 / 立案). Order matters: readings are
 * settled from the outer total inward (立案 against 收到 before 办复 against 立案).
 */
export const RATIOS = [
  { rate: 'proposals.filing_rate', num: 'proposals.filed', den: 'proposals.received' },
  { rate: 'proposals.answer_rate', num: 'proposals.answered', den: 'proposals.filed' },
] as const satisfies readonly { rate: MetricKey; num: MetricKey; den: MetricKey }[];

/** Counts that must hold an order: [larger, smaller, reason a failing figure is flagged with, which side fails]. */
export const COUNT_ORDERS = [
  { big: 'proposals.received', small: 'proposals.filed', reason: '收到少于立案', fails: 'big' },
  { big: 'proposals.filed', small: 'proposals.answered', reason: '办复多于立案', fails: 'small' },
] as const satisfies readonly { big: MetricKey; small: MetricKey; reason: string; fails: 'big' | 'small' }[];

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
