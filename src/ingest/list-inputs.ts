import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { skipReason } from './skip-reason.js';

/** The files to ingest below some inputs, and every entry that will not be, with a reason in Chinese. */
export interface InputListing {
  files: string[];
  skipped: { file: string; reason: string }[];
}

/**
 * Lists files and folders: folders recursively, following symbolic links to files and folders (a folder
 * reached twice, e.g. through a link loop, is walked once). Hidden entries, pipes, sockets, devices and
 * broken links are not ingested and are listed as skipped, so nothing is dropped without a word. Files come in
 * the order of the inputs (a file listed twice, at its first place), each input's sorted by path.
 */
export async function listInputs(inputs: string[]): Promise<InputListing> {
  const files = new Set<string>();
  const skipped: InputListing['skipped'] = [];
  const walked = new Set<string>();

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (walked.has(real)) return;
    walked.add(real);
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: dir, reason: skipReason(error) });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.name.startsWith('.')) {
        skipped.push({ file: path, reason: '隐藏文件,已跳过' });
        continue;
      }
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) files.add(path);
      else if (entry.isSymbolicLink()) await follow(path);
      else skipped.push({ file: path, reason: kindReason(entry) });
    }
  };

  const follow = async (path: string): Promise<void> => {
    const target = await stat(path).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (target instanceof Error) {
      const reason = target.code === 'ELOOP' ? '符号链接循环,已跳过' : '符号链接指向的文件不存在';
      skipped.push({ file: path, reason });
    } else if (target.isDirectory()) await walk(path);
    else if (target.isFile()) files.add(path);
    else skipped.push({ file: path, reason: '符号链接指向的不是普通文件,已跳过' });
  };

  // In the order of the inputs, each input's files sorted by path: `digest ingest seeds ../shared/dev-corpus` gives
  // the seeds the first report ids wherever the checkout lives (a global sort put ../shared first from /work/x).
  const ordered: string[] = [];
  for (const input of inputs) {
    const path = resolve(input);
    const info = await stat(path).catch(() => null);
    const before = files.size;
    // A missing or special input file goes on to readInput, which refuses it with its reason.
    if (info?.isDirectory()) await walk(path);
    else files.add(path);
    ordered.push(...[...files].slice(before).sort());
  }
  return { files: ordered, skipped };
}

function kindReason(entry: Dirent): string {
  if (entry.isFIFO()) return '命名管道,不是普通文件,已跳过';
  if (entry.isSocket()) return '套接字,不是普通文件,已跳过';
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return '设备文件,不是普通文件,已跳过';
  return '不是普通文件,已跳过';
}
