import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { formatScaleTable } from '../bench/print-scale.js';
import { formatBenchTable } from '../bench/print-table.js';
import { runBench } from '../bench/run-bench.js';
import { runScale } from '../bench/run-scale.js';

/**
 * `digest bench [--reports N] [--json file] [--workers N] [--iterations N] [--cold-starts N] [--keep]`, or the
 * serving-scale mode `digest bench --scale 1000,10000,30000,100000 [--base N]`: prints the table, writes JSON.
 */
export async function runBenchCommand(argv: string[], out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      reports: { type: 'string' },
      json: { type: 'string' },
      workers: { type: 'string' },
      iterations: { type: 'string' },
      'cold-starts': { type: 'string' },
      keep: { type: 'boolean', default: false },
      scale: { type: 'string' },
      base: { type: 'string' },
    },
  });
  const reports = positiveInt(values.reports, 10000, 'reports');
  const workers = positiveInt(values.workers, availableParallelism(), 'workers', true);
  const iterations = positiveInt(values.iterations, 200, 'iterations');
  const coldStarts = positiveInt(values['cold-starts'], 3, 'cold-starts');
  if (reports === null || workers === null || iterations === null || coldStarts === null) return 2;
  const log = (m: string) => process.stderr.write(m + '\n');
  if (values.scale !== undefined) {
    const sizes = typeof values.scale === 'string' ? values.scale.split(',').map((v) => positiveInt(v, 0, 'scale')) : [null];
    const base = positiveInt(values.base, 300, 'base');
    if (!sizes.length || sizes.some((v) => v === null) || base === null) return 2;
    const result = await runScale({ sizes: sizes as number[], base, workers, iterations, keep: values.keep === true, log });
    out.write(formatScaleTable(result) + '\n');
    writeJson(values.json, result);
    return 0;
  }
  const result = await runBench({
    reports,
    workers,
    iterations,
    coldStarts,
    keep: values.keep === true,
    log,
  });
  out.write(formatBenchTable(result) + '\n');
  writeJson(values.json, result);
  return 0;
}

function writeJson(file: string | boolean | undefined, result: object): void {
  if (typeof file !== 'string') return;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(`已写入 ${file}\n`);
}

function positiveInt(raw: string | boolean | undefined, fallback: number, name: string, zeroOk = false): number | null {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
    process.stderr.write(`digest bench: --${name} 需要${zeroOk ? '非负' : '正'}整数\n`);
    return null;
  }
  return n;
}
