import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** How long a saved chart or CSV is kept; default a week. */
const CHART_MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Most chart/CSV files kept, whatever their age. */
const CHART_MAX_FILES = 500;

/** Limits of the expiry (tests pass small ones and a fake clock). */
export interface ExpireOptions {
  maxAgeMs?: number;
  maxFiles?: number;
  now?: number;
}

/**
 * Deletes chart PNGs and CSVs in `dir` older than the age limit, then the oldest beyond the count limit, so
 * `data/charts` stays bounded (every distinct question writes a file). Returns the number deleted; a file
 * that vanished or cannot be removed is left to the next run.
 */
export function expireCharts(dir: string, options: ExpireOptions = {}): number {
  const now = options.now ?? Date.now();
  const maxAge = options.maxAgeMs ?? CHART_MAX_AGE_MS;
  const maxFiles = options.maxFiles ?? CHART_MAX_FILES;
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.(png|csv)$/i.test(n));
  } catch {
    return 0;
  }
  const files: { path: string; mtime: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    try {
      files.push({ path, mtime: statSync(path).mtimeMs });
    } catch {
      // Gone already.
    }
  }
  files.sort((a, b) => b.mtime - a.mtime);
  let removed = 0;
  files.forEach((f, i) => {
    if (i < maxFiles && now - f.mtime <= maxAge) return;
    try {
      unlinkSync(f.path);
      removed++;
    } catch {
      // Left for the next run.
    }
  });
  return removed;
}
