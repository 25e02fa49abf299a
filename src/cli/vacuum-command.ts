import { existsSync } from 'node:fs';
import { isBusy, isDatabaseError } from '../db/busy-retry.js';
import { type DbFileSize, vacuumDb } from '../db/vacuum.js';

function describe(s: DbFileSize): string {
  const mb = (s.bytes / 1024 / 1024).toFixed(1);
  return `${mb} MB(${s.bytes.toLocaleString('en-US')} 字节;页 ${s.pageSize} 字节 × ${s.pages.toLocaleString('en-US')},空闲页 ${s.freePages.toLocaleString('en-US')})`;
}

/** `digest vacuum [--db file]`: rewrites the database with 8 KB pages and no free pages; prints its size before and after. */
export function runVacuum(
  path: string,
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  options: { busyTimeoutMs?: number } = {},
): number {
  if (!existsSync(path)) {
    err.write(`digest vacuum: 找不到数据库文件 ${path}\n`);
    return 2;
  }
  try {
    const { before, after } = vacuumDb(path, options);
    out.write(`整理前: ${describe(before)}\n整理后: ${describe(after)}\n`);
    return 0;
  } catch (error) {
    if (isBusy(error)) {
      err.write(`digest vacuum: 数据库 ${path} 正被其他进程使用(例如正在运行的机器人),未作改动。请先停止它再重试。\n`);
      return 1;
    }
    if (isDatabaseError(error) && (error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      err.write(`digest vacuum: ${path} 不是 SQLite 数据库\n`);
      return 1;
    }
    throw error;
  }
}
