/** The corpora an example can run on: the seed files, or the seeds plus the shared dev corpus. */
export type ExampleCorpus = 'seeds' | 'seeds+dev';

/** What the marker before a fenced block says about it. */
export type ExampleMarker = { kind: 'checked'; corpus: ExampleCorpus; now: Date | null } | { kind: 'unchecked'; reason: string };

/** One `$ …` line of an example and the output shown under it. */
export interface ExampleCommand {
  /** The chat command as the service gets it (`/report 资阳 2022`). */
  line: string;
  /** `--chat` of a `digest ask` line; null: the CLI's own chat. */
  chat: string | null;
  /** The `$ …` line as written (kept when the block is rewritten). */
  prompt: string;
  /** 0-based index of the `$ …` line in the block's body; shown line k is at bodyIndex + 1 + k. */
  bodyIndex: number;
  /** The shown output, trailing blank lines dropped. */
  shown: string[];
}

/** A fenced block of README.md with its marker. */
export interface ReadmeBlock {
  /** 1-based number among the fenced blocks of the file. */
  index: number;
  /** 1-based line of the opening fence. */
  line: number;
  /** Leading spaces of the fence (blocks inside list items), stripped from the body. */
  indent: string;
  /** Line range of the body in the file (0-based, end exclusive). */
  bodyStart: number;
  bodyEnd: number;
  body: string[];
  marker: ExampleMarker | null;
}

const MARKER = /^\s*<!--\s*example:\s*(.*?)\s*-->\s*$/;
const FENCE = /^(\s*)```/;

/** Reads a marker's text: `corpus=seeds+dev [now=ISO]` or `unchecked (reason)`. Throws on anything else. */
function parseMarker(text: string, line: number): ExampleMarker {
  const unchecked = /^unchecked\b\s*(.*)$/.exec(text);
  if (unchecked) {
    const reason = unchecked[1]!.replace(/^\(|\)$/g, '').trim();
    if (!reason) throw new Error(`README.md:${line}: an unchecked example says why`);
    return { kind: 'unchecked', reason };
  }
  const fields = new Map<string, string>();
  for (const part of text.split(/\s+/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`README.md:${line}: marker field without a value: ${part}`);
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const corpus = fields.get('corpus');
  if (corpus !== 'seeds' && corpus !== 'seeds+dev')
    throw new Error(`README.md:${line}: corpus must be seeds or seeds+dev, not ${String(corpus)}`);
  const nowText = fields.get('now');
  const now = nowText === undefined ? null : new Date(nowText);
  if (now && Number.isNaN(now.getTime())) throw new Error(`README.md:${line}: now is no ISO time: ${nowText}`);
  for (const key of fields.keys())
    if (key !== 'corpus' && key !== 'now') throw new Error(`README.md:${line}: unknown marker field ${key}`);
  return { kind: 'checked', corpus, now };
}

/** Every fenced block of the Markdown text, each with the marker on the line before its fence (blank lines between allowed). */
export function readmeBlocks(text: string): ReadmeBlock[] {
  const lines = text.split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    let end = i + 1;
    while (end < lines.length && !(lines[end]!.startsWith(indent) && lines[end]!.trim() === '```')) end++;
    if (end === lines.length) throw new Error(`README.md:${i + 1}: fenced block not closed`);
    let before = i - 1;
    while (before >= 0 && lines[before]!.trim() === '') before--;
    const marked = before >= 0 ? MARKER.exec(lines[before]!) : null;
    blocks.push({
      index: blocks.length + 1,
      line: i + 1,
      indent,
      bodyStart: i + 1,
      bodyEnd: end,
      body: lines.slice(i + 1, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)),
      marker: marked ? parseMarker(marked[1]!, before + 1) : null,
    });
    i = end;
  }
  return blocks;
}

const ASK = /^digest ask "((?:[^"\\]|\\.)*)"((?:\s+--chat\s+\S+)?)\s*$/;

/** The `$` lines of a checked block and the output under each: `$ /cmd …` or `$ digest ask "/cmd …" [--chat ID]`. */
export function exampleCommands(block: ReadmeBlock): ExampleCommand[] {
  const commands: ExampleCommand[] = [];
  for (const [n, text] of block.body.entries()) {
    if (text.startsWith('$ ')) {
      const prompt = text.slice(2).trim();
      const ask = ASK.exec(prompt);
      if (!ask && !prompt.startsWith('/'))
        throw new Error(
          `README.md:${block.bodyStart + n + 1}: a checked example runs /commands or digest ask "…", not: ${prompt}`,
        );
      const chat = ask?.[2] ? ask[2].trim().split(/\s+/)[1]! : null;
      commands.push({ line: ask ? ask[1]!.replace(/\\(.)/g, '$1') : prompt, chat, prompt: text, bodyIndex: n, shown: [] });
    } else if (commands.length) commands.at(-1)!.shown.push(text);
    else if (text.trim())
      throw new Error(`README.md:${block.bodyStart + n + 1}: output before the first $ line of a checked example`);
  }
  for (const c of commands) while (c.shown.length && c.shown.at(-1)!.trim() === '') c.shown.pop();
  if (!commands.length) throw new Error(`README.md:${block.line}: a checked example has no $ line`);
  return commands;
}
