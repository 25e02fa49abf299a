/** Helpers for statements prepared once: IN-list placeholders and lazily prepared values. */
import { sql } from 'drizzle-orm';

/** Positional placeholders `${prefix}0 … ${prefix}(n-1)` for an IN list of `n` values. */
export function listPlaceholders(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => sql.placeholder(`${prefix}${i}`));
}

/** Binds `values` to the placeholders of `listPlaceholders(prefix, values.length)`. */
export function listParams<T>(prefix: string, values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v, i) => [`${prefix}${i}`, v]));
}

/** A value made on first use: a store prepares only the statements its callers run (all of them cost ~2 ms). */
export function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}
