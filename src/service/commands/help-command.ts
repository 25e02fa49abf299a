import { COMMAND_SPECS } from './command-registry.js';
import type { Reply } from '../reply/reply-model.js';

/** Every command /help lists, with its example; the same text answers /help and /start. */
const COMMAND_HELP = COMMAND_SPECS.flatMap(([name, spec]) => (spec.help ? [{ command: `/${name}`, ...spec.help }] : []));

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
