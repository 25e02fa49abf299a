import { eq, isNotNull, max, min, sql } from 'drizzle-orm';
import { toCsv } from '../charts/csv.js';
import type { DigestDb } from '../db/open.js';
import { reportCount } from '../db/report-writer.js';
import { reports as reportsTable } from '../db/schema.js';
import { createDigestService } from '../service/create-digest-service.js';
import { renderPlain } from '../service/reply/plain-renderer.js';
import type { Reply } from '../service/reply/reply-model.js';
import { buildWeeklyDigest, type DigestSub } from '../scheduler/weekly-digest.js';
import { fillCorpus } from '../db/fill-corpus.js';
import { createRng } from './prng.js';
import { percentiles, type Percentiles } from './stats.js';

/** Commands whose latency the benchmark reports. */
export const LATENCY_KEYS = [
  'report',
  'compareProposals',
  'compareTopic',
  'compareCsv',
  'trend',
  'search',
  'list',
  'listProvince',
  'weeklyHighlight',
  'pointLookup',
] as const;

/** One latency key. */
export type LatencyKey = (typeof LATENCY_KEYS)[number];

/** Latency of one command, with the kinds of reply it produced (an error reply is still an answer). */
export interface CommandLatency extends Percentiles {
  /** The first call on a freshly opened database (caches empty), not part of the percentiles. */
  firstMs: number;
  /** The first call right after an ingest-like write (a report added: corpus caches dropped); null if not measured. */
  afterWriteMs: number | null;
  /** Resident set size right after this command's runs (MB). */
  rssMb: number;
  samples: number;
  replyKinds: Record<string, number>;
  example: string;
}

/** What a serving probe measures. */
export interface ServingFigures {
  latency: Record<LatencyKey, CommandLatency>;
  peakRssMb: number;
  reports: number;
}

/** Reports the commands' arguments are drawn from. */
const ARGUMENT_SAMPLE = 1000;

const SEARCH_WORDS = ['提案 办理', '营商环境', '乡村振兴', '请你来协商', '民主监督 专题', '社情民意', '委员 履职'];

/** Subscriptions of the empty-week highlight probe, one per filter kind the highlight selects with. */
const HIGHLIGHT_SUBS: DigestSub[][] = [
  [{ filter: '提案', filterKind: 'metric', filterValue: '提案' }],
  [{ filter: '营商环境', filterKind: 'topic', filterValue: '营商环境' }],
  [{ filter: '全部', filterKind: 'all', filterValue: '' }],
];

/** Options of a serving measurement. */
export interface ServingOptions {
  /**
   * Also time each command's first call after a write that adds one report (a copy, see fill-corpus), the
   * cost a user pays after every ingest. The database grows by one report per command.
   */
  afterWrite?: boolean;
  seed?: number;
}

/**
 * Probes that read the whole corpus by design (an export of every row, a weekly run's pick): seconds a call at 100k,
 * so they get a few calls (their p99 is the slowest of these) and the probe stays inside the child's time limit.
 */
const WHOLE_CORPUS: ReadonlySet<LatencyKey> = new Set(['compareCsv', 'weeklyHighlight']);
const WHOLE_CORPUS_CALLS = 10;

/** Runs every command `iterations` times in-process (handle + render to text) and samples memory. */
export function measureServing(db: DigestDb, iterations: number, options: ServingOptions = {}): ServingFigures {
  const seed = options.seed ?? 7;
  const service = createDigestService({ db });
  const rng = createRng(seed);
  const reports = reportCount(db);
  // Arguments are drawn from a sample of reports read by id, not from every report's region held in an array:
  // at 100,000 reports those arrays (and the scans filling them) were ~90 MB of the serving RSS reported.
  const bounds = db
    .select({ lo: min(reportsTable.id), hi: max(reportsTable.id) })
    .from(reportsTable)
    .get();
  const lo = bounds?.lo ?? 0;
  const hi = bounds?.hi ?? -1;
  const byId = db
    .select({ id: reportsTable.id, name: reportsTable.regionName, year: reportsTable.year })
    .from(reportsTable)
    .where(eq(reportsTable.id, sql.placeholder('id')))
    .prepare();
  const regions: { name: string; year: number }[] = [];
  let sampled = 0;
  for (let tries = 0; hi >= lo && sampled < ARGUMENT_SAMPLE && tries < ARGUMENT_SAMPLE * 4; tries++) {
    const r = byId.get({ id: rng.int(lo, hi) });
    if (!r) continue;
    sampled++;
    if (r.name !== null && r.year !== null) regions.push({ name: r.name, year: r.year });
  }
  const provinces = db
    .selectDistinct({ province: reportsTable.province })
    .from(reportsTable)
    .where(isNotNull(reportsTable.province))
    .all()
    .flatMap((r) => (r.province === null ? [] : [r.province]));
  if (!regions.length) throw new Error('the database has no reports with a region and year');

  let peakRss = process.memoryUsage().rss;
  const chat = { platform: 'console', chatId: 'bench' };
  /** A command line answered and rendered as text; the CSV export also encoded to its bytes, as an adapter sends it. */
  const command = (line: () => string) => (): [string, Reply] => {
    const text = line();
    const reply = service.handle(text, chat);
    renderPlain(reply);
    if (reply.csv) toCsv(reply.csv);
    return [text, reply];
  };
  // Full names, as a user picking from the list would: short names of homonyms (广安 → 广安市/广安区) get a
  // clarifying question, which is also an answer but not the one being measured.
  const probes: Record<Exclude<LatencyKey, 'pointLookup'>, () => [string, Reply]> = {
    report: command(() => {
      const r = rng.pick(regions);
      return `/report ${r.name} ${r.year}`;
    }),
    compareProposals: command(() => '/compare 提案'),
    compareTopic: command(() => '/compare 营商环境'),
    compareCsv: command(() => '/compare 提案 csv'),
    trend: command(() => `/trend ${rng.pick(regions).name} 提案`),
    search: command(() => `/search ${rng.pick(SEARCH_WORDS)}`),
    list: command(() => '/list'),
    listProvince: command(() => (provinces.length ? `/list ${rng.pick(provinces)}` : '/list')),
    // A weekly digest with no new reports under DIGEST_EMPTY=highlight: one report of the corpus, by slot.
    weeklyHighlight: () => {
      const subs = rng.pick(HIGHLIGHT_SUBS);
      const slot = `2026-W${String(rng.int(1, 52)).padStart(2, '0')}`;
      const reply = buildWeeklyDigest({ store: service.reads, subs, slot, reports: [], empty: 'highlight' });
      if (!reply) throw new Error('the empty-week highlight found no report');
      renderPlain(reply);
      return [`highlight ${subs[0]!.filterKind} ${slot}`, reply];
    },
  };
  const latency = {} as Record<LatencyKey, CommandLatency>;
  const warmUp = Math.min(10, Math.ceil(iterations / 10));
  for (const [key, probe] of Object.entries(probes) as [Exclude<LatencyKey, 'pointLookup'>, () => [string, Reply]][]) {
    const samples: number[] = [];
    const replyKinds: Record<string, number> = {};
    let example = '';
    let firstMs = NaN;
    const whole = WHOLE_CORPUS.has(key);
    const calls = whole ? Math.min(iterations, WHOLE_CORPUS_CALLS) : iterations;
    const skip = whole ? 1 : warmUp;
    for (let i = 0; i < skip + calls; i++) {
      const started = performance.now();
      const [text, reply] = probe();
      const ms = performance.now() - started;
      if (i === 0) firstMs = round(ms);
      if (i < skip) continue;
      samples.push(ms);
      replyKinds[reply.kind] = (replyKinds[reply.kind] ?? 0) + 1;
      if (!example) example = `${text} → ${renderPlain(reply).split('\n')[0]!.slice(0, 60)}`;
      if (i % 16 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
    latency[key] = {
      ...percentiles(samples),
      firstMs,
      afterWriteMs: null,
      rssMb: rssMb(),
      samples: samples.length,
      replyKinds,
      example,
    };
  }
  if (options.afterWrite) {
    // One write before each command, so every first call finds the corpus caches dropped.
    for (const [key, probe] of Object.entries(probes) as [Exclude<LatencyKey, 'pointLookup'>, () => [string, Reply]][]) {
      fillCorpus(db, reportCount(db) + 1);
      const started = performance.now();
      probe();
      latency[key].afterWriteMs = round(performance.now() - started);
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }

  // The floor: one indexed row fetch through a prepared statement.
  const point = db
    .select({ id: reportsTable.id, title: reportsTable.title, regionName: reportsTable.regionName, year: reportsTable.year })
    .from(reportsTable)
    .where(eq(reportsTable.id, sql.placeholder('id')))
    .prepare();
  const samples: number[] = [];
  let firstMs = NaN;
  for (let i = 0; i < warmUp + iterations * 10; i++) {
    // Any id of the table, not only the sample's: the floor of a lookup that finds its page cold.
    const id = rng.int(lo, hi);
    const started = performance.now();
    point.get({ id });
    const ms = performance.now() - started;
    if (i === 0) firstMs = round(ms);
    if (i >= warmUp) samples.push(ms);
  }
  latency.pointLookup = {
    ...percentiles(samples),
    firstMs,
    afterWriteMs: null,
    rssMb: rssMb(),
    samples: samples.length,
    replyKinds: { row: samples.length },
    example: 'SELECT … FROM reports WHERE id = ?',
  };
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { latency, peakRssMb: Math.round((peakRss / 1024 / 1024) * 10) / 10, reports };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}

function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}
