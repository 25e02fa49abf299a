import { BadInputError } from '../../errors.js';
import { cutText } from '../reply/cut-text.js';
import { COMMAND_SPECS, COMMANDS, type CommandName } from './command-registry.js';

/** Longest command line the service reads; longer input gets a clear refusal. */
const MAX_INPUT_CHARS = 500;

/** A parsed command line. */
export interface ParsedCommand {
  name: CommandName;
  args: string[];
  /** The argument text as typed (spaces kept). */
  rest: string;
}

// A Map: user text is the key, and a plain object would answer `constructor` or `__proto__` from its prototype.
const ALIASES: ReadonlyMap<string, CommandName> = new Map(
  COMMAND_SPECS.flatMap(([name, spec]) => spec.aliases.map((alias) => [alias, name] as const)),
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

const CHANGES: ReadonlyMap<CommandName, true | 'with-args'> = new Map(
  COMMAND_SPECS.flatMap(([name, spec]) => (spec.changesChat ? [[name, spec.changesChat] as const] : [])),
);

/** True when a command changes chat-wide settings (`/lang` and `/schedule` only when they set something). */
export function changesChat(cmd: Pick<ParsedCommand, 'name' | 'rest'>): boolean {
  const changes = CHANGES.get(cmd.name);
  return changes === true || (changes === 'with-args' && cmd.rest.trim() !== '');
}

/** True when a command line changes chat-wide settings (adapters then check the sender is an admin). */
export function lineChangesChat(line: string): boolean {
  try {
    return changesChat(parseCommand(line));
  } catch {
    return false;
  }
}
