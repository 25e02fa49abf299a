/** Surface features of a sentence that make it informative or empty: figures, named initiatives, boilerplate. */

const UNITS =
  '件次|人次|篇次|批次|户次|万元|亿元|千元|元|件|条|篇|次|个|名|人|项|场|批|期|家|户|位|天|所|村|亩|公里|千米|米|吨|份|本|部|组|支|处|座|台|辆|套|倍|岁|小时|课题|%|％|个百分点';
/** A figure: digits (optionally decimal, 余/多 and a 万/亿 multiplier) followed by a counting unit. */
const FIGURE = new RegExp(`[0-9０-９]+(?:[.．][0-9０-９]+)?\\s*(?:余|多)?(?:万|亿|千)?(?:${UNITS})`, 'g');

/** Quoted slogans every report repeats; they do not name a concrete initiative. */
const STOCK_QUOTES =
  /^(?:[一二三四五六七八九十两]个[\u4e00-\u9fa5]{2,3}|[一二三四五六七八九十]+五|第一议题|重要阵地|重要平台|重要渠道|同心圆|压舱石|根本保证|三会一课|不忘初心、?牢记使命|主题教育)$/;
const QUOTED = /[“"「『]([^”"」』]{2,16})[”"」』]/g;
const DOCUMENT = /《[^》]{2,60}》/g;

/** Phrases of political boilerplate; the share of a sentence they cover measures how slogan-like it is. */
const BOILERPLATE = new RegExp(
  [
    '习近平新时代中国特色社会主义思想',
    '习近平总书记',
    '中国特色社会主义',
    '新时代',
    '新征程',
    '人民政协',
    '专门协商机构',
    '[四两][个]意识',
    '四个自信',
    '两个维护',
    '两个确立',
    '凝聚共识',
    '凝心聚力',
    '凝心铸魂',
    '汇聚力量',
    '建言献策',
    '建言资政',
    '团结和民主两大主题',
    '政治协商、?民主监督、?参政议政',
    '参政议政',
    '政治协商',
    '不忘初心',
    '牢记使命',
    '(?:坚持|加强|坚持和加强)?党的(?:全面)?领导',
    '同心圆',
    '最大公约数',
    '高质量发展',
    '为指导',
    '贯彻落实',
    '深入学习贯彻',
    '认真学习贯彻',
    '全面贯彻',
    '坚定不移',
    '始终坚持',
    '紧紧围绕',
    '中心工作',
    '决策部署',
    '重要思想',
    '重要讲话',
    '重要指示',
    '重要论述',
    '[一二三四五六七]中全会',
    '[十二][九十一二三]?大',
    '会议精神',
    '讲话精神',
    '精神',
    '政治站位',
    '正确方向',
    '政治建设',
    '思想政治',
    '政治责任',
    '智慧和力量',
    '全过程人民民主',
    '履职尽责',
    '担当作为',
    '守正创新',
    '意识形态',
    '把方向、?管大局、?保落实',
    '作出(?:了)?(?:积极|应有|新的|重要)?贡献',
    '奋力',
    '谱写',
    '篇章',
    '更加',
    '切实',
    '不断',
    '进一步',
    '充分发挥',
    '积极',
    '深入',
    '扎实',
    '全面',
    '推进',
    '推动',
    '提升',
    '增强',
    '坚持',
    '强化',
    '围绕',
    '着力',
    '努力',
    '重要阵地',
    '重要平台',
    '重要渠道',
    '体制机制',
    '制度化',
    '程序化',
    '规范化',
    '党风廉政',
    '风清气正',
    '政治生态',
    '全过程',
    '各方面',
    '创新理论',
    '突出(?:的)?位置',
    '理论武装',
    '政治引领',
    '思想引领',
    '共同思想政治基础',
    '两个一百年',
    '奋斗目标',
  ].join('|'),
  'g',
);
const EXHORTATION = /^(?:让我们|各位委员|各位代表|同志们|各位常委|我们要|我们将|新的一年[,\uFF0C]?我们)/;
const GREETING = /^(?:各位委员|各位代表|各位常委|同志们)|请予审议|向大会报告工作|受.{0,30}委托|列席会议的同志/;
const JUNK =
  /https?:\/\/|www\.|\.(?:com|cn|net|html?)\b|发布时间|发布日期|来源[:\uFF1A]|阅读次数|浏览次数|点击数|字体[:\uFF1A]|【字体|分享到|上一篇|下一篇|上篇[:\uFF1A]|下篇[:\uFF1A]|©|版权所有|ICP|↑|TOP|打印本页|关闭窗口|责任编辑|编辑[:\uFF1A]|等待处理|扫一扫|二维码|[下上][转接]第.版|附件[:\uFF1A]|小编|文库|学习啦|网友上传|导语[:\uFF1A]|简介[:\uFF1A]|免责声明|相关阅读|推荐阅读|原标题|^[—-]*(?:\d{4}年)?\d{1,2}月\d{1,2}日在.{2,60}会议上|^\d{4}[-/年.]\d{1,2}[-/月.]\d{1,2}日?$/i;
/** Ceremony of a session (who sat on the rostrum, who chaired, the roll call, thanks): news filler, not work done. */
const CEREMONY =
  /主席台(?:前排)?就座|应邀出席|出席会议|到会(?:指导|祝贺)|执行主席|列席会议|主持会议|隆重开幕|胜利闭幕|开幕会|闭幕会|(?:会议|大会).{0,24}(?:开幕|闭幕)|认真听取了|报告如下|报告共分|报告总结了|表示(?:诚挚的|衷心的)?(?:敬意|感谢)|衷心的感谢/;
/**
 * Honours received (荣获…称号, 被评为先进集体): a report lists them, but they say what others thought of the
 * work, not what was done — a summary that opens with them misrepresents the year.
 */
const COMMENDATION = /荣获|被评为|被授予|授予.{0,30}称号|荣誉称号|先进(?:集体|个人|单位|工作者)|获评|受到.{0,12}表彰|通报表扬/;
/** The body's own discipline and self-building (党风廉政, 八项规定): every report has it, it tells nothing particular. */
const DISCIPLINE =
  /纪律|廉政|廉洁|作风建设|从严治党|八项规定|党风|巡视|巡察|警示教育|政治规矩|民主集中制|主体责任|三重一大|自身建设/;
/** A news write-up's frame: the byline and the reporter's attribution (苏报讯(记者…), 记者从…获悉, 据悉). */
const BYLINE =
  /^.{0,16}讯\s*[(\uFF08]|^[(\uFF08]?记者|记者.{0,24}(?:获悉|了解到)|^据(?:介绍|悉|了解|统计)?[,\uFF0C]|^(?:会上|会议|报告)(?:指出|称|认为|强调)/;
/** The year set in history (2024年是…75周年 / …之年): context, not work. */
const CONTEXT = /是.{0,40}(?:之年|周年|的一年|的五年)/;
/** Sentences that lean on the previous one lose their sense when extracted alone. */
const DANGLING = /^(?:这些|此外|同时|其中|另外|对此|为此|因此|这一|上述|以上)/;

/** Distinct figures (digits + unit) in a sentence. */
export function figures(text: string): string[] {
  return [...new Set(text.match(FIGURE) ?? [])];
}

/** Distinct quoted initiative names (“请你来协商”) and 《…》 document titles; stock slogans and quoted mottos excluded. */
export function initiatives(text: string): string[] {
  const names = new Set<string>();
  for (const [, name] of text.matchAll(QUOTED)) {
    // Quoted lists (“存史、资政、团结、育人”) are mottos, not the name of something done.
    if (name === undefined || STOCK_QUOTES.test(name) || /^[\d\s]+$/.test(name) || /[、,\uFF0C]/.test(name)) continue;
    names.add(name);
  }
  for (const m of text.match(DOCUMENT) ?? []) names.add(m);
  return [...names];
}

/** Share (0–1) of a sentence's characters covered by boilerplate phrases. */
export function boilerplateShare(text: string): number {
  const chars = text.replace(/[\s,、。;:!?“”《》()\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\uFF08\uFF09]/g, '');
  if (!chars.length) return 1;
  let covered = 0;
  for (const m of chars.matchAll(BOILERPLATE)) covered += m[0].length;
  return Math.min(1, covered / chars.length);
}

/** Page junk: URLs, bylines of the hosting page, share/print links, footers, bare dates. */
export function isJunk(text: string): boolean {
  return JUNK.test(text);
}

/** Salutations and the formal opening of a report. */
export function isGreeting(text: string): boolean {
  return GREETING.test(text);
}

/** Rallying calls (让我们…) that close a report. */
export function isExhortation(text: string): boolean {
  return EXHORTATION.test(text);
}

/** Session ceremony or a roll of names (five or more short items separated by 、). */
export function isCeremony(text: string): boolean {
  if (CEREMONY.test(text)) return true;
  const items = text.split('、');
  return items.length >= 6 && items.filter((i) => i.replace(/[^\u4e00-\u9fa5*]/g, '').length <= 3).length >= 4;
}

/** Sentences opening with a back-reference (这些, 此外 …). */
export function isDangling(text: string): boolean {
  return DANGLING.test(text);
}

/** Honours received (荣获, 被评为, 先进集体 …). */
export function isCommendation(text: string): boolean {
  return COMMENDATION.test(text);
}

/** The body's own discipline and self-building (纪律, 廉政, 八项规定 …). */
export function isDiscipline(text: string): boolean {
  return DISCIPLINE.test(text);
}

/** A news write-up's byline or attribution (…讯(记者…), 记者…获悉, 据悉). */
export function isByline(text: string): boolean {
  return BYLINE.test(text);
}

/** The year placed in history (…之年, …周年) rather than work done. */
export function isContext(text: string): boolean {
  return CONTEXT.test(text);
}

/** The roll call of a session (应出席委员272人,实到255人,符合规定人数): its figures are attendance, not work. */
export function isRollCall(text: string): boolean {
  return /应(?:到|出席).{0,16}实(?:际)?到|符合(?:规定人数|.{0,10}规定)/.test(text);
}
