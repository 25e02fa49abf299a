/**
 * Precision checks on one figure's wording: each returns a Chinese reason the figure is not what its key's
 * label says (a threshold, a start value, a target, a change in membership, a sub-count …). A flagged fact is
 * kept but never headline.
 */
import type { KeyDef } from './registry/key-def.js';
import { inFamily, KEY_BY_NAME, type MetricFamily, type MetricKey } from './registry/keys.js';
import type { Mention } from './number-grammar.js';
import { clauseStart } from './clauses.js';

const THRESHOLD_BEFORE = /(突破|迈上|迈入|跨越|跨上|跃上|站上|越过)[^,，。]{0,8}$/;
const THRESHOLD_AFTER = /^[^,，。]{0,2}(大关|台阶|关口)/;
const FROM_BEFORE = /[从由]$/;
const FROM_AFTER = /^(提高|提升|增加|增长|扩大|上升|下降|减少|降低|跃升|跃居|增|升|降|扩)?(到|至)/;
/** 从2021年的46503元和16935元分别提高到…: 从 earlier in the clause, 到/至 after the figure in the same clause. */
const FROM_OPEN = /[从由][^,，到至]{0,14}$/;
const FROM_CLOSE = /^[^,，到至]{0,16}(提高|提升|增加|增长|扩大|上升|下降|减少|降低|跃升|增|升|降)(到|至)/;
/** 年均增长6%, 年均超过70万人: an average over several years, not one year's figure. */
const AVERAGE = /年均|年平均|平均每年|每年平均/;
/** 高于全国0.2个百分点, 比全省快1.2个百分点: a gap to another place, not the figure itself. */
const COMPARED = /(高于|低于|快于|慢于|超出|领先|比)[^,，]{0,4}(全国|全省|全市|全区|全州|平均|同期|预期)[^,，]{0,6}$/;
/** Families of economic totals, which narrowing words before the cue (外贸, 限上, 民间) make one kind of. */
const TOTAL_FAMILIES: readonly MetricFamily[] = ['trade', 'consumption', 'enterprise', 'investment', 'income'];
/** Narrowing words right before a total's cue: one kind of trade, retail or enterprise, not the total. */
const NARROWED =
  /(跨境电商|服务|服务贸易|加工贸易|一般贸易|限上|限额以上|网上|网络|民营|外资|外商|涉旅|商贸|对[^,，、]{1,12}(国家|地区)|脱贫地区|脱贫县|贫困地区|贫困县)[^,，、]{0,2}$/;
/** 7个重大项目纳入…规划: projects put on a plan or list, not projects carried out. */
const LISTED_IN_PLAN = /^[^,，。；;]{0,8}(纳入|列入|入选|进入)[^,，。；;]{0,24}(规划|计划|名单|项目库|储备库|清单)/;
/** “四个十大”项目: the projects of one named programme, not all (key) projects. */
const NAMED_PROGRAMME = /[”」』]项目[^,，、]{0,4}$/;
/** 扣除房地产开发投资后: a figure on a narrowed basis. */
const EXCLUDING = /扣除[^,，]{1,16}后/;
/** 企业数量增长7%, 签约项目数与合同额分别增长: the growth of a count of things, not of the named total. */
const COUNT_GROWTH = /(数量|个数|户数|家数|人数|项目数|企业数)/;
/** 压减资金, 节约财政资金: money saved or cut, not money put in. */
const SAVED = /(压减|节约|节省|减少|追回|退税|减税)[^,，]{0,6}$/;
/** 相关报道总点击量超610亿次: views of reports, not reports. */
const VIEWS = /(点击|阅读|浏览|播放|转发)量?/;
/** 等6件提案, 两次重要讲话: the noun after the figure says what it counts. */
const OTHER_NOUN_AFTER = /^(提案|(重要)?讲话|(重要)?指示)/;
/** 转为意见建议60件: proposals converted to another kind, not that kind raised. */
const CONVERTED = /(转为|转成|转作|转交)$/;
/** 推介重大项目总投资约2350亿元: a project's total (planned) investment, not investment done. */
const PLANNED_INVESTMENT = /总投资/;
const DONE_INVESTMENT = /完成|实际|累计完成|到位/;
/** A subject that names parties or groups: their figures are a part of the body's (各民主党派省委…提交提案81件). */
const GROUP_AGENT = /(民主党派|工商联|人民团体|党派团体)[^,，]{0,8}(共|先后|累计|积极)?(承担|提交|提出|报送|开展|撰写|参与|完成)/;
const TARGET = /(目标|力争|争取|确保|奋斗|要达到|将达到|计划)/;
const MEMBER_CHANGE = /(辞去|撤销|增补|免去|暂停|调整|退出|补选|递补)/;
/** Words between a meeting cue and its number that make the count something else (发言, 宣讲 by its members). */
const NOT_MEETINGS = /(发言|宣讲|成员|调研|视察|走访|讲话|参加|出席)/;
/** 专题议政性常委会会议3次: a kind of meeting, not all of them. */
const KIND_OF_MEETING = /(专题|议政性|月度|双月|季度|重点|界别)$/;
/** Category words in front of a proposal count: the count is one kind, not the total. */
const SUB_COUNT = /((方面|类|党派|团体|界别|专委会|专门委员会|工商联|个人|联名|集体|重点|平时)的?提案|其中)/;

/** What a check needs about one classified figure. */
export interface CheckInput {
  key: string;
  /** The rule that gave the key (`cue:…`, `weak:…`, `noun:…`). */
  rule: string;
  cue: string;
  sentence: string;
  mention: Mention;
  /** Start of the words that belong to this figure in the sentence. */
  windowStart: number;
}

/** Reasons (Chinese) the figure's wording makes it unfit as a headline value; empty when none. */
export function wordingFlags(x: CheckInput): string[] {
  const { key, sentence, mention: m } = x;
  const out: string[] = [];
  const clause = sentence.slice(clauseStart(sentence, m.start), m.start);
  const after = sentence.slice(m.unitEnd, m.unitEnd + 12);
  const own = sentence.slice(x.windowStart, m.start);
  if (/^突破/.test(m.raw) || THRESHOLD_BEFORE.test(clause) || THRESHOLD_AFTER.test(after))
    out.push('门槛值（突破/迈上），非实际数');
  if (FROM_BEFORE.test(sentence.slice(0, m.start)) && FROM_AFTER.test(after)) out.push('起始值（从X到Y），非当前数');
  if (FROM_OPEN.test(clause) && FROM_CLOSE.test(sentence.slice(m.unitEnd))) out.push('起始值（从X到Y），非当前数');
  if (TARGET.test(clause)) out.push('目标或口号，非实绩');
  if (AVERAGE.test(clause)) out.push('年均值，非当年数');
  if (m.approx === 'at-least' && !out.includes('门槛值（突破/迈上），非实际数')) out.push('下限（超过/逾），非确数');
  if (isRate(m.unit) && COMPARED.test(own)) out.push('与他处比较的差值，非本地数');
  if (m.unit === '个百分点' && KEY_BY_NAME.get(key)?.units.includes('个百分点') && /_growth$/.test(key))
    out.push('百分点变化，非增速');
  const def = KEY_BY_NAME.get(key);
  const cueAt = x.cue ? own.lastIndexOf(x.cue) : -1;
  const beforeCue = cueAt >= 0 ? own.slice(0, cueAt).replace(/^[、,，\s]+/, '') : '';
  const base = key.replace(/_growth$/, '');
  if (TOTAL_FAMILIES.some((f) => inFamily(base, f)) && (NARROWED.test(beforeCue) || EXCLUDING.test(sentence.slice(0, m.start))))
    out.push('某一类口径，非总量');
  if (x.rule === 'growth' && cueAt >= 0 && COUNT_GROWTH.test(own.slice(cueAt + x.cue.length)))
    out.push('数量的增速，非该指标增速');
  if (is(key, 'funding.amount') && SAVED.test(cueAt >= 0 ? own.slice(0, cueAt) : own)) out.push('压减或节约的资金，非投入');
  if (is(key, 'media.reports') && VIEWS.test(own + after.slice(0, 4))) out.push('点击或阅读量，非报道数');
  if (!inFamily(key, 'proposals') && OTHER_NOUN_AFTER.test(after)) out.push('数的是另一事物');
  if (cueAt >= 0 && CONVERTED.test(beforeCue)) out.push('转办件数，非该类件数');
  if (is(key, 'projects.key_investment') && PLANNED_INVESTMENT.test(own) && !DONE_INVESTMENT.test(own))
    out.push('项目总投资（计划），非完成投资');
  if (inFamily(key, 'projects') && LISTED_IN_PLAN.test(sentence.slice(m.unitEnd, m.unitEnd + 40)))
    out.push('列入规划或名单，非实施数');
  if (inFamily(key, 'projects') && x.cue && NAMED_PROGRAMME.test(beforeCue + x.cue)) out.push('某一专项的项目，非总量');
  if (GROUP_AGENT.test(sentence.slice(0, m.start))) out.push('党派团体的数字，非本机构总数');
  // 专项视察、执法检查、专题询问32次; 征集需求、建议220余个: one figure for several kinds. Items that are this key's
  // own cues (制定地方性法规、决定17件) are one kind; lists of proposers (党派、团体…集体提案) or of leaders who signed (书记、市长批示) name who, not what.
  const item = /([^、,，]{1,10})、[^、,，]{0,6}$/.exec(beforeCue)?.[1];
  if (item && def && !def.byOthers && !inFamily(key, 'proposals') && !cueIn(def, item)) out.push('多类合计，非单类数');
  if (def?.weakReason && x.rule.startsWith('weak:')) out.push(def.weakReason);
  if (is(key, 'members.count') && (MEMBER_CHANGE.test(clause) || /^[^,，]{0,4}职务/.test(after)))
    out.push('委员变动，非委员人数');
  if (inFamily(key, 'meetings') && KIND_OF_MEETING.test(beforeCue)) out.push('某一类会议，非会议总数');
  if (inFamily(key, 'meetings') && x.cue) {
    const at = own.lastIndexOf(x.cue);
    const gap = at >= 0 ? own.slice(at + x.cue.length) : own;
    if (NOT_MEETINGS.test(gap)) out.push('发言或活动次数，非会议次数');
  }
  if (def?.total && SUB_COUNT.test(clause)) out.push('分类小计，非总数');
  if ((m.unit === '%' && m.value > 100 && /_rate$/.test(key)) || m.value < 0) out.push('比率超过100%');
  // A more specific reason already found says it better (辞去委员30名 is a change, not just members doing something).
  if (def?.needs && !out.length) {
    const scope = def.needs.in === 'sentence' ? sentence.slice(0, m.start) : clause;
    if (!def.needs.words.test(scope)) out.push(def.needs.reason);
  }
  return [...new Set(out)];
}

/** Whether `key` is the registry key `k`: wording rules of one key name it typed, so a misspelt key does not compile. */
function is(key: string, k: MetricKey): boolean {
  return key === k;
}

/** Whether any strong or weak cue of the key occurs in `text`. */
function cueIn(def: KeyDef, text: string): boolean {
  return [...(def.cues ?? []), ...(def.weak ?? [])].some((c) => (typeof c === 'string' ? text.includes(c) : c.test(text)));
}

function isRate(unit: string): boolean {
  return unit === '%' || unit === '个百分点';
}
