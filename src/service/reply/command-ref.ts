import { COMMANDS, type CommandName } from '../commands/command-registry.js';
import type { Block, Reply, RichText } from './reply-model.js';

/**
 * A command named in a reply's text. The service writes command references as `/name args` with its own
 * command names (`/search 协商`, `发送 /help`); an adapter whose platform names commands differently (Slack:
 * `/reportsearch`, `/digest subscribe`) renders each reference with `renameCommandRefs`.
 */
export interface CommandRef {
  name: CommandName;
  /** Where the `/name` stands in the text: [start, end). */
  at: [number, number];
}

/** A platform's name for a service command, e.g. `subscribe` → `/digest subscribe`. */
export type CommandNaming = (name: CommandName) => string;

// Longest first so `/subscriptions` is never read as `/subscribe…`; a slash inside a word or URL is no reference.
const NAMES = [...COMMANDS].sort((a, b) => b.length - a.length);
const REF = new RegExp(`(?<![\\w/.])[\\/／](${NAMES.join('|')})(?![\\w-])`, 'g');

/** Every command reference in `text`. */
export function findCommandRefs(text: string): CommandRef[] {
  return [...text.matchAll(REF)].map((m) => ({ name: m[1] as CommandName, at: [m.index, m.index + m[0].length] }));
}

/** `text` with each command reference written with `naming`; highlight marks move with the text. */
function renameInText(t: RichText, naming: CommandNaming): RichText {
  const refs = findCommandRefs(t.text);
  if (!refs.length) return t;
  let out = '';
  let at = 0;
  // Offset shift after each reference, to carry marks along.
  const shifts: { from: number; delta: number }[] = [];
  let delta = 0;
  for (const ref of refs) {
    const name = naming(ref.name);
    out += t.text.slice(at, ref.at[0]) + name;
    delta += name.length - (ref.at[1] - ref.at[0]);
    shifts.push({ from: ref.at[1], delta });
    at = ref.at[1];
  }
  out += t.text.slice(at);
  const move = (offset: number) => offset + (shifts.filter((s) => s.from <= offset).pop()?.delta ?? 0);
  return t.marks ? { text: out, marks: t.marks.map(([s, e]) => [move(s), move(e)] as [number, number]) } : { text: out };
}

const rename = (text: string, naming: CommandNaming) => renameInText({ text }, naming).text;

/**
 * The reply with every command reference in its own text written with a platform's names. Quotations and
 * links (report text) and the actions' command lines (the service's input) are left as they are.
 */
export function renameCommandRefs(reply: Reply, naming: CommandNaming): Reply {
  const block = (b: Block): Block => {
    switch (b.type) {
      case 'heading':
        return { ...b, text: rename(b.text, naming) };
      case 'paragraph':
        return { ...b, ...renameInText(b, naming) };
      case 'fields':
        return { ...b, items: b.items.map((i) => ({ label: i.label, value: rename(i.value, naming) })) };
      case 'list':
        return { ...b, items: b.items.map((i) => renameInText(i, naming)) };
      default:
        return b;
    }
  };
  return {
    ...reply,
    title: rename(reply.title, naming),
    sections: reply.sections.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
    actions: reply.actions.map((a) => ({ ...a, label: rename(a.label, naming) })),
  };
}
