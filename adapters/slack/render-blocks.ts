import type { types } from '@slack/bolt';
import type { Block, ReplySection } from '../../src/service/reply/reply-model.js';
import { SLACK_LIMITS } from './limits.js';
import { bold, chunkRich, clip, escapeMrkdwn, markedMrkdwn } from './mrkdwn.js';

/** A Block Kit block as sent to Slack. */
export type SlackBlock = types.KnownBlock;

/** Table rows per section: several rows per block keep long tables within 50 blocks, a few keep them readable. */
const ROWS_PER_SECTION = 5;
/** Raw characters kept per table cell or field value, so escaping can never push a block over its limit. */
const MAX_CELL = 300;
const MAX_FIELD = 360;

/** The reply title as a header block (plain text, at most 150 characters). */
export function headerBlock(title: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(title, SLACK_LIMITS.headerText), emoji: false } };
}

/**
 * Renders one reply section as Block Kit blocks, each within Slack's per-block limits. A heading joins the
 * text below it and a quote joins the line it backs (`*立案提案*: 196件` + `>原文`): fewer blocks, same reading.
 */
export function renderSection(section: ReplySection): SlackBlock[] {
  const out: SlackBlock[] = [];
  let joinable = false;
  for (const b of section.blocks) {
    const rendered = renderBlock(b);
    const first = rendered[0];
    const prev = out[out.length - 1];
    if (joinable && first && (b.type === 'quote' || b.type === 'paragraph' || b.type === 'list' || b.type === 'fields')) {
      const joined = joinText(prev, first);
      if (joined) {
        out[out.length - 1] = joined;
        rendered.shift();
      }
    }
    out.push(...rendered);
    // Join only after headings and single key–value lines, and only into the block that follows them.
    joinable = b.type === 'heading' || (b.type === 'fields' && b.items.length === 1);
  }
  return out;
}

/** One text section holding both texts, or null when either is not a plain text section or it would be too long. */
function joinText(a: SlackBlock | undefined, b: SlackBlock): SlackBlock | null {
  if (a?.type !== 'section' || b.type !== 'section' || a.fields || b.fields || !a.text || !b.text) return null;
  const text = `${a.text.text}\n${b.text.text}`;
  return text.length <= SLACK_LIMITS.sectionText ? mrkdwnSection(text) : null;
}

/** Renders one neutral block; long text becomes several sections. */
function renderBlock(b: Block): SlackBlock[] {
  switch (b.type) {
    case 'heading':
      return [mrkdwnSection(bold(clip(b.text, SLACK_LIMITS.sectionText - 10)))];
    case 'paragraph':
      return chunkRich(b, SLACK_LIMITS.sectionText).map((piece) => mrkdwnSection(markedMrkdwn(piece)));
    case 'fields':
      // A lone pair reads better as a line than as a half-width field.
      if (b.items.length === 1) {
        const [i] = b.items as [{ label: string; value: string }];
        return [mrkdwnSection(`${bold(clip(i.label, 30))}: ${escapeMrkdwn(clip(i.value, MAX_CELL * 5))}`)];
      }
      return groups(b.items, SLACK_LIMITS.fieldsPerSection).map((items) => ({
        type: 'section',
        fields: items.map((i) => ({
          type: 'mrkdwn' as const,
          text: `${bold(clip(i.label, 30))}\n${escapeMrkdwn(clip(i.value, MAX_FIELD))}`,
        })),
      }));
    case 'list':
      return packLines(
        b.items.flatMap((item, i) => {
          const bullet = b.ordered ? `${i + 1}. ` : '• ';
          return chunkRich(item, SLACK_LIMITS.sectionText - bullet.length).map((p, k) => (k ? '' : bullet) + markedMrkdwn(p));
        }),
      );
    case 'quote': {
      const lines = chunkRich({ text: b.text }, SLACK_LIMITS.sectionText - 200).map(
        (p) => '>' + markedMrkdwn(p).replace(/\n/g, '\n>'),
      );
      if (b.source) lines[lines.length - 1] += `\n_—— ${escapeMrkdwn(clip(b.source, 150))}_`;
      return lines.map(mrkdwnSection);
    }
    case 'link':
      return [mrkdwnSection(linkText(b.text, b.url))];
    case 'table':
      return renderTable(b.columns, b.rows);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/**
 * Tables become self-describing lines (`*资阳市* — 年份: 2022 · 提案: 196`), a few rows per section:
 * monospace alignment breaks with CJK widths, and labelled cells survive a split across messages.
 */
function renderTable(columns: string[], rows: (string | null)[][]): SlackBlock[] {
  const lines = rows.map((row) => {
    const cell = (i: number) => escapeMrkdwn(clip(row[i] ?? '—', MAX_CELL));
    const head = bold(clip(row[0] ?? '—', MAX_CELL));
    const rest = columns.slice(1).map((c, i) => `${escapeMrkdwn(clip(c, MAX_CELL))}: ${cell(i + 1)}`);
    return clip(rest.length ? `${head} — ${rest.join(' · ')}` : head, SLACK_LIMITS.sectionText);
  });
  if (!lines.length) return [mrkdwnSection('_（无数据）_')];
  return groups(lines, ROWS_PER_SECTION).flatMap((g) => packLines(g));
}

/** Joins lines into as few sections as fit in the section text limit. */
function packLines(lines: string[]): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionText) {
      out.push(mrkdwnSection(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push(mrkdwnSection(current));
  return out;
}

/** A mrkdwn link; anything but http(s) is shown as text so odd schemes cannot become links. */
function linkText(text: string, url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMrkdwn(`${text}: ${url}`);
  // `|` and `>` would end the link early inside `<url|label>`.
  const safeUrl = url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');
  return clip(`<${safeUrl}|${escapeMrkdwn(text.replace(/\|/g, '｜'))}>`, SLACK_LIMITS.sectionText);
}

function mrkdwnSection(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: text || ' ', verbatim: true } };
}

function groups<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
