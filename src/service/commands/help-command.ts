import type { Reply } from '../reply/reply-model.js';

/** Every command with an example; the same text answers /help and /start. */
export const COMMAND_HELP: { command: string; example: string; text: string }[] = [
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
  { command: '/subscriptions', example: '/subscriptions', text: '查看本聊天的订阅。' },
  { command: '/lang', example: '/lang 繁', text: '设置回复字体:简 或 繁。' },
  { command: '/help', example: '/help', text: '显示本帮助。' },
];

/** `/help` and `/start`. */
export function helpCommand(): Reply {
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
        blocks: [{ type: 'paragraph', text: '地区可用全称或简称(资阳、资阳市),繁体亦可;年份可写 2022、2022年 或 二〇二二年。' }],
      },
    ],
    actions: [
      { label: '现有报告', command: '/list' },
      { label: '比较提案', command: '/compare 提案' },
    ],
    script: 'simplified',
  };
}
