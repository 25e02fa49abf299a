import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceSql } from '../../src/db/evidence-ref.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { seededService } from '../helpers/seeded-service.js';

// The facts /compare 提案 rests on, over the seeds and the whole dev corpus (the compare command's own tests
// cover its presentation on a chosen subset): received ≥ filed ≥ answered in every stored headline, every
// headline fact with its period, and no row of the answer with received below filed.
const DEV = resolve(__dirname, '../../../shared/dev-corpus');
const files = existsSync(DEV)
  ? readdirSync(DEV)
      .filter((f) => /^d\d+\.txt$/.test(f))
      .map((f) => join(DEV, f))
  : [];

let env: Awaited<ReturnType<typeof seededService>>;
beforeAll(async () => {
  if (files.length) env = await seededService(files);
}, 120_000);
afterAll(() => env?.cleanup());

interface Headline {
  reportId: number;
  key: string;
  value: number;
  unit: string;
  period: string;
  evidence: string;
}

describe.skipIf(!files.length)('proposal facts of seeds + the whole dev corpus', () => {
  const headlines = (): Headline[] =>
    env.db.$client
      // Evidence as readers get it: most rows store a reference into their paragraph, not the sentence.
      .prepare(
        `SELECT report_id AS reportId, key, value, unit, period, ${evidenceSql()} AS evidence FROM metrics WHERE headline = 1`,
      )
      .all() as Headline[];

  it('never store a headline with received below filed or filed below answered', () => {
    const byReport = new Map<number, Map<string, Headline>>();
    for (const h of headlines()) {
      const m = byReport.get(h.reportId) ?? new Map<string, Headline>();
      m.set(h.key, h);
      byReport.set(h.reportId, m);
    }
    let pairs = 0;
    for (const m of byReport.values()) {
      for (const [big, small] of [
        ['proposals.received', 'proposals.filed'],
        ['proposals.filed', 'proposals.answered'],
      ] as const) {
        const b = m.get(big);
        const s = m.get(small);
        if (!b || !s || b.unit !== s.unit) continue;
        pairs++;
        expect(b.value, `${big} ${b.value} < ${small} ${s.value} (report ${b.reportId})`).toBeGreaterThanOrEqual(s.value);
      }
    }
    expect(pairs).toBeGreaterThan(20);
  });

  it('give a headline fact whose own sentence states a term or a running total that period, never the year', () => {
    let termed = 0;
    for (const h of headlines()) {
      const line = h.evidence.split('\n')[0] ?? '';
      if (!/五年来|本届以来|过去五年|[二三四五]年累计/.test(line)) continue;
      termed++;
      expect(h.period, `${h.key}=${h.value}${h.unit} «${line.slice(0, 40)}»`).not.toBe('year');
    }
    expect(termed).toBeGreaterThan(5);
  });

  it('/compare 提案 shows no row whose received is below its filed', () => {
    const reply: Reply = env.service.handle('/compare 提案', { platform: 'console', chatId: 'compare-whole' });
    let rows = 0;
    for (const b of reply.sections.flatMap((s) => s.blocks)) {
      if (b.type !== 'table') continue;
      const filed = b.columns.indexOf('立案');
      const received = b.columns.indexOf('收到');
      for (const row of b.rows) {
        const n = (c: string | null | undefined) => (c ? Number(/^[近约]?(\d+(?:\.\d+)?)/.exec(c)?.[1] ?? Number.NaN) : null);
        const f = n(row[filed]);
        const r = n(row[received]);
        if (f === null || r === null || Number.isNaN(f) || Number.isNaN(r)) continue;
        rows++;
        expect(r, `${row[0]}: 收到 ${row[received]} < 立案 ${row[filed]}`).toBeGreaterThanOrEqual(f);
      }
    }
    expect(rows).toBeGreaterThan(10);
  });
});
