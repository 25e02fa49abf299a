import { parseArgs } from 'node:util';
import { environment, loadConfig } from '../config.js';
import { closeDb, openDb } from '../db/open.js';
import { runEval } from './eval-command.js';
import { runAsk } from './ask-command.js';
import { runBenchCommand } from './bench-command.js';
import { runExtract } from './extract-command.js';
import { runIngest } from './ingest-command.js';
import { runPush } from './push-command.js';
import { runReadmeExamples } from './readme-examples-command.js';
import { runVacuum } from './vacuum-command.js';

const USAGE = `用法: digest <命令> [参数]
  ingest [路径或网址…] [--db 文件]  导入报告(默认 seeds/;网址: http(s)://…)
  extract <文件…> [--json]        只抽取,不写数据库
  ask "<命令>" [--chat ID] [--json] [--db 文件]   以聊天命令查询
  push [--now ISO时间] [--dry-run] [--db 文件]    发送本期周报
  vacuum [--db 文件]              以 8 KB 页重写数据库并回收空闲页(需先停止机器人)
  eval [--stages]                在种子与开发语料上评估抽取(--stages:开发语料逐阶段入库耗时)
  bench [--reports N] [--json 文件] [--workers N]   性能基准
  readme-examples [--check|--write]   核对(或改写)README.md 中的命令示例`;

/** Entry point of the `digest` CLI; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      chat: { type: 'string' },
      now: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: false,
  });
  const config = loadConfig(environment());
  const dbPath = typeof values.db === 'string' ? values.db : config.dbPath;
  switch (command) {
    case 'ingest': {
      const db = openDb(dbPath);
      try {
        const summary = await runIngest(db, positionals.length ? positionals : [config.seedsDir], process.stdout, {
          fetch: { allow: config.fetchAllow },
        });
        // A file refused by the database was fine: losing it silently would be wrong, so the run fails.
        if (summary.databaseErrors > 0) return 1;
        return summary.ingested + summary.unchanged > 0 || summary.skipped.length === 0 ? 0 : 1;
      } finally {
        closeDb(db);
      }
    }
    case 'ask': {
      if (!positionals.length) {
        process.stderr.write('digest ask: 请给出一条命令,例如 digest ask "/report 资阳 2022"\n');
        return 2;
      }
      const db = openDb(dbPath);
      try {
        return await runAsk(
          db,
          positionals.join(' '),
          typeof values.chat === 'string' ? values.chat : 'cli',
          values.json === true,
          process.stdout,
          {},
          { cron: config.cron, timezone: config.timezone },
        );
      } finally {
        closeDb(db);
      }
    }
    case 'extract':
      if (!positionals.length) {
        process.stderr.write('digest extract: 请给出至少一个文件\n');
        return 2;
      }
      return runExtract(positionals, values.json === true);
    case 'push': {
      const now = typeof values.now === 'string' ? new Date(values.now) : new Date();
      if (Number.isNaN(now.getTime())) {
        process.stderr.write(`digest push: --now 不是有效的 ISO 时间: ${String(values.now)}\n`);
        return 2;
      }
      return runPush(config, { now, dryRun: values['dry-run'] === true, dbPath });
    }
    case 'vacuum':
      return runVacuum(dbPath);
    case 'eval':
      return runEval(process.cwd(), process.stdout, { stages: rest.includes('--stages') });
    case 'bench':
      return runBenchCommand(rest);
    case 'readme-examples':
      return runReadmeExamples(rest);
    default:
      process.stdout.write(USAGE + '\n');
      return command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

process.exitCode = await main(process.argv.slice(2));
