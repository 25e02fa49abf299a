import { describe, expect, it } from 'vitest';
import type { ReportBody } from '../../../src/domain/report.js';
import { classifySentence } from '../../../src/ingest/metrics/classify.js';
import { findMentions } from '../../../src/ingest/metrics/number-grammar.js';

const keysOf = (sentence: string, body: ReportBody | null = '政协') =>
  classifySentence(sentence, findMentions(sentence), body).map((a) => `${a.mention.value}:${a.key}`);

/** Sentences in real report phrasing (comma style mixed on purpose) → value:key per assignment, in order. */
const CASES: [string, ReportBody | null, string[]][] = [
  ['召开党组会议28次、党组理论学习中心组集体学习会议14次', '政协', ['28:meetings.party_group', '14:meetings.study']],
  [
    '提案面商率、办复率、回访率、委员满意率均为100%',
    '政协',
    [
      '100:proposals.face_to_face_rate',
      '100:proposals.answer_rate',
      '100:proposals.revisit_rate',
      '100:proposals.satisfaction_rate',
    ],
  ],
  ['财政总收入、公共预算收入分别完成6.1亿元、3.6亿元', '政府', ['6.1:fiscal.total_revenue', '3.6:fiscal.general_budget_revenue']],
  ['立案78件、并案6件,实际立案72件', '政协', ['78:proposals.filed', '6:proposals.merged', '72:proposals.filed']],
  ['办理委员提案620件', '政协', ['620:proposals.answered']],
  ['委员提案302件', '政协', ['302:proposals.member']],
  ['其中集体提案46件、委员提案302件', '政协', ['46:proposals.collective', '302:proposals.member']],
  ['3篇调研报告获省政协评选一等奖', '政协', ['3:research.reports']],
  ['加强古民居保护等5件重点提案', '政协', ['5:proposals.key']],
  ['79件(系列)提案被确定为省领导牵头督办重点提案', '政协', ['79:proposals.key']],
  ['共立案并办结委员提案196件', '政协', ['196:proposals.answered', '196:proposals.filed']],
  ['提出涉及民生类提案82件,占提案总数59.4%', '政协', ['82:proposals.livelihood', '59.4:proposals.livelihood_share']],
  [
    '经审查立案交办4372件,占征集总量的87%',
    '政协',
    ['4372:proposals.filed', '87:proposals.filing_share', '87:proposals.filing_rate'],
  ],
  ['以提案形式立案交办委员建议138件', '政协', ['138:proposals.filed']],
  ['所提建议被采纳85件', '政协', ['85:proposals.adopted']],
  ['共收到提案线索材料202件', '政协', ['202:proposals.received']],
  ['开展13场“请你来协商”活动', '政协', ['13:consultations.events']],
  ['开展1435场次小微协商活动', '政协', ['1435:consultations.grassroots_events']],
  ['组织视察活动51次、专题协商93次', '政协', ['51:inspections.events', '93:consultations.special']],
  ['圆满完成23项年度政协协商计划', '政协', ['23:consultations.plan_items']],
  ['推动解决群众“急难愁盼”问题2758个', '政协', ['2758:issues.resolved']],
  ['委员捐款捐物近330万元', '政协', ['330:donations.amount']],
  ['接待外地政协来钟学习考察16批次', '政协', ['16:visits.received']],
  ['向市委市政府报送7件政协建议案', '政协', ['7:suggestions.reports']],
  ['提出意见建议164条', '政协', ['164:suggestions.items']],
  ['转为社情民意信息和意见建议32件', '政协', ['32:proposals.to_social_info']],
  ['办理市政协提案1309件', '政府', ['1309:cppcc_proposals.handled']],
  ['办理市人大代表议案5项、建议877件', '政府', ['5:other', '877:npc_suggestions.handled']],
  ['地区生产总值1360亿元,增长9.4%', '政府', ['1360:economy.gdp', '9.4:economy.gdp_growth']],
  ['全县地区生产总值增长12.6%达92.9亿元', '政府', ['12.6:economy.gdp_growth', '92.9:economy.gdp']],
  ['一般公共预算支出增长3.5%达19.4亿元', '政府', ['3.5:other', '19.4:other']],
  [
    '城乡居民人均可支配收入分别增长6%、7.4%,分别达43366元、17000元',
    '政府',
    [
      '6:income.urban_per_capita_growth',
      '7.4:income.rural_per_capita_growth',
      '43366:income.urban_per_capita',
      '17000:income.rural_per_capita',
    ],
  ],
  ['货物进出口总额9.5万亿元', '政府', ['9.5:trade.goods']],
  ['新增“五上”企业62户', '政府', ['62:enterprise.new_above_scale']],
  ['应出席委员272人,实到255人', '政协', ['272:session.members_expected', '255:session.members_present']],
  ['督办代表建议办理131件', '人大', ['131:suggestions.items']],
  ['提出各类审议意见16件63条', '人大', ['16:opinions.deliberation', '63:opinions.deliberation']],
  ['审议法规草案20项,通过14项', '人大', ['20:legislation.drafts', '14:legislation.passed']],
  ['开展12部法律法规执法检查', '人大', ['12:inspections.law_enforcement']],
  ['编发《资政文史》38期', '政协', ['38:publications.issues']],
  ['建设委员工作站(联络站)、界别委员工作室等78个', '政协', ['78:platforms.count']],
  ['组织了一些叫不出名字的事情5件', '政协', ['5:other']],
];

describe('classifySentence', () => {
  for (const [sentence, body, want] of CASES) it(`${body}: ${sentence}`, () => expect(keysOf(sentence, body)).toEqual(want));

  it('marks the preferred reading (实际立案) and weak readings (提案 alone)', () => {
    const s = '立案78件,实际立案72件';
    const a = classifySentence(s, findMentions(s), '政协');
    expect(a.map((x) => x.preferred)).toEqual([false, true]);
    const w = '政协专门委员会提案22件,小组提案5件,某某提案3件';
    const b = classifySentence(w, findMentions(w), '政协');
    expect(b.map((x) => `${x.key}:${x.weak}`)).toEqual([
      'proposals.committee:true',
      'proposals.group:true',
      'proposals.received:true',
    ]);
  });
});
