import { KEYS } from '../ingest/metrics/registry/keys.js';

/** A key's place in headline_rows: its family (the part before the dot) and its bit among the family's keys. */
export interface KeyBit {
  family: string;
  bit: number;
}

/** Bits per family mask: JS bitwise operators are 32-bit signed, so at most 30 keys a family get one. */
const MAX_BITS = 30;

function familyOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

/** Each registry key's bit, in table order within its family. */
const BITS: ReadonlyMap<string, KeyBit> = (() => {
  const out = new Map<string, KeyBit>();
  const used = new Map<string, number>();
  for (const { key } of KEYS) {
    if (out.has(key)) continue;
    const family = familyOf(key);
    const n = used.get(family) ?? 0;
    used.set(family, n + 1);
    if (n < MAX_BITS) out.set(key, { family, bit: 1 << n });
  }
  return out;
})();

/** The bit of a key, or null for a key outside the registry (or past a family's 30th). */
export function keyBit(key: string): KeyBit | null {
  return BITS.get(key) ?? null;
}

/**
 * The family and mask of a row's columns when every column has a bit of one family (a comparison can then
 * count its rows from headline_rows), else null.
 */
export function rowBits(keys: readonly string[]): { family: string; mask: number } | null {
  const bits = keys.map(keyBit);
  const family = bits[0]?.family;
  if (!family || bits.some((b) => !b || b.family !== family)) return null;
  return { family, mask: bits.reduce((m, b) => m | b!.bit, 0) };
}

/** What the stored masks mean, as a number kept in corpus_meta (a changed registry order refills them). */
export const BITS_SIGNATURE = [...[...BITS].map(([k, b]) => `${k}:${b.bit}`).join(',')].reduce(
  (h, ch) => (h * 31 + ch.charCodeAt(0)) % 2147483647,
  7,
);
