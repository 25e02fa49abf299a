import { parseCommand, type ParsedCommand } from '../commands/parse-command.js';
import type { Reply } from '../reply/reply-model.js';

/** Commands that change the whole chat's subscriptions, delivery or reply script. */
const CHANGING = new Set<string>(['subscribe', 'unsubscribe', 'pause', 'resume']);

/** True when a command changes chat-wide settings (`/lang` only when it sets something). */
export function changesChat(cmd: Pick<ParsedCommand, 'name' | 'rest'>): boolean {
  return CHANGING.has(cmd.name) || (cmd.name === 'lang' && cmd.rest.trim() !== '');
}

/** The refusal a non-admin gets in a group or channel. */
export function adminOnlyReply(command: string): Reply {
  return {
    kind: 'error',
    errorCode: 'FORBIDDEN',
    title: '需要管理员',
    sections: [
      {
        blocks: [
          {
            type: 'paragraph',
            text: `在群组和频道里,只有管理员可以更改本聊天的订阅和设置(/${command})。查看订阅请发送 /subscriptions。`,
          },
        ],
      },
    ],
    actions: [{ label: '我的订阅', command: '/subscriptions' }],
    script: 'simplified',
  };
}

/** True when a command line changes chat-wide settings (adapters then check the sender is an admin). */
export function lineChangesChat(line: string): boolean {
  try {
    return changesChat(parseCommand(line));
  } catch {
    return false;
  }
}
