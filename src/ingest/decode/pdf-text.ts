import { getResolvedPDFJS } from 'unpdf';
import type { DecodedFile } from '../../domain/report.js';
import { IngestError } from '../../errors.js';
import { joinPages, type PdfItem, pageLines } from './pdf-layout.js';

/** Largest PDF parsed (checked before parsing). */
const MAX_PDF_BYTES = 20 * 1024 * 1024;
/** Pages read at most; a report longer than this is refused rather than parsed for minutes. */
const MAX_PDF_PAGES = 400;
/** Wall-clock limit for parsing one PDF. */
const PDF_TIME_LIMIT_MS = 20_000;
/** Fewer visible characters per page than this means the pages are images (a scan). */
const MIN_CHARS_PER_PAGE = 20;

/** Options for tests: a smaller time limit. */
export interface PdfOptions {
  timeLimitMs?: number;
}

/**
 * Reads a PDF's text layer in reading order (columns, no running headers or page numbers), one line per
 * PDF line; the normalize stage re-joins the lines into paragraphs. Refuses scans, encrypted and broken files.
 */
export async function decodePdf(file: string, bytes: Uint8Array, options: PdfOptions = {}): Promise<DecodedFile> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new IngestError(
      file,
      `PDF 文件过大(${(bytes.length / 1024 / 1024).toFixed(1)} MB,上限 ${MAX_PDF_BYTES / 1024 / 1024} MB)`,
    );
  }
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF-') < 0) {
    throw new IngestError(file, '不是 PDF 文件(缺少 %PDF 文件头)');
  }
  const pdfjs = await getResolvedPDFJS();
  // pdfjs takes ownership of the buffer it is given; hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  const limit = options.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IngestError(file, `PDF 解析超时(超过 ${Math.round(limit / 1000)} 秒)`)), limit);
  });
  try {
    return await Promise.race([readText(file, task.promise), timeout]);
  } catch (error) {
    throw toIngestError(file, error);
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}

type PdfDocument = Awaited<ReturnType<Awaited<ReturnType<typeof getResolvedPDFJS>>['getDocument']>['promise']>;

async function readText(file: string, loading: Promise<PdfDocument>): Promise<DecodedFile> {
  const pdf = await loading;
  if (pdf.numPages > MAX_PDF_PAGES) throw new IngestError(file, `PDF 页数过多(${pdf.numPages} 页,上限 ${MAX_PDF_PAGES} 页)`);
  const pages: ReturnType<typeof pageLines>[] = [];
  let chars = 0;
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // A PDF text matrix always has six entries [a b c d e f].
      const [a, b, , , x, y] = item.transform as [number, number, number, number, number, number];
      items.push({ str: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height });
      chars += item.str.replace(/\s/g, '').length;
    }
    const [left = 0, , right = 0] = page.view; // [x0, y0, x1, y1]
    pages.push(pageLines(items, right - left));
    page.cleanup();
  }
  if (chars < MIN_CHARS_PER_PAGE * pdf.numPages) throw new IngestError(file, '扫描件，没有文字层(暂不支持 OCR)');
  return { file, text: joinPages(pages), encoding: 'pdf', pageTitle: null, pageDate: null };
}

/** pdfjs exceptions by name → a reason for the user. */
function toIngestError(file: string, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new IngestError(file, 'PDF 已加密(需要密码),请提供未加密的文件');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException') {
    return new IngestError(file, 'PDF 文件已损坏,无法解析');
  }
  return new IngestError(file, `PDF 无法解析(${error instanceof Error ? error.message.slice(0, 80) : String(error)})`);
}
