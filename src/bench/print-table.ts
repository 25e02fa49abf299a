import { LATENCY_KEYS, type LatencyKey } from './measure-latency.js';
import type { BenchResult } from './bench-result.js';

/** How the tables name each measured command. */
export const COMMAND_LABELS: Record<LatencyKey, string> = {
  report: '/report <地区> <年份>',
  compareProposals: '/compare 提案',
  compareTopic: '/compare 营商环境',
  compareCsv: '/compare 提案 csv(含编码)',
  trend: '/trend <地区> 提案',
  search: '/search <词>',
  list: '/list',
  listProvince: '/list <省份>',
  weeklyHighlight: '周报无新报告时的往期回顾',
  pointLookup: 'SQLite 按 id 取一行(下限)',
};

/** The figures of a run as a readable plain-text table. */
export function formatBenchTable(r: BenchResult): string {
  const out: string[] = [];
  out.push(`基准 ${r.date} · ${r.machine.cores} 核 ${r.machine.cpu} · Node ${r.machine.node} · 用时 ${r.seconds} 秒`);
  out.push(
    `语料: ${r.corpus.reports} 份合成报告,${r.corpus.megabytes} MB,平均 ${r.corpus.meanKb} KB,繁体 ${pct(r.corpus.traditionalShare)},生成 ${r.corpus.generateSeconds} 秒`,
  );
  out.push('');
  out.push('导入');
  out.push(
    table(
      [
        '报告数',
        '方式',
        '秒',
        '份/秒',
        '份/秒/核',
        'CPU ms/份',
        '读 ms/份',
        '抽取 ms/份',
        '入库 ms/份',
        '其余 ms/份',
        '库 KB/份',
        '跳过',
      ],
      r.ingest.runs.map((x) => [
        String(x.reports),
        x.mode === 'workers' ? `${x.workers} 线程` : '单线程',
        fixed(x.seconds, 1),
        fixed(x.reportsPerSecond, 1),
        fixed(x.reportsPerSecondPerCore, 1),
        fixed(x.cpuMsPerReport, 2),
        fixed(x.readMsPerReport, 2),
        fixed(x.extractMsPerReport, 2),
        fixed(x.storeMsPerReport, 2),
        fixed(x.otherMsPerReport, 2),
        fixed(x.dbBytesPerReport / 1024, 1),
        String(x.skipped),
      ]),
    ),
  );
  for (const x of r.ingest.runs)
    out.push(
      `  各阶段 ms/份(${x.reports} 份,${x.mode === 'workers' ? `${x.workers} 线程` : '单线程'}): ${Object.entries(
        x.stageMsPerReport,
      )
        .map(([k, v]) => `${k} ${fixed(v, 2)}`)
        .join(' · ')}`,
    );
  out.push('  (CPU = 整个进程各线程的 CPU 时间;读、抽取、入库为墙钟时间;其余 = 入库后的 10 倍检查、关键词重排与逐文件检查)');
  out.push(`  只解码+规范化(下限): ${fixed(r.ingest.normalizeOnlyMsPerReport, 2)} ms/份`);
  out.push('');
  out.push(`服务延迟(进程内,含渲染为文本;${r.reports} 份报告)`);
  out.push(
    table(
      ['命令', 'p50 ms', 'p95 ms', 'p99 ms', '首次 ms', '次数', '回复类型'],
      LATENCY_KEYS.map((k) => {
        const l = r.latency[k];
        return [
          COMMAND_LABELS[k],
          fixed(l.p50Ms, 3),
          fixed(l.p95Ms, 3),
          fixed(l.p99Ms, 3),
          fixed(l.firstMs, 1),
          String(l.samples),
          Object.entries(l.replyKinds)
            .map(([kind, c]) => `${kind}×${c}`)
            .join(' '),
        ];
      }),
    ),
  );
  out.push('  (首次 = 新打开数据库后的第一次调用,缓存为空;不计入百分位)');
  out.push('');
  out.push(
    `服务时峰值 RSS: ${fixed(r.peakRssMb, 1)} MB · 冷启动到首个回答: ${r.coldStartMs} ms(${r.coldStartRunsMs.join(' / ')})· 数据库: ${fixed(r.dbBytesPerReport / 1024, 1)} KB/份`,
  );
  out.push('');
  out.push('目标');
  out.push(
    table(
      ['项目', '目标', '实测', '结果'],
      r.targets.map((t) => [
        t.name,
        t.target,
        `${fixed(t.value, t.unit === 'ms' ? 2 : 1)} ${t.unit}`,
        t.met ? '达到' : `未达到(差 ${fixed(t.ratio, 2)} 倍)`,
      ]),
    ),
  );
  if (r.workDir) out.push(`\n语料与数据库保留在 ${r.workDir}`);
  return out.join('\n');
}

/** A plain-text table with aligned columns. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** A number with fixed digits, or — when it is not finite. */
export function fixed(v: number, digits: number): string {
  return Number.isFinite(v) ? v.toFixed(digits) : '—';
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}
