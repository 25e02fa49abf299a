import { describeFilter } from '../service/commands/subscribe-commands.js';
import type { ReportRow, ReportStore } from '../service/query/report-store.js';
import { regionLabel } from '../service/reply/format.js';
import type { Reply, ReplyAction, ReplySection } from '../service/reply/reply-model.js';
import type { Subscription } from '../service/subscriptions/subscription-store.js';
import { digestEntry } from './digest-entry.js';
import { metricKeys, selectReports } from './filters.js';
import { metricStanding } from './metric-standing.js';
import type { Slot } from './slot.js';

/** What to do when a subscription has no new reports: send nothing, or a short note with one highlight. */
export type EmptyDigest = 'skip' | 'highlight';

/** Reports shown in full in one digest; the rest are listed by name (messages stay readable). */
const MAX_ENTRIES = 8;

/** What one subscription's weekly digest is built from. */
export interface WeeklyDigestInput {
  store: ReportStore;
  sub: Pick<Subscription, 'filter' | 'filterKind' | 'filterValue'>;
  slot: Slot;
  /** The new reports for this subscription (already filtered, oldest first). */
  reports: ReportRow[];
  empty: EmptyDigest;
}

/** The weekly digest reply for one subscription, or null when there is nothing to send. */
export function buildWeeklyDigest(input: WeeklyDigestInput): Reply | null {
  const { store, sub, slot, reports } = input;
  if (!reports.length) return input.empty === 'highlight' ? emptyWithHighlight(input) : null;
  const what = describeFilter(sub);
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
  const keys = sub.filterKind === 'metric' ? metricKeys(store, sub.filterValue) : null;
  const standing = keys ? metricStanding(store, keys, reports) : [];
  if (standing.length) {
    sections.push({
      blocks: [
        { type: 'heading', text: `与其他报告相比(${sub.filter})` },
        { type: 'list', items: standing.map((text) => ({ text })) },
      ],
    });
  }
  const actions: ReplyAction[] = shown
    .slice(0, 5)
    .map((r) => ({ label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${r.id}` }));
  if (keys) actions.push({ label: `比较${sub.filter}`, command: `/compare ${sub.filter}` });
  actions.push({ label: '我的订阅', command: '/subscriptions' });
  return { kind: 'digest', title, sections, actions, script: 'simplified' };
}

/** “本周无新报告” plus one report from the corpus (matching the filter when any does), rotating by slot. */
function emptyWithHighlight({ store, sub, slot }: WeeklyDigestInput): Reply | null {
  const all = store.allReports();
  const matching = sub.filterKind === 'all' ? all : selectReports(store, { kind: sub.filterKind, value: sub.filterValue }, all);
  const pool = matching.length ? matching : all;
  if (!pool.length) return null;
  const pick = pool[hash(slot) % pool.length]!;
  const title = `每周报告摘要 · ${slot}`;
  return {
    kind: 'digest',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          { type: 'paragraph', text: `订阅:${describeFilter(sub)}。本周无新报告。往期回顾:` },
        ],
      },
      digestEntry(store, pick, null),
    ],
    actions: [
      { label: `${pick.regionName ?? '报告'} ${pick.year ?? ''}`.trim(), command: `/report #${pick.id}` },
      { label: '我的订阅', command: '/subscriptions' },
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
