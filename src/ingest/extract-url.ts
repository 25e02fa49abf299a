import type { ExtractedReport } from '../domain/report.js';
import { decodeDocument } from './decode.js';
import { decodeBytes } from './decode/charset.js';
import { decodeHtml } from './decode/html.js';
import { extractDecoded } from './extract.js';
import { type FetchOptions, fetchDocument } from './fetch/fetch-url.js';

/** A report fetched from the web, with the size of what was fetched (the identity stamp of a URL). */
export interface UrlExtraction {
  report: ExtractedReport;
  size: number;
}

/**
 * Fetches a URL and runs the pipeline on it: PDF and .docx by content type, HTML with the header's charset
 * when the page declares none, plain text as text. The answering URL is the report's source.
 */
export async function extractUrl(href: string, options: FetchOptions): Promise<UrlExtraction> {
  const started = performance.now();
  const fetched = await fetchDocument(href, options);
  const fetchedAt = performance.now();
  const decoded =
    fetched.format !== null
      ? await decodeDocument(href, fetched.bytes, fetched.format)
      : fetched.html
        ? decodeHtml(href, fetched.bytes, fetched.charset)
        : (() => {
            const text = decodeBytes(fetched.bytes, fetched.charset);
            return { file: href, text: text.text, encoding: text.encoding, pageTitle: null, pageDate: null };
          })();
  const report = extractDecoded(decoded, { fetch: fetchedAt - started, decode: performance.now() - fetchedAt });
  return { report: { ...report, sourceUrl: fetched.url }, size: fetched.bytes.length };
}
