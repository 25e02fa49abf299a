import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILY_ORDER } from '../../../src/ingest/metrics/registry/family-order.js';
import { GOLD_LABELS, inFamily, KEY_BY_NAME, KEYS, PARTS_OF, type MetricKey } from '../../../src/ingest/metrics/registry/keys.js';
import { METRIC_WORDS } from '../../../src/ingest/metrics/registry/metric-words.js';
import { COUNT_ORDERS, RATIOS } from '../../../src/ingest/metrics/registry/ratios.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const REGISTRY = 'src/ingest/metrics/registry';

/**
 * Files that may still write a key, with the keys and the reason. Each literal here goes through a parameter
 * typed `MetricKey`, so a misspelt one does not compile.
 */
const ALLOWED: Record<string, { keys: string[]; why: string }> = {
  'src/ingest/metrics/checks.ts': {
    keys: ['funding.amount', 'media.reports', 'projects.key_investment', 'members.count'],
    why: 'wording rules of one key each (节约资金, 阅读量, 总投资, 委员变动), placed among the other checks whose order the flags keep',
  },
};

/** Every .ts file under a folder of the repo. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** The registry keys a file writes: string literals ('proposals.filed', "…", `…`) and regexes (/legislation\.drafts/). */
function keyLiterals(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const quoted = [...text.matchAll(/(['"`])([a-z_]+\.[a-z_0-9]+)\1/g)].map((m) => m[2]!);
  const inRegex = [...text.matchAll(/([a-z_]+)\\\.([a-z_0-9]+)/g)].map((m) => `${m[1]}.${m[2]}`);
  return [...quoted, ...inRegex].filter((k) => KEY_BY_NAME.has(k));
}

describe('the metric registry is the one place a key is written', () => {
  it('finds every key in the registry itself (the scan works)', () => {
    expect(new Set(sources(REGISTRY).flatMap(keyLiterals)).size).toBe(KEYS.length);
  });

  it('no file in src/ or adapters/ outside the registry writes a key string, except the allow-listed ones', () => {
    const found: Record<string, string[]> = {};
    for (const f of [...sources('src'), ...sources('adapters')]) {
      if (f.startsWith(`${REGISTRY}/`)) continue;
      const keys = keyLiterals(f);
      if (keys.length) found[f] = [...new Set(keys)].sort();
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([f, a]) => [f, [...a.keys].sort()])));
  });

  it('every key the table points at is one of its keys', () => {
    const pointed = KEYS.flatMap((d) => [d.growth, d.share, d.partOf, d.manyKinds?.key, d.alsoRate?.key]).filter(
      (k): k is string => k !== undefined,
    );
    expect(pointed.filter((k) => !KEY_BY_NAME.has(k))).toEqual([]);
    const typed: string[] = [
      ...RATIOS.flatMap((r) => [r.rate, r.num, r.den]),
      ...COUNT_ORDERS.flatMap((o) => [o.big, o.small]),
      ...METRIC_WORDS.flatMap((g) => g.columns.map((c) => c.key)),
      ...PARTS_OF.keys(),
    ];
    expect(typed.filter((k) => !KEY_BY_NAME.has(k))).toEqual([]);
  });

  it('keys are unique, and each leading key has its own place within a family /report orders', () => {
    expect(new Set(KEYS.map((d) => d.key)).size).toBe(KEYS.length);
    const leading = KEYS.filter((d) => d.display !== undefined);
    for (const d of leading) expect(FAMILY_ORDER as readonly string[]).toContain(d.key.split('.')[0]);
    const places = leading.map((d) => `${d.key.split('.')[0]}:${d.display}`);
    expect(new Set(places).size).toBe(places.length);
    expect(KEY_BY_NAME.get('economy.gdp_growth')?.display).toBe(1.5);
  });

  it('a gold label names one key, and the 办复率 ratio is 办复 over 立案', () => {
    const labels = KEYS.flatMap((d) => d.goldLabels ?? []);
    expect(GOLD_LABELS.size).toBe(labels.length);
    expect(GOLD_LABELS.get('地区生产总值(预计)')).toBe('economy.gdp');
    const answer: MetricKey = 'proposals.answer_rate';
    expect(RATIOS.find((r) => r.rate === answer)).toEqual({ rate: answer, num: 'proposals.answered', den: 'proposals.filed' });
  });

  it('a misspelt key does not compile', () => {
    // @ts-expect-error — not a key of the registry: `npm run typecheck` fails if this ever compiles.
    const misspelt: MetricKey = 'proposals.fild';
    expect(KEY_BY_NAME.has(misspelt)).toBe(false);
    // @ts-expect-error — not a family of the registry.
    expect(inFamily('proposals.filed', 'proposal')).toBe(false);
    expect(inFamily('proposals.filed', 'proposals')).toBe(true);
  });
});
