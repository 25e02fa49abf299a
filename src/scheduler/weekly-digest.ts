import { describeFilter } from '../service/subscriptions/describe-filter.js';
import type { DigestReads, ReportRow } from '../service/ports.js';
import { regionLabel } from '../service/reply/format.js';
import type { Reply, ReplyAction, ReplySection } from '../service/reply/reply-model.js';
import type { Subscription } from '../db/subscription-store.js';
import { digestEntry } from './digest-entry.js';
import { filterOf, metricKeys } from './filters.js';
import { metricStanding } from './metric-standing.js';
import type { Slot } from './slot.js';

/** What to do when a subscription has no new reports: send nothing, or a short note with one highlight. */
export type EmptyDigest = 'skip' | 'highlight';

/** Reports shown in full in one digest; the rest are listed by name (messages stay readable). */
const MAX_ENTRIES = 8;

/** The fields of a subscription a digest reads. */
export type DigestSub = Pick<Subscription, 'filter' | 'filterKind' | 'filterValue'> &
  Partial<Pick<Subscription, 'subjectKind' | 'subjectValue'>>;

/** What one chat's weekly digest is built from: all its filters, merged. */
export interface WeeklyDigestInput {
  store: DigestReads;
  subs: DigestSub[];
  slot: Slot;
  /** The new reports for this chat (matching any of its filters, each once, oldest first). */
  reports: ReportRow[];
  empty: EmptyDigest;
}

/** Buttons every digest ends with: manage the subscriptions, pause, or stop them. */
const MANAGE_ACTIONS: ReplyAction[] = [
  { label: '管理订阅', command: '/subscriptions' },
  { label: '暂停推送', command: '/pause' },
  { label: '退订', command: '/unsubscribe' },
];

/** The metric word a subscription selects on, if any (a metric filter or a place narrowed by a metric). */
function metricWord(sub: DigestSub): string | null {
  if (sub.filterKind === 'metric') return sub.filterValue;
  return sub.subjectKind === 'metric' && sub.subjectValue ? sub.subjectValue : null;
}

/** One chat's weekly digest reply (all its filters merged), or null when there is nothing to send. */
export function buildWeeklyDigest(input: WeeklyDigestInput): Reply | null {
  const { store, subs, slot, reports } = input;
  if (!reports.length) return input.empty === 'highlight' ? emptyWithHighlight(input) : null;
  const what = subs.map(describeFilter).join('、');
  const title = `每周报告摘要 · ${slot}`;
  const shown = reports.slice(0, MAX_ENTRIES);
  const sections: ReplySection[] = [
    {
      blocks: [
        { type: 'heading', text: title },
        { type: 'paragraph', text: `订阅:${what}。本周新增 ${reports.length} 份报告。` },
      ],
    },
    ...shown.map((r, i) => digestEntry(store, r, reports.length > 1 ? i + 1 : null)),
  ];
  if (reports.length > shown.length) {
    sections.push({
      blocks: [
        { type: 'heading', text: `另有 ${reports.length - shown.length} 份` },
        {
          type: 'list',
          items: reports.slice(MAX_ENTRIES).map((r) => ({ text: `${regionLabel(r)} ${r.year ?? ''} · ${r.title ?? ''}` })),
        },
      ],
    });
  }
  const actions: ReplyAction[] = shown
    .slice(0, 5)
    .map((r) => ({ label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${r.id}` }));
  const words = [...new Set(subs.map(metricWord).filter((w): w is string => w !== null))];
  for (const word of words) {
    const keys = metricKeys(store, word);
    if (!keys) continue;
    const standing = metricStanding(store, keys, reports);
    if (standing.length)
      sections.push({
        blocks: [
          { type: 'heading', text: `与其他报告相比(${word})` },
          { type: 'list', items: standing.map((text) => ({ text })) },
        ],
      });
    actions.push({ label: `比较${word}`, command: `/compare ${word}` });
  }
  actions.push(...MANAGE_ACTIONS);
  return { kind: 'digest', title, sections, actions, script: 'simplified' };
}

/**
 * “本周无新报告” plus one report from the corpus (matching a filter when any does), rotating by slot: the
 * reports are counted and the one at `hash(slot) % count` in listing order is read, all in SQL.
 */
function emptyWithHighlight({ store, subs, slot }: WeeklyDigestInput): Reply | null {
  // A subscription to every report makes the whole corpus the matching reports.
  const filters = subs.some((sub) => sub.filterKind === 'all') ? null : subs.map(filterOf);
  let pool = filters;
  let count = store.countMatching(pool);
  if (!count && pool) count = store.countMatching((pool = null));
  if (!count) return null;
  const pick = store.matchingAt(pool, hash(slot) % count);
  if (!pick) return null;
  const title = `每周报告摘要 · ${slot}`;
  return {
    kind: 'digest',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          { type: 'paragraph', text: `订阅:${subs.map(describeFilter).join('、')}。本周无新报告。往期回顾:` },
        ],
      },
      digestEntry(store, pick, null),
    ],
    actions: [
      { label: `${pick.regionName ?? '报告'} ${pick.year ?? ''}`.trim(), command: `/report #${pick.id}` },
      ...MANAGE_ACTIONS,
    ],
    script: 'simplified',
  };
}

/** A small deterministic string hash (FNV-1a), so the highlight changes from week to week but not between runs. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
