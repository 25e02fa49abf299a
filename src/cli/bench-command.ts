import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { formatBenchTable } from '../bench/print-table.js';
import { runBench } from '../bench/run-bench.js';

/** `digest bench [--reports N] [--json file] [--workers N] [--iterations N] [--cold-starts N] [--keep]`: prints the table, writes JSON. */
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
    },
  });
  const reports = positiveInt(values.reports, 10000, 'reports');
  const workers = positiveInt(values.workers, availableParallelism(), 'workers', true);
  const iterations = positiveInt(values.iterations, 200, 'iterations');
  const coldStarts = positiveInt(values['cold-starts'], 3, 'cold-starts');
  if (reports === null || workers === null || iterations === null || coldStarts === null) return 2;
  const result = await runBench({
    reports,
    workers,
    iterations,
    coldStarts,
    keep: values.keep === true,
    log: (m) => process.stderr.write(m + '\n'),
  });
  out.write(formatBenchTable(result) + '\n');
  if (typeof values.json === 'string') {
    writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');
    process.stderr.write(`已写入 ${values.json}\n`);
  }
  return 0;
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
