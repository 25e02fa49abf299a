import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runBenchCommand } from '../../src/cli/bench-command.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LATENCY = ['report', 'compareProposals', 'compareTopic', 'trend', 'search', 'list', 'listProvince', 'pointLookup'];

describe('digest bench (smoke, 30 reports)', () => {
  it('runs every phase and writes every figure to --json', async () => {
    const file = join(dir, 'out.json');
    const out = new PassThrough();
    let table = '';
    out.on('data', (d: Buffer) => (table += d.toString('utf8')));
    const code = await runBenchCommand(
      ['--reports', '30', '--workers', '2', '--iterations', '5', '--cold-starts', '1', '--json', file],
      out,
    );
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(file, 'utf8'));
    expect(r.reports).toBe(30);
    expect(r.ingest.reportsPerSecond).toBeGreaterThan(0);
    expect(r.ingest.normalizeOnlyMsPerReport).toBeGreaterThan(0);
    expect(r.ingest.runs.map((x: { mode: string }) => x.mode)).toEqual(['single', 'workers']);
    for (const run of r.ingest.runs) {
      expect(run.ingested).toBe(30);
      expect(run.skipped).toBe(0);
      // Extraction is its stages only: reading and storing are reported beside it, not inside it.
      expect(run.cpuMsPerReport).toBeGreaterThan(0);
      expect(run.extractMsPerReport).toBeLessThan(
        Object.values(run.stageMsPerReport as Record<string, number>).reduce((a, b) => a + b, 0),
      );
    }
    for (const key of LATENCY) {
      for (const p of ['p50Ms', 'p95Ms', 'p99Ms']) expect(r.latency[key][p], `${key}.${p}`).toBeGreaterThanOrEqual(0);
      expect(r.latency[key].p99Ms).toBeGreaterThanOrEqual(r.latency[key].p50Ms);
    }
    // Every command got a real answer from the synthetic database, not an error reply.
    expect(Object.keys(r.latency.report.replyKinds)).toEqual(['report']);
    expect(Object.keys(r.latency.compareProposals.replyKinds)).toEqual(['compare']);
    expect(Object.keys(r.latency.search.replyKinds)).toEqual(['search']);
    expect(r.peakRssMb).toBeGreaterThan(10);
    expect(r.coldStartMs).toBeGreaterThan(0);
    expect(r.dbBytesPerReport).toBeGreaterThan(1000);
    expect(r.targets).toHaveLength(8);
    expect(table).toContain('/compare 提案');
    expect(table).toContain('冷启动');
  }, 120_000);

  it('refuses a bad option', async () => {
    expect(await runBenchCommand(['--reports', 'many'], new PassThrough())).toBe(2);
    expect(await runBenchCommand(['--scale', '10,x'], new PassThrough())).toBe(2);
  });
});

describe('digest bench --scale (smoke: 8 extracted reports copied to 20 and 40)', () => {
  it('grows the database by copying and measures every command at each size', async () => {
    const file = join(dir, 'scale.json');
    const out = new PassThrough();
    let table = '';
    out.on('data', (d: Buffer) => (table += d.toString('utf8')));
    const code = await runBenchCommand(
      ['--scale', '40,20', '--base', '8', '--workers', '0', '--iterations', '3', '--json', file],
      out,
    );
    expect(code).toBe(0);
    const r = JSON.parse(readFileSync(file, 'utf8'));
    expect(r.base.ingested).toBe(8);
    expect(r.steps.map((s: { reports: number }) => s.reports)).toEqual([20, 40]);
    for (const step of r.steps) {
      expect(step.serving.reports).toBe(step.reports);
      expect(step.dbBytesPerReport).toBeGreaterThan(1000);
      expect(step.serving.peakRssMb).toBeGreaterThan(10);
      for (const key of LATENCY)
        expect(step.serving.latency[key].p99Ms, key).toBeGreaterThanOrEqual(step.serving.latency[key].p50Ms);
      // The after-write call answered too (the copies are real reports to the service).
      expect(step.serving.latency.compareProposals.afterWriteMs).toBeGreaterThan(0);
      expect(Object.keys(step.serving.latency.list.replyKinds)).toEqual(['list']);
      expect(Object.keys(step.serving.latency.compareProposals.replyKinds)).toEqual(['compare']);
    }
    expect(table).toContain('写入后首次');
    expect(table).toMatch(/项目\s+20\s+40/);
  }, 120_000);
});
