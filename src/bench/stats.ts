/** Latency percentiles in milliseconds. */
export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** p50/p95/p99 of samples, rounded to microseconds. */
export function percentiles(samples: number[]): Percentiles {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return { p50Ms: r(percentile(samples, 50)), p95Ms: r(percentile(samples, 95)), p99Ms: r(percentile(samples, 99)) };
}

/** Median of samples. */
export function median(samples: number[]): number {
  return percentile(samples, 50);
}
