import type { Reply } from '../reply/reply-model.js';

/** Every command with an example; the same text answers /help and /start. */
const COMMAND_HELP: { command: string; example: string; text: string }[] = [
  {
    command: '/report',
    example: '/report 资阳 2022',
    text: '一份报告的摘要:主要数据(附原文出处)、结构、关键词、来源。只给年份列出该年报告。',
  },
  {
    command: '/compare',
    example: '/compare 提案 2020-2022 四川',
    text: '各地同一指标并排比较(提案、协商、调研报告、社情民意、批示…);话题词(如 营商环境)按提及次数比较。加 csv 导出表格。',
  },
  { command: '/trend', example: '/trend 资阳 提案', text: '一个地区某项指标历年的变化。' },
  { command: '/search', example: '/search 请你来协商', text: '在所有报告中搜索段落,标出命中的词;显示命中总数,可翻页。' },
  { command: '/list', example: '/list 四川', text: '现有报告,按省份分组;给出省份只看该省。' },
  { command: '/sections', example: '/sections 1', text: '一份报告的全部章节及各章摘要(编号见 /report 的结果)。' },
  { command: '/metrics', example: '/metrics 1', text: '一份报告识别出的全部指标,各附原文出处。' },
  { command: '/source', example: '/source 1', text: '报告原文,分页阅读(/source 1 2 看第 2 页)。' },
  { command: '/subscribe', example: '/subscribe 四川', text: '订阅每周摘要;可按地区、省份或指标/话题过滤。' },
  { command: '/unsubscribe', example: '/unsubscribe 四川', text: '取消订阅(不带参数取消全部)。' },
  { command: '/subscriptions', example: '/subscriptions', text: '查看本聊天的订阅(每个订阅带退订按钮)。' },
  {
    command: '/schedule',
    example: '/schedule 周五 9',
    text: '查看或设置本聊天每周摘要的推送日和钟点(默认恢复:/schedule 默认)。',
  },
  { command: '/pause', example: '/pause', text: '暂停本聊天的每周推送,订阅保留。' },
  { command: '/resume', example: '/resume', text: '恢复每周推送。' },
  { command: '/preview', example: '/preview', text: '现在预览本周摘要(不算推送,届时照常发送)。' },
  { command: '/lang', example: '/lang 繁', text: '设置回复字体:简 或 繁。' },
  { command: '/help', example: '/help', text: '显示本帮助。' },
];

/** Who may change a chat's subscriptions and settings, per platform (the rule the adapters enforce). */
const WHO_MAY_CHANGE: ReadonlyMap<string, string> = new Map([
  ['telegram', '在群组和频道里,只有管理员可以订阅、退订、暂停和更改推送时间与字体;私聊里由您自己决定。'],
  [
    'slack',
    '在 Slack 里,频道的任何成员都可以更改本频道的订阅、推送时间和字体;要收紧,请由工作区在 Slack 中限制谁能在该频道发言或使用本应用。',
  ],
]);

/** `/help` and `/start`; `platform` adds who may change the chat's subscriptions there. */
export function helpCommand(platform?: string): Reply {
  const rule = platform ? WHO_MAY_CHANGE.get(platform) : undefined;
  return {
    kind: 'help',
    title: '政协工作报告摘要机器人',
    sections: [
      {
        blocks: [
          { type: 'heading', text: '政协工作报告摘要机器人' },
          {
            type: 'paragraph',
            text: '我把各地政协(以及人大、政府)的工作报告整理成摘要:提案、协商、调研、社情民意等数字都附原文出处,可以按地区查看、跨地区比较、追踪趋势,并每周推送新报告。',
          },
        ],
      },
      { blocks: [{ type: 'list', items: COMMAND_HELP.map((c) => ({ text: `${c.command} — ${c.text} 例:${c.example}` })) }] },
      {
        blocks: [
          { type: 'paragraph', text: '地区可用全称或简称(资阳、资阳市),繁体亦可;年份可写 2022、2022年 或 二〇二二年。' },
          ...(rule ? [{ type: 'paragraph' as const, text: rule }] : []),
        ],
      },
    ],
    actions: [
      { label: '现有报告', command: '/list' },
      { label: '比较提案', command: '/compare 提案' },
    ],
    script: 'simplified',
  };
}
