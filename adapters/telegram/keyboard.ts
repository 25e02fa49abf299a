import { randomBytes } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import type { ReplyAction } from '../../src/service/reply/reply-model.js';

/** Telegram's limit for `callback_data`, in UTF-8 bytes. */
const CALLBACK_DATA_LIMIT = 64;

/**
 * Turns action commands into callback data: `c:<command>` when it fits in 64 bytes, else `a:<id>` with the
 * command kept in a bounded in-memory map (oldest entries dropped). Ids are random so that buttons from
 * before a restart resolve to “expired”, never to someone else's command.
 */
export class CallbackStore {
  private readonly byId = new Map<string, string>();
  private readonly byCommand = new Map<string, string>();

  constructor(private readonly capacity = 2000) {}

  /** Callback data for a command line. */
  encode(command: string): string {
    const direct = `c:${command}`;
    if (Buffer.byteLength(direct, 'utf8') <= CALLBACK_DATA_LIMIT) return direct;
    const known = this.byCommand.get(command);
    if (known) {
      // Refresh recency so a command in active use is not evicted.
      this.byId.delete(known);
      this.byId.set(known, command);
      return `a:${known}`;
    }
    const id = randomBytes(9).toString('base64url');
    this.byId.set(id, command);
    this.byCommand.set(command, id);
    while (this.byId.size > this.capacity) {
      const [oldId, oldCommand] = this.byId.entries().next().value as [string, string];
      this.byId.delete(oldId);
      this.byCommand.delete(oldCommand);
    }
    return `a:${id}`;
  }

  /** The command line behind callback data, or null when unknown or expired. */
  decode(data: string): string | null {
    if (data.startsWith('c:')) return data.slice(2) || null;
    if (data.startsWith('a:')) return this.byId.get(data.slice(2)) ?? null;
    return null;
  }

  /** Number of long commands currently remembered. */
  get size(): number {
    return this.byId.size;
  }
}

/** Lays out action buttons (short labels three to a row, long ones two or one); undefined when no actions. */
export function buildKeyboard(actions: ReplyAction[], store: CallbackStore): InlineKeyboard | undefined {
  if (!actions.length) return undefined;
  const keyboard = new InlineKeyboard();
  let inRow = 0;
  let rowWidth = 0;
  for (const action of actions) {
    const width = [...action.label].length;
    // Wide rows get truncated labels on phones; start a new row before they overflow.
    if (inRow > 0 && (inRow >= 3 || rowWidth + width > 18)) {
      keyboard.row();
      inRow = 0;
      rowWidth = 0;
    }
    keyboard.text(action.label, store.encode(action.command));
    inRow++;
    rowWidth += width;
  }
  return keyboard;
}
