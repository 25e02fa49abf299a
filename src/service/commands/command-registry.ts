/**
 * The one list of the service's commands: the name, the other words that call it, its /help line, its entry
 * in Telegram's `/` menu, whether it changes the whole chat, and where Slack puts it. Parsing, /help, the
 * admin check, the Telegram menu and Slack's command names all read this; add a command here first.
 */
interface CommandSpec {
  /** Words that also call it (`报告 资阳` = `/report 资阳`). */
  aliases: readonly string[];
  /** The /help line and its example; absent for commands /help does not list. */
  help?: { example: string; text: string };
  /** Telegram's `/` menu, Chinese (default) and English descriptions; absent: not in the menu. */
  menu?: { zh: string; en: string };
  /** Changes the chat's subscriptions or settings (admins only in groups); `with-args`: only when it sets something. */
  changesChat?: true | 'with-args';
  /** Slack gives it its own slash command (`own`); the others are `/digest` sub-commands. */
  slack?: 'own';
}

/** Every command, in the order /help and the menu list them. */
export const COMMAND_REGISTRY = {
  report: {
    aliases: ['报告'],
    help: {
      example: '/report 资阳 2022',
      text: '一份报告的摘要:主要数据(附原文出处)、结构、关键词、来源。只给年份列出该年报告。',
    },
    menu: { zh: '查看报告摘要,如 /report 资阳 2022', en: 'Report digest, e.g. /report 资阳 2022' },
    slack: 'own',
  },
  compare: {
    aliases: ['比较', '对比'],
    help: {
      example: '/compare 提案 2020-2022 四川',
      text: '各地同一指标并排比较(提案、协商、调研报告、社情民意、批示…);话题词(如 营商环境)按提及次数比较。加 csv 导出表格。',
    },
    menu: { zh: '比较各地指标,如 /compare 提案', en: 'Compare a metric across reports' },
    slack: 'own',
  },
  trend: {
    aliases: ['趋势'],
    help: { example: '/trend 资阳 提案', text: '一个地区某项指标历年的变化。' },
    menu: { zh: '查看指标历年趋势', en: 'Trend of a metric over the years' },
    slack: 'own',
  },
  search: {
    // Slack reserves /search: there the command is /reportsearch, which must also work typed as text.
    aliases: ['搜索', '查找', 'reportsearch'],
    help: { example: '/search 请你来协商', text: '在所有报告中搜索段落,标出命中的词;显示命中总数,可翻页。' },
    menu: { zh: '全文搜索报告', en: 'Full-text search in reports' },
    slack: 'own',
  },
  list: {
    aliases: ['列表'],
    help: { example: '/list 四川', text: '现有报告,按省份分组;给出省份只看该省。' },
    menu: { zh: '列出已收录的报告', en: 'List the reports on file' },
  },
  sections: {
    aliases: [],
    help: { example: '/sections 1', text: '一份报告的全部章节及各章摘要(编号见 /report 的结果)。' },
  },
  metrics: { aliases: [], help: { example: '/metrics 1', text: '一份报告识别出的全部指标,各附原文出处。' } },
  source: { aliases: [], help: { example: '/source 1', text: '报告原文,分页阅读(/source 1 2 看第 2 页)。' } },
  subscribe: {
    aliases: ['订阅'],
    help: { example: '/subscribe 四川', text: '订阅每周摘要;可按地区、省份或指标/话题过滤。' },
    menu: { zh: '订阅每周摘要', en: 'Subscribe to the weekly digest' },
    changesChat: true,
  },
  unsubscribe: {
    aliases: ['退订', '取消订阅'],
    help: { example: '/unsubscribe 四川', text: '取消订阅(不带参数取消全部)。' },
    menu: { zh: '取消订阅', en: 'Unsubscribe' },
    changesChat: true,
  },
  subscriptions: {
    aliases: ['我的订阅'],
    help: { example: '/subscriptions', text: '查看本聊天的订阅(每个订阅带退订按钮)。' },
    menu: { zh: '我的订阅', en: 'My subscriptions' },
  },
  schedule: {
    aliases: ['推送时间'],
    help: { example: '/schedule 周五 9', text: '查看或设置本聊天每周摘要的推送日和钟点(默认恢复:/schedule 默认)。' },
    menu: { zh: '每周推送时间,如 /schedule 周五 9', en: 'Weekly digest day and hour' },
    changesChat: 'with-args',
  },
  pause: {
    aliases: ['暂停推送'],
    help: { example: '/pause', text: '暂停本聊天的每周推送,订阅保留。' },
    changesChat: true,
  },
  resume: { aliases: ['恢复推送'], help: { example: '/resume', text: '恢复每周推送。' }, changesChat: true },
  preview: {
    aliases: ['预览'],
    help: { example: '/preview', text: '现在预览本周摘要(不算推送,届时照常发送)。' },
    menu: { zh: '预览本周摘要', en: 'Preview this week’s digest' },
  },
  lang: {
    aliases: ['语言'],
    help: { example: '/lang 繁', text: '设置回复字体:简 或 繁。' },
    menu: { zh: '切换简体/繁体', en: 'Switch simplified/traditional script' },
    changesChat: 'with-args',
  },
  help: {
    // `digest` is Slack's umbrella command typed as text.
    aliases: ['帮助', 'digest'],
    help: { example: '/help', text: '显示本帮助。' },
    menu: { zh: '使用帮助', en: 'Help' },
  },
  start: { aliases: [], menu: { zh: '开始使用', en: 'Start' } },
} as const satisfies Record<string, CommandSpec>;

/** A known command name. */
export type CommandName = keyof typeof COMMAND_REGISTRY;

/** The registry as entries, in its order, typed for reading optional fields. */
export const COMMAND_SPECS: readonly (readonly [CommandName, CommandSpec])[] = Object.entries(COMMAND_REGISTRY) as [
  CommandName,
  CommandSpec,
][];

/** Command names the service knows (aliases map onto them). */
export const COMMANDS: readonly CommandName[] = COMMAND_SPECS.map(([name]) => name);
