import { COMMAND_LABELS, fixed, table } from './print-table.js';
import { LATENCY_KEYS } from './measure-latency.js';
import type { ScaleResult } from './run-scale.js';

/** The growth table of a serving-scale run: one column per corpus size. */
export function formatScaleTable(r: ScaleResult): string {
  const out: string[] = [];
  out.push(
    `规模基准 ${r.date} · ${r.machine.cores} 核 ${r.machine.cpu} · Node ${r.machine.node} · 负载 ${r.machine.loadAverage.join(' / ')} · 用时 ${r.seconds} 秒`,
  );
  out.push(
    `抽取 ${r.base.reports} 份合成报告(${fixed(r.base.extractMsPerReport, 1)} ms/份),其余报告复制自它们(换地区与年份,不重新抽取)。`,
  );
  out.push('');
  const head = ['项目', ...r.steps.map((s) => sizeLabel(s.reports))];
  const rows: string[][] = [];
  for (const key of LATENCY_KEYS) {
    rows.push([
      `${COMMAND_LABELS[key]} p50 / p99 ms`,
      ...r.steps.map((s) => `${fixed(s.serving.latency[key].p50Ms, 2)} / ${fixed(s.serving.latency[key].p99Ms, 2)}`),
    ]);
  }
  for (const key of LATENCY_KEYS) {
    if (r.steps.every((s) => s.serving.latency[key].afterWriteMs === null)) continue;
    rows.push([
      `${COMMAND_LABELS[key]} 写入后首次 ms`,
      ...r.steps.map((s) => fixed(s.serving.latency[key].afterWriteMs ?? NaN, 1)),
    ]);
  }
  rows.push(['服务进程峰值 RSS MB', ...r.steps.map((s) => fixed(s.serving.peakRssMb, 0))]);
  rows.push(['数据库 KB/份', ...r.steps.map((s) => fixed(s.dbBytesPerReport / 1024, 1))]);
  rows.push(['复制用时 秒', ...r.steps.map((s) => fixed(s.fillSeconds, 1))]);
  rows.push(['测量时 1 分钟负载', ...r.steps.map((s) => fixed(s.load, 2))]);
  out.push(table(head, rows));
  out.push('  (进程内,含渲染为文本;写入后首次 = 新增一份报告后该命令的第一次调用;峰值 RSS 为服务子进程的)');
  if (r.workDir) out.push(`\n数据库保留在 ${r.workDir}`);
  return out.join('\n');
}

function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}
