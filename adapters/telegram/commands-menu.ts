import type { Api } from 'grammy';

/** One command of the menu with its Chinese (default) and English descriptions. */
export interface MenuCommand {
  command: string;
  zh: string;
  en: string;
}

/** The command menu shown by Telegram clients when typing `/`. */
export const MENU_COMMANDS: readonly MenuCommand[] = [
  { command: 'report', zh: '查看报告摘要,如 /report 资阳 2022', en: 'Report digest, e.g. /report 资阳 2022' },
  { command: 'compare', zh: '比较各地指标,如 /compare 提案', en: 'Compare a metric across reports' },
  { command: 'trend', zh: '查看指标历年趋势', en: 'Trend of a metric over the years' },
  { command: 'search', zh: '全文搜索报告', en: 'Full-text search in reports' },
  { command: 'list', zh: '列出已收录的报告', en: 'List the reports on file' },
  { command: 'subscribe', zh: '订阅每周摘要', en: 'Subscribe to the weekly digest' },
  { command: 'unsubscribe', zh: '取消订阅', en: 'Unsubscribe' },
  { command: 'subscriptions', zh: '我的订阅', en: 'My subscriptions' },
  { command: 'schedule', zh: '每周推送时间,如 /schedule 周五 9', en: 'Weekly digest day and hour' },
  { command: 'preview', zh: '预览本周摘要', en: 'Preview this week’s digest' },
  { command: 'lang', zh: '切换简体/繁体', en: 'Switch simplified/traditional script' },
  { command: 'help', zh: '使用帮助', en: 'Help' },
  { command: 'start', zh: '开始使用', en: 'Start' },
];

/** Registers the menu: Chinese descriptions by default, English ones for clients set to English. */
export async function registerCommandMenu(api: Api): Promise<void> {
  await api.setMyCommands(MENU_COMMANDS.map((c) => ({ command: c.command, description: c.zh })));
  await api.setMyCommands(
    MENU_COMMANDS.map((c) => ({ command: c.command, description: c.en })),
    { language_code: 'en' },
  );
}
