import { isDatabaseError } from '../db/busy-retry.js';
import { DigestError, IngestError } from '../errors.js';

export { isDatabaseError };

const FS_REASONS = new Map<string, string>([
  ['ENOENT', '文件不存在'],
  ['EACCES', '没有读取权限'],
  ['EPERM', '没有读取权限'],
  ['EISDIR', '是文件夹,不是文件'],
  ['ELOOP', '符号链接循环'],
  ['EMFILE', '同时打开的文件过多,请稍后重试'],
  ['ENAMETOOLONG', '文件名过长'],
  ['EIO', '读取文件时发生输入输出错误'],
]);

/** Why a file was not ingested, in Chinese: users see this (CLI, Telegram and Slack upload replies). */
export function skipReason(error: unknown): string {
  if (error instanceof IngestError) return error.reason;
  if (error instanceof DigestError) return error.message;
  if (isDatabaseError(error)) {
    const code = String((error as { code?: unknown }).code ?? '');
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
      ? '数据库正忙,未保存'
      : `数据库错误(${code || '未知'}),未保存`;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FS_REASONS.has(code)) return FS_REASONS.get(code)!;
  if (error instanceof RangeError) return '文件结构过于复杂,无法处理';
  return '文件内容无法处理';
}
