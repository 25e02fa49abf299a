import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Reply } from '../service/reply/reply-model.js';
import { toCsv } from './csv.js';
import { expireCharts } from './expire-charts.js';
import { renderChartPng } from './render-png.js';

/** Where console and `digest ask` put chart files. */
export interface SaveChartOptions {
  /** Folder for the files (relative to `cwd` or absolute); default `data/charts`. */
  dir?: string;
  /** Base for the relative `dir` and for the printed paths; default `process.cwd()`. */
  cwd?: string;
  /** Called when a file cannot be written or rendered (the reply itself still goes out); default: a line on stderr. */
  onError?: (error: unknown) => void;
  /** Renderer override (tests). */
  render?: (chart: NonNullable<Reply['chart']>) => Buffer | Promise<Buffer>;
}

/** `compare-1a2b3c4d`: reply kind plus a hash of the chart (or table), so the same question overwrites its own file. */
export function chartFileStem(reply: Reply): string {
  const hash = createHash('sha1')
    .update(JSON.stringify(reply.chart ?? reply.csv ?? reply.title))
    .digest('hex')
    .slice(0, 8);
  return `${reply.kind}-${hash}`;
}

async function write(
  reply: Reply,
  ext: string,
  bytes: () => Buffer | Promise<Buffer>,
  options: SaveChartOptions,
): Promise<string | null> {
  const cwd = options.cwd ?? process.cwd();
  const dir = resolve(cwd, options.dir ?? 'data/charts');
  const file = join(dir, `${chartFileStem(reply)}.${ext}`);
  try {
    const data = await bytes();
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, data);
    // Every distinct question writes a file: old ones go, so the folder stays bounded.
    expireCharts(dir);
  } catch (error) {
    (
      options.onError ??
      ((e) => process.stderr.write(`无法保存 ${ext.toUpperCase()}:${e instanceof Error ? e.message : String(e)}\n`))
    )(error);
    return null;
  }
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Writes the reply's chart as `<dir>/<stem>.png`; returns the printed path, or null without a chart or on failure. */
export async function saveChart(reply: Reply, options: SaveChartOptions = {}): Promise<string | null> {
  const chart = reply.chart;
  if (!chart) return null;
  return write(reply, 'png', () => (options.render ?? renderChartPng)(chart), options);
}

/** Writes the reply's CSV export next to its chart (`<dir>/<stem>.csv`); null when the reply has none or on failure. */
export async function saveCsv(reply: Reply, options: SaveChartOptions = {}): Promise<string | null> {
  const csv = reply.csv;
  if (!csv) return null;
  return write(reply, 'csv', () => toCsv(csv), options);
}

/** Both files, as the lines console and `digest ask` print: `图表: data/charts/….png`, `CSV: data/charts/….csv`. */
export async function saveReplyFiles(reply: Reply, options: SaveChartOptions = {}): Promise<string[]> {
  const lines: string[] = [];
  const png = await saveChart(reply, options);
  if (png) lines.push(`图表: ${png}`);
  const csv = await saveCsv(reply, options);
  if (csv) lines.push(`CSV: ${csv}`);
  return lines;
}
