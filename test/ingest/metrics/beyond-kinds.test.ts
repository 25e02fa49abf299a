import { describe, expect, it } from 'vitest';
import type { ReportMeta, ReportOutline } from '../../../src/domain/report.js';
import { extractMetrics } from '../../../src/ingest/metrics/index.js';

// The wrong kinds found reading every beyond-gold headline fact (src/eval/beyond-gold-review.tsv): each rule is
// about the wording, tested on sentences of its own, not on the report it was found in.
const GOV: ReportMeta = {
  title: null,
  body: '政府',
  kind: null,
  year: 2024,
  period: 'year',
  deliveredOn: null,
  speaker: null,
  session: null,
  region: { name: '某某省', short: '某某', level: '省', tier: '省级', province: '某某省', parent: null, code: '000000' },
};
const CPPCC: ReportMeta = {
  ...GOV,
  body: '政协',
  region: { name: '某某县', short: '某某', level: '县', tier: '县级', province: '某某省', parent: '某某市', code: '000001' },
};
const NO_OUTLINE: ReportOutline = { parts: [], sections: [] };
const gov = (text: string) => extractMetrics(text, NO_OUTLINE, GOV);
const cppcc = (text: string) => extractMetrics(text, NO_OUTLINE, CPPCC);
const flags = (r: ReturnType<typeof gov>, value: number) => r.metrics.filter((m) => m.value === value).flatMap((m) => m.flags);

describe('averages, running totals and lower bounds are not the year’s figure', () => {
  it('年均 (a yearly average over a term) never headlines, for counts and growth rates', () => {
    const r = gov('城镇新增就业年均65万人,居民人均可支配收入年均增长6.2%。');
    expect(r.headline['employment.urban_new']).toBeUndefined();
    expect(r.headline['income.per_capita_growth']).toBeUndefined();
    expect(flags(r, 65)).toContain('年均值，非当年数');
  });

  it('超过/逾 is a lower bound, not the figure', () => {
    const r = gov('社会消费品零售总额超过2.3万亿元。');
    expect(r.headline['consumption.retail_sales']).toBeUndefined();
    expect(flags(r, 2.3)).toContain('下限（超过/逾），非确数');
  });

  it('累计 without a one-year frame is a running total; 全年累计 stays the year’s', () => {
    expect(gov('累计接待游客12.5亿人次。').metrics.find((m) => m.value === 12.5)?.period).toBe('cumulative');
    expect(gov('全年累计接待游客2.5亿人次。').metrics.find((m) => m.value === 2.5)?.period).toBe('year');
    expect(gov('这是开放合作成果丰硕的五年。实现进出口总额2.4万亿元。').headline['trade.imports_exports']?.period).toBe('term');
  });

  it('从X到Y: with the start given as 从YYYY年的X and Y…, X is the start value', () => {
    const r = gov('城乡居民人均可支配收入从2020年的41000元和15000元分别提高到52000元和21000元。');
    expect(r.headline['income.urban_per_capita']?.value).toBe(52000);
    expect(r.headline['income.rural_per_capita']?.value).toBe(21000);
    expect(flags(r, 41000)).toContain('起始值（从X到Y），非当前数');
    expect(gov('人均地区生产总值从4.2万元增至6.1万元。').headline['economy.gdp_per_capita']?.value).toBe(6.1);
  });
});

describe('comparisons, parts and other places', () => {
  it('a gap to the national rate is not a growth rate', () => {
    const r = gov('社会消费品零售总额增幅高于全国0.6个百分点。');
    expect(r.headline['consumption.retail_sales_growth']).toBeUndefined();
    expect(flags(r, 0.6)).toContain('与他处比较的差值，非本地数');
  });

  it('one kind of trade, retail or enterprise is not the total', () => {
    expect(gov('跨境电商进出口增长21.5%。').headline['trade.imports_exports_growth']).toBeUndefined();
    expect(gov('服务进出口总额增长12.1%。').headline['trade.imports_exports_growth']).toBeUndefined();
    expect(gov('对共建“一带一路”国家进出口增长9%。').headline['trade.imports_exports_growth']).toBeUndefined();
    expect(gov('限上单位网上零售额增长18.1%。').headline['consumption.retail_sales_growth']).toBeUndefined();
    expect(gov('全年新设民营经营主体12.4万户。').headline['enterprise.new_entities']).toBeUndefined();
    expect(gov('扣除房地产开发投资后,固定资产投资增长3.1%。').headline['investment.fixed_assets_growth']).toBeUndefined();
    expect(gov('全年新设经营主体12.4万户。').headline['enterprise.new_entities']?.value).toBe(12.4);
  });

  it('the growth of a count of things is not the growth of the named total', () => {
    expect(gov('有进出口实绩的企业数量增长5%。').headline['trade.imports_exports_growth']).toBeUndefined();
    expect(gov('招商引资签约项目数与合同额分别增长12.1%、9.1%。').headline['investment.attracted_growth']).toBeUndefined();
  });

  it('a region’s poorer part is not the region (脱贫县农村居民人均可支配收入)', () => {
    expect(gov('脱贫地区农村居民人均可支配收入增长7.1%。').headline['income.rural_per_capita_growth']).toBeUndefined();
    expect(gov('农村居民人均可支配收入增长6.1%。').headline['income.rural_per_capita_growth']?.value).toBe(6.1);
  });

  it('a stock of enterprises is not the new ones', () => {
    const r = gov('实有经营主体512.3万户。');
    expect(r.headline['enterprise.new_entities']).toBeUndefined();
    expect(flags(r, 512.3)).toContain('经营主体总量或某类主体，非新登记数');
  });

  it('figures of two places together are not the region’s', () => {
    expect(gov('两地每年互访游客3000万人次。').headline['tourism.visitors']).toBeUndefined();
    expect(gov('实施两省共建重点项目210个。').headline['projects.key']).toBeUndefined();
  });

  it('a project’s total investment is planned, not done', () => {
    expect(gov('面向民间资本推介重大项目总投资1200亿元。').headline['projects.key_investment']).toBeUndefined();
    expect(gov('省重大项目完成投资3100亿元。').headline['projects.key_investment']?.value).toBe(3100);
  });

  it('城镇和农村 … 分别 is a split list; bare rates after a split list follow it again', () => {
    const a = gov('城镇和农村常住居民人均可支配收入分别增长3.1%和5.2%。');
    expect(a.headline['income.urban_per_capita_growth']?.value).toBe(3.1);
    expect(a.headline['income.rural_per_capita_growth']?.value).toBe(5.2);
    const b = gov('城乡居民人均可支配收入分别达5.1万元、2.2万元,增长4.1%、6.3%。');
    expect(b.headline['income.urban_per_capita_growth']?.value).toBe(4.1);
    expect(b.headline['income.rural_per_capita_growth']?.value).toBe(6.3);
  });
});

describe('the government’s words for other bodies’ work', () => {
  it('提请审议法规N件 are drafts the government submitted, not laws', () => {
    const r = gov('提请省人大常委会审议地方性法规12件,办理人大代表建议800件、政协提案900件。');
    expect(r.headline['legislation.laws']).toBeUndefined();
    expect(r.headline['legislation.drafts']?.value).toBe(12);
    expect(r.headline['npc_suggestions.handled']?.value).toBe(800);
    expect(r.headline['cppcc_proposals.handled']?.value).toBe(900);
  });

  it('in a 政府 report 调研, 意见建议, 接待, 培训, 投入资金 and 工作站 are not the body-work keys', () => {
    const r = gov('各级博物馆接待观众3200万人次,开展职业技能培训52万人次,投入安全生产资金80亿元,新认定院士工作站4家。');
    for (const k of ['visits.received', 'training.person_times', 'funding.amount', 'platforms.count'])
      expect(r.headline[k]).toBeUndefined();
    expect(gov('人大代表、政协委员累计提出意见建议1800件。').headline['suggestions.items']).toBeUndefined();
  });

  it('a 办结率 of anything but proposals is not the proposal answer rate', () => {
    expect(gov('受理行政审批事项3.2万件,按时办结率达100%。').headline['cppcc_proposals.answer_rate']).toBeUndefined();
    expect(gov('办理政协提案495件,办复率达100%。').headline['cppcc_proposals.answer_rate']?.value).toBe(100);
  });
});

describe('政协 and 人大 counts of the wrong kind', () => {
  it('members doing something are not the membership', () => {
    for (const s of ['会上,6位委员分别发言。', '提出提案的政协委员有172人。', '将230名委员分组进驻委员工作站。'])
      expect(cppcc(s).headline['members.count']).toBeUndefined();
    expect(cppcc('本届政协现有委员231名。').headline['members.count']?.value).toBe(231);
  });

  it('one figure for several kinds is not one kind’s count', () => {
    const people = extractMetrics('开展专项视察、执法检查、专题询问18次。', NO_OUTLINE, { ...CPPCC, body: '人大' });
    expect(people.headline['inquiries.special']).toBeUndefined();
    expect(cppcc('征集需求、建议150余个。').headline['suggestions.items']).toBeUndefined();
    expect(cppcc('全年开展对口协商、界别协商15次。').headline['consultations.events']).toBeUndefined();
  });

  it('a kind of meeting is not all meetings; an ordinal meeting name is no count', () => {
    expect(cppcc('全年共举行专题议政性常委会会议4次。').headline['meetings.standing_committee']).toBeUndefined();
    expect(cppcc('县政协十二次常委会议就乡村振兴进行了专题协商。').headline['meetings.standing_committee']).toBeUndefined();
    expect(cppcc('全年召开常委会会议6次。').headline['meetings.standing_committee']?.value).toBe(6);
  });

  it('figures whose subject is the parties and groups are theirs, not the body’s total', () => {
    const r = cppcc('一年来,各民主党派县委、县工商联共承担专题调研任务6项,提交提案52件,报送社情民意信息310条。');
    for (const k of ['research.events', 'proposals.received', 'social_info.items']) expect(r.headline[k]).toBeUndefined();
  });

  it('立案N件，占提案总数的X% is the filing rate as well as the filed share', () => {
    const r = cppcc('共收到提案400件,经审查立案360件,占提案总数的90%。');
    expect(r.headline['proposals.filing_rate']?.value).toBe(90);
    expect(r.headline['proposals.filing_share']?.value).toBe(90);
  });

  it('three kinds of proposers or more name the collective total', () => {
    const r = cppcc('各民主党派、工商联、人民团体和专委会、界别、委员小组提案112件。');
    expect(r.headline['proposals.collective']?.value).toBe(112);
    expect(r.headline['proposals.group']).toBeUndefined();
  });

  it('the noun after a figure says what it counts; 转为 counts converted proposals', () => {
    expect(cppcc('关于打造示范区的建议等5件提案为重点提案。').headline['suggestions.items']).toBeUndefined();
    expect(cppcc('立案310件,转为意见建议41件。').headline['suggestions.items']).toBeUndefined();
  });

  it('weak 项目 alone is not a 重点项目, nor is a figure continuing it', () => {
    const r = gov('盘活停缓建项目45个,12个获评典型案例。');
    expect(r.headline['projects.key']).toBeUndefined();
    expect(gov('实施重点项目150个。').headline['projects.key']?.value).toBe(150);
  });

  it('作出决定决议 are decisions, not laws; 法规、决定 together count laws', () => {
    const npc = { ...CPPCC, body: '人大' as const };
    expect(extractMetrics('作出相关决定决议6项。', NO_OUTLINE, npc).headline['legislation.laws']).toBeUndefined();
    expect(extractMetrics('制定地方性法规、决定12件。', NO_OUTLINE, npc).headline['legislation.laws']?.value).toBe(12);
  });
});

describe('evidence', () => {
  it('every headline fact’s first evidence line contains its number as written', () => {
    const r = gov('全年地区生产总值2.15万亿元、增长5.5%,规上工业增加值增长7.7%。\n城镇新增就业48.81万人。');
    for (const f of Object.values(r.headline)) {
      expect(f.flags).not.toContain('证据不含该数字');
      expect(f.evidence.split('\n')[0]).toContain(String(f.value));
    }
  });
});

describe('projects of a plan or of one programme are not the key projects', () => {
  it('纳入…规划 puts projects on a plan; they are not key projects carried out', () => {
    const r = gov('某某学院、某某大学等7个重大项目纳入高等学校设置规划,开工建设重点项目120个。');
    expect(flags(r, 7)).toContain('列入规划或名单，非实施数');
    expect(r.headline['projects.key']?.value).toBe(120);
  });

  it('a named programme’s projects (“四个十大”项目) are a part, not the key projects’ investment', () => {
    const r = gov('“四个十大”项目完成投资1515.8亿元,省重点工程项目完成投资5367.1亿元。');
    expect(flags(r, 1515.8)).toContain('某一专项的项目，非总量');
    expect(r.headline['projects.key_investment']?.value).toBe(5367.1);
  });
});
