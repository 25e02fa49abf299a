/**
 * The metric registry's table: every canonical key with its Chinese label, unit family, cue words and display
 * order, gathered from the family files in this folder (their order is the table order, which headline_rows'
 * key bits keep). The registry folder is the one place a key string is written (test/ingest/metrics/
 * registry.test.ts scans src/ and adapters/ for others); extend here.
 */
import { CPPCC_WORK_KEYS } from './cppcc-work-keys.js';
import { GOVERNMENT_KEYS } from './government-keys.js';
import { GOV, type KeyDef } from './key-def.js';
import { NPC_KEYS } from './npc-keys.js';
import { PROPOSAL_KEYS } from './proposal-keys.js';

const BASE = [...PROPOSAL_KEYS, ...CPPCC_WORK_KEYS, ...NPC_KEYS, ...GOVERNMENT_KEYS] as const;

/**
 * A canonical metric key of the table, growth keys included. Key strings in other files are typed by it,
 * so a key that is not in the table does not compile.
 */
export type MetricKey = (typeof BASE)[number]['key'] | Extract<(typeof BASE)[number], { growth: string }>['growth'];

/**
 * The work of a 政协 or 人大 body itself: in a 政府 report these words (调研, 协商, 意见建议, 委员, 常委会会议 …)
 * count what 人大代表 and 政协委员 did for the government, or nothing of the kind, never the government's own work.
 */
const BODY_WORK: ReadonlySet<string> = new Set<MetricKey>([
  'suggestions.reports',
  'suggestions.items',
  'research.reports',
  'research.events',
  'inspections.events',
  'consultations.special',
  'consultations.events',
  'consultations.grassroots_events',
  'consultations.plan_items',
  'oversight.events',
  'social_info.items',
  'instructions.count',
  'media.reports',
  'meetings.party_group',
  'meetings.standing_committee',
  'meetings.chair',
  'meetings.plenary',
  'meetings.study',
  'members.count',
  'plenary.speeches',
  'publications.issues',
  'leaders.attendance',
]);
const DEFS: readonly KeyDef[] = (BASE as readonly KeyDef[]).map((d) =>
  BODY_WORK.has(d.key) ? { ...d, notBodies: [...new Set([...(d.notBodies ?? []), ...GOV])] } : d,
);

/** Growth-rate keys are derived from their base key (label + 增速, unit %); a leading figure's growth follows it. */
const GROWTH: KeyDef[] = DEFS.filter((d) => d.growth).map((d) => ({
  key: d.growth!,
  label: `${d.label}增速`,
  units: ['%', '个百分点'],
  ...(d.display === undefined ? {} : { display: d.display + 0.5 }),
}));

/** Every key, in table order. */
export const KEYS: KeyDef[] = [...DEFS, ...GROWTH];

/** Key → definition. */
export const KEY_BY_NAME: ReadonlyMap<string, KeyDef> = new Map(KEYS.map((d) => [d.key, d]));

/** Base key of a growth key (economy.gdp_growth → economy.gdp). */
export const BASE_OF_GROWTH: ReadonlyMap<string, string> = new Map(DEFS.filter((d) => d.growth).map((d) => [d.growth!, d.key]));

/** Label for a key, 其他 for unknown ones. */
export function labelOf(key: string): string {
  return KEY_BY_NAME.get(key)?.label ?? '其他';
}

/** Every key's labels in the dev corpus's gold (eval only), normalized to ASCII parentheses. */
export const GOLD_LABELS: ReadonlyMap<string, string> = new Map(KEYS.flatMap((d) => (d.goldLabels ?? []).map((l) => [l, d.key])));

/** Totals and the keys that are parts of them (委员提案, 集体提案 … of 收到提案), in table order. */
export const PARTS_OF: ReadonlyMap<string, readonly string[]> = KEYS.reduce((m, d) => {
  if (d.partOf) m.set(d.partOf, [...(m.get(d.partOf) ?? []), d.key]);
  return m;
}, new Map<string, string[]>());

/** The family of a key: the part before the dot (proposals.filed → proposals). */
export type MetricFamily = MetricKey extends `${infer F}.${string}` ? F : never;

/** Whether `key` is of `family` (typed: a misspelt family does not compile). */
export function inFamily(key: string, family: MetricFamily): boolean {
  return key.startsWith(`${family}.`);
}
