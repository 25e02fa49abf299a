/**
 * How an excerpt shown in README.md stands for a command's real output. The cutting rules:
 * - a line that is only `…` stands for zero or more omitted lines;
 * - a line ending in `…` stands for one line that starts with the text before the `…`;
 * - every other line stands for one equal line;
 * - nothing else is omitted: shown lines follow each other as the output's lines do, from its first line to its last.
 * Trailing spaces are ignored on both sides.
 */
type Token = { kind: 'gap' } | { kind: 'prefix'; text: string } | { kind: 'exact'; text: string };

/** Where an excerpt first stops matching the output. */
export interface ExcerptDifference {
  /** 0-based index of the shown line that matches no output line here; null: output lines are left over. */
  shownIndex: number | null;
  shown: string | null;
  /** 0-based index of the output line the shown line was compared with; null: the output ended. */
  actualIndex: number | null;
  actual: string | null;
  /** The shown line follows `…`: it was looked for in every line from `actualIndex` on. */
  afterGap: boolean;
}

const ELLIPSIS = '…';

function tokenOf(line: string): Token {
  const text = line.trimEnd();
  if (text.trim() === ELLIPSIS) return { kind: 'gap' };
  if (text.endsWith(ELLIPSIS)) return { kind: 'prefix', text: text.slice(0, -ELLIPSIS.length) };
  return { kind: 'exact', text };
}

function fits(token: Token, line: string): boolean {
  if (token.kind === 'gap') return true;
  return token.kind === 'prefix' ? line.startsWith(token.text) : line === token.text;
}

/** reach[i][j]: the first i shown lines stand for exactly the first j output lines. */
function reachTable(tokens: Token[], actual: string[]): boolean[][] {
  const reach = tokens.map(() => new Array<boolean>(actual.length + 1).fill(false));
  reach.push(new Array<boolean>(actual.length + 1).fill(false));
  reach[0]![0] = true;
  for (const [i, token] of tokens.entries()) {
    const row = reach[i]!;
    const next = reach[i + 1]!;
    let open = false;
    for (let j = 0; j <= actual.length; j++) {
      if (token.kind === 'gap') {
        open ||= row[j]!;
        next[j] = open;
      } else if (row[j] && j < actual.length && fits(token, actual[j]!)) next[j + 1] = true;
    }
  }
  return reach;
}

/** Null when the shown excerpt stands for the actual lines by the rules above, else where it first differs. */
export function excerptDifference(shown: string[], actualLines: string[]): ExcerptDifference | null {
  const tokens = shown.map(tokenOf);
  const actual = actualLines.map((l) => l.trimEnd());
  const reach = reachTable(tokens, actual);
  if (reach[tokens.length]![actual.length]) return null;
  let i = tokens.length;
  while (i > 0 && !reach[i]!.some(Boolean)) i--;
  const reached = reach[i]!.flatMap((ok, j) => (ok ? [j] : []));
  if (i === tokens.length) {
    // Every shown line matched, but output lines are left over after the last one.
    const j = reached.at(-1)!;
    return { shownIndex: null, shown: null, actualIndex: j, actual: actual[j] ?? null, afterGap: false };
  }
  const j = reached[0]!;
  return {
    shownIndex: i,
    shown: shown[i]!,
    actualIndex: j < actual.length ? j : null,
    actual: actual[j] ?? null,
    afterGap: i > 0 && tokens[i - 1]!.kind === 'gap',
  };
}

type Step =
  | { op: 'keep'; i: number; j: number }
  | { op: 'absorb'; i: number; j: number }
  | { op: 'drop'; i: number }
  | { op: 'insert'; j: number };

// A shown line dropped costs more than an output line added, so the excerpt keeps what still holds.
const DROP = 10;
const INSERT = 1;

/** The cheapest edit from the shown lines to an excerpt that holds: keep matching lines and gaps, drop the others, add output lines. */
function editSteps(tokens: Token[], actual: string[]): Step[] {
  const n = tokens.length;
  const m = actual.length;
  // cost[i][j]: cheapest way to cover output lines j.. with shown lines i..
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) {
        cost[i]![j] = (m - j) * INSERT;
        continue;
      }
      const token = tokens[i]!;
      let best = cost[i + 1]![j]! + (token.kind === 'gap' ? 0 : DROP);
      if (j < m) {
        best = Math.min(best, cost[i]![j + 1]! + INSERT);
        if (token.kind === 'gap') best = Math.min(best, cost[i]![j + 1]!);
        else if (fits(token, actual[j]!)) best = Math.min(best, cost[i + 1]![j + 1]!);
      }
      cost[i]![j] = best;
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const token = tokens[i];
    const here = cost[i]![j]!;
    if (token && j < m && token.kind !== 'gap' && fits(token, actual[j]!) && here === cost[i + 1]![j + 1]) {
      steps.push({ op: 'keep', i: i++, j: j++ });
    } else if (token?.kind === 'gap' && j < m && here === cost[i]![j + 1]) {
      steps.push({ op: 'absorb', i, j: j++ });
    } else if (token && here === cost[i + 1]![j]! + (token.kind === 'gap' ? 0 : DROP)) {
      steps.push({ op: 'drop', i: i++ });
    } else {
      steps.push({ op: 'insert', j: j++ });
    }
  }
  return steps;
}

/** What a rewrite changed: shown lines dropped and output lines added. */
export interface ExcerptRewrite {
  lines: string[];
  dropped: number;
  added: number;
}

/**
 * The shown excerpt made true for the actual output with the least change: lines and cuts that still hold stay,
 * `…` gaps stay where they still stand for lines, the rest is replaced by output lines — a line that replaces a
 * cut line is cut at the same length.
 */
export function rewriteExcerpt(shown: string[], actualLines: string[]): ExcerptRewrite {
  const tokens = shown.map(tokenOf);
  const actual = actualLines.map((l) => l.trimEnd());
  const steps = editSteps(tokens, actual);
  const lines: string[] = [];
  let dropped = 0;
  let added = 0;
  // Cut lines dropped since the last kept line, waiting to give their length to the lines that replace them.
  const cuts: number[] = [];
  for (const [k, step] of steps.entries()) {
    if (step.op === 'keep') {
      cuts.length = 0;
      lines.push(shown[step.i]!.trimEnd());
    } else if (step.op === 'absorb') {
      cuts.length = 0;
      // A gap is written once, at its first absorbed line; a gap that stands for no line is left out.
      const previous = steps[k - 1];
      if (!(previous?.op === 'absorb' && previous.i === step.i)) lines.push(ELLIPSIS);
    } else if (step.op === 'drop') {
      const token = tokens[step.i]!;
      if (token.kind === 'gap') continue;
      dropped++;
      if (token.kind === 'prefix') cuts.push([...token.text].length);
    } else {
      added++;
      const line = actual[step.j]!;
      const cut = cuts.shift();
      const chars = [...line];
      lines.push(cut !== undefined && chars.length > cut + 1 ? chars.slice(0, cut).join('') + ELLIPSIS : line);
    }
  }
  return { lines, dropped, added };
}
