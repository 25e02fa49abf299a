import { createHash } from 'node:crypto';
import type { DecodedFile, ExtractedReport, ReportOutline } from '../domain/report.js';
import { decodeDocument, decodeInput, type DocumentFormat, documentFormat } from './decode.js';
import { EXTRACTOR_VERSION } from './extractor-version.js';
import { extractMetadata } from './metadata/index.js';
import { extractMetrics } from './metrics/index.js';
import { normalize } from './normalize/index.js';
import { buildOutline } from './outline/index.js';
import { sectionAt } from './outline/section-at.js';
import { checkUpload, readInput } from './read.js';
import { extractTerms, summarize } from './summarize/index.js';

/** Runs read → decode → normalize → outline → metadata → metrics → summaries → keywords on one file. */
export async function extractFile(file: string): Promise<ExtractedReport> {
  const started = performance.now();
  const bytes = readInput(file);
  const read = performance.now() - started;
  const report = await extractDocument(file, bytes);
  report.timings.read = read;
  return report;
}

/** The pipeline on an uploaded file's bytes, named by its file name: no temp file, the same refusals as a file. */
export async function extractUpload(name: string, bytes: Buffer): Promise<ExtractedReport> {
  checkUpload(name, bytes.length);
  return extractDocument(name, bytes);
}

/** The pipeline on bytes of any supported format (PDF and .docx are parsed asynchronously). */
async function extractDocument(
  file: string,
  bytes: Buffer,
  format: DocumentFormat | null = documentFormat(file),
): Promise<ExtractedReport> {
  if (format === null) return extractBytes(file, bytes);
  const started = performance.now();
  const decoded = await decodeDocument(file, bytes, format);
  return extractDecoded(decoded, { decode: performance.now() - started });
}

/** The pipeline on text or HTML bytes already read (used by uploads and benchmarks). */
export function extractBytes(file: string, bytes: Buffer): ExtractedReport {
  const started = performance.now();
  const decoded = decodeInput(file, bytes);
  return extractDecoded(decoded, { decode: performance.now() - started });
}

/** normalize → outline → metadata → metrics → summaries → keywords on decoded text. */
export function extractDecoded(decoded: DecodedFile, timings: Record<string, number> = {}): ExtractedReport {
  const file = decoded.file;
  const time = <T>(stage: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
    return result;
  };

  const normalized = time('normalize', () => normalize(decoded));
  const text = normalized.text;
  const outline = time('outline', () => buildOutline(text));
  const meta = time('metadata', () => extractMetadata({ decoded, normalized, outline }));
  const { metrics, headline } = time('metrics', () => extractMetrics(text, outline, meta));
  const summaries = time('summaries', () => summarize(text, outline, metrics));
  const regionNames = meta.region ? [meta.region.name, meta.region.short] : [];
  const { terms, keywords } = time('keywords', () => extractTerms(text, regionNames));

  // The outline stage's value stays as it returned it: the stored outline is a new one with the summaries.
  const summarized: ReportOutline = {
    ...outline,
    sections: outline.sections.map((section) => ({ ...section, summary: summaries.sections[section.path] ?? [] })),
  };

  return {
    file,
    hash: createHash('sha256').update(text).digest('hex'),
    encoding: decoded.encoding,
    original: decoded.text,
    page: { title: decoded.pageTitle, date: decoded.pageDate },
    extractorVersion: EXTRACTOR_VERSION,
    normalized,
    meta,
    sourceUrl: normalized.sourceUrl,
    outline: summarized,
    metrics,
    headline,
    summary: summaries.summary,
    planSummary: summaries.planSummary,
    keywords,
    terms,
    paragraphs: splitParagraphs(text, summarized),
    timings,
  };
}

/** Splits normalized text (one paragraph per line) and tags each paragraph with its innermost section. */
function splitParagraphs(text: string, outline: ReportOutline): ExtractedReport['paragraphs'] {
  const paragraphs: ExtractedReport['paragraphs'] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    paragraphs.push({ sectionPath: sectionAt(outline, start), text: line });
  }
  return paragraphs;
}
