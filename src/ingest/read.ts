import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { IngestError } from '../errors.js';

/** Largest text or HTML file the pipeline accepts. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Largest PDF or Word file the pipeline accepts (checked before parsing). */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** File extensions the pipeline reads (.doc is read only to be refused with advice). */
const SUPPORTED_EXTENSIONS = ['.txt', '.html', '.htm', '.pdf', '.docx', '.doc'] as const;
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.doc']);

/**
 * Reads one input file, refusing unsupported types, empty and oversized files with a reason. Synchronous: the
 * extraction that follows holds the thread for longer than reading takes, and the promise API's five
 * thread-pool round trips per file (stat, open, read, read, close) left the ingest waiting ~1–2 ms a report on
 * a loaded machine.
 */
export function readInput(file: string): Buffer {
  refuseType(file);
  const info = statSync(file);
  if (!info.isFile()) throw new IngestError(file, '不是普通文件');
  refuseSize(file, info.size);
  return readFileSync(file);
}

/** The same refusals for bytes that arrive without a file (chat uploads), named by their file name. */
export function checkUpload(name: string, size: number): void {
  refuseType(name);
  refuseSize(name, size);
}

function refuseType(file: string): void {
  const ext = extname(file).toLowerCase();
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new IngestError(file, `不支持的文件类型 ${ext || '(无扩展名)'}(只接受 .txt/.html/.htm/.pdf/.docx)`);
  }
}

function refuseSize(file: string, size: number): void {
  if (size === 0) throw new IngestError(file, '空文件');
  const max = DOCUMENT_EXTENSIONS.has(extname(file).toLowerCase()) ? MAX_DOCUMENT_BYTES : MAX_FILE_BYTES;
  if (size > max) {
    throw new IngestError(file, `文件过大(${(size / 1024 / 1024).toFixed(1)} MB,上限 ${max / 1024 / 1024} MB)`);
  }
}
