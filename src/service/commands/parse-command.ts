import { BadInputError } from '../../errors.js';
import { cutText } from '../reply/cut-text.js';

/** Longest command line the service reads; longer input gets a clear refusal. */
const MAX_INPUT_CHARS = 500;

/** Command names the service knows (aliases map onto them). */
export const COMMANDS = [
  'report',
  'compare',
  'trend',
  'search',
  'list',
  'help',
  'start',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'lang',
  'sections',
  'metrics',
  'source',
  'pause',
  'resume',
  'preview',
  'schedule',
] as const;

/** A known command name. */
export type CommandName = (typeof COMMANDS)[number];

/** A parsed command line. */
export interface ParsedCommand {
  name: CommandName;
  args: string[];
  /** The argument text as typed (spaces kept). */
  rest: string;
}

// A Map: user text is the key, and a plain object would answer `constructor` or `__proto__` from its prototype.
const ALIASES: ReadonlyMap<string, CommandName> = new Map(
  Object.entries({
    报告: 'report',
    比较: 'compare',
    对比: 'compare',
    趋势: 'trend',
    搜索: 'search',
    查找: 'search',
    列表: 'list',
    帮助: 'help',
    订阅: 'subscribe',
    退订: 'unsubscribe',
    取消订阅: 'unsubscribe',
    我的订阅: 'subscriptions',
    语言: 'lang',
    暂停推送: 'pause',
    恢复推送: 'resume',
    预览: 'preview',
    推送时间: 'schedule',
    reportsearch: 'search',
    digest: 'help',
  } satisfies Record<string, CommandName>),
);
const NAMES: ReadonlySet<string> = new Set(COMMANDS);

/** How to read a line that names no command. */
export interface ParseOptions {
  /** One-to-one chats (private chat, console): plain text without a slash is a `/report` (`资阳 2022`). */
  plainIsReport?: boolean;
}

/**
 * Parses `/report 资阳 2022`, `／report@bot 资阳`, `report 资阳` or `报告 资阳`; throws BadInputError for input
 * that is too long or names no command (unless `plainIsReport` makes it a report query).
 */
export function parseCommand(line: string, options: ParseOptions = {}): ParsedCommand {
  // Control characters and zero-width marks carry no meaning here and can hide text from matching.
  const clean = line.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, ' ').trim();
  if (clean.length > MAX_INPUT_CHARS)
    throw new BadInputError(`输入过长(${clean.length} 字),请控制在 ${MAX_INPUT_CHARS} 字以内。`);
  if (!clean) throw new BadInputError('请输入命令,例如 /report 资阳 2022。发送 /help 查看全部命令。');
  const m = /^[/／]?\s*([A-Za-z]+|[\u4e00-\u9fff]{2,4})(?:@[\w_]+)?(?:\s+|$)([\s\S]*)$/.exec(clean);
  const word = m?.[1]?.toLowerCase();
  const name = word === undefined ? undefined : NAMES.has(word) ? (word as CommandName) : ALIASES.get(word);
  if ((!m || !name) && options.plainIsReport && !/^[/／]/.test(clean)) {
    return { name: 'report', args: clean.split(/[\s,,、]+/).filter(Boolean), rest: clean };
  }
  if (!m || !name) {
    const shown = cutText(clean, 20);
    throw new BadInputError(`无法识别的命令“${shown}”。发送 /help 查看全部命令。`);
  }
  const rest = m[2]!.trim();
  return { name, args: rest ? rest.split(/[\s,,、]+/).filter(Boolean) : [], rest };
}

/** Commands that change the whole chat's subscriptions, delivery or reply script. */
const CHANGING: ReadonlySet<string> = new Set<CommandName>(['subscribe', 'unsubscribe', 'pause', 'resume']);

/** Commands that show a setting when bare and change it with an argument. */
const SETTING: ReadonlySet<string> = new Set<CommandName>(['lang', 'schedule']);

/** True when a command changes chat-wide settings (`/lang` and `/schedule` only when they set something). */
export function changesChat(cmd: Pick<ParsedCommand, 'name' | 'rest'>): boolean {
  return CHANGING.has(cmd.name) || (SETTING.has(cmd.name) && cmd.rest.trim() !== '');
}

/** True when a command line changes chat-wide settings (adapters then check the sender is an admin). */
export function lineChangesChat(line: string): boolean {
  try {
    return changesChat(parseCommand(line));
  } catch {
    return false;
  }
}
