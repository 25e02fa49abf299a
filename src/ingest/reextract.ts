import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { withBusyRetry } from '../db/busy-retry.js';
import type { DigestDb } from '../db/open.js';
import { replaceReport } from '../db/report-writer.js';
import { type StoredSource, staleReportIds, storedSource } from '../db/stale-reports.js';
import type { ExtractedReport } from '../domain/report.js';
import { isUrl } from '../domain/url.js';
import { EXTRACTOR_VERSION } from './extractor-version.js';
import { checkOutliers, type IngestSummary } from './ingest-batch.js';
import { loadExtractor } from './load-extractor.js';
import { keywordsDirty, refreshKeywords } from './refresh-keywords.js';
import { skipReason } from './skip-reason.js';

/** What one re-extraction run did. */
export interface ReextractSummary extends Pick<IngestSummary, 'outliers' | 'outlierError'> {
  /** The extractor version the reports were brought to. */
  version: number;
  reextracted: number;
  /** Reports left at their old extraction, with the reason in Chinese; the next start tries them again. */
  kept: { reportId: number; source: string; reason: string }[];
}

/** Options of a re-extraction run. */
export interface ReextractOptions {
  /** Called after each report's transaction has committed (tests simulate a crash by throwing here). */
  onReport?: (reportId: number) => void;
}

const KEPT_PAGE = '原网页的标题与日期当时未保存、源文件已变或不在:保留旧的提取结果,请重新导入该文件';

/**
 * Re-extracts every stored report whose extractor version is not the current one from its stored original,
 * each in its own transaction (a kill leaves each report old or new; the next start does the rest), then runs
 * the corpus-wide passes an ingest runs: the 10× check and the keyword re-ranking.
 */
export async function reextractStale(db: DigestDb, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const summary: ReextractSummary = { version: EXTRACTOR_VERSION, reextracted: 0, kept: [] };
  for (const id of staleReportIds(db, EXTRACTOR_VERSION)) {
    const source = storedSource(db, id);
    if (!source) continue;
    try {
      const report = await reextract(source);
      if (!report) summary.kept.push({ reportId: id, source: source.sourceFile, reason: KEPT_PAGE });
      else if (await withBusyRetry(() => replaceReport(db, id, report))) summary.reextracted++;
    } catch (error) {
      // A report the new code cannot handle keeps its old facts rather than stopping the start.
      summary.kept.push({ reportId: id, source: source.sourceFile, reason: skipReason(error) });
    }
    options.onReport?.(id);
  }
  // Dirty keywords also mean a previous run stopped (a kill) before these passes: they run now.
  if (summary.reextracted > 0 || keywordsDirty(db)) {
    await checkOutliers(db, summary);
    refreshKeywords(db);
  }
  return summary;
}

/** A fresh extraction of a stored report, as an ingest of its file would give; null when that cannot be known. */
async function reextract(source: StoredSource): Promise<ExtractedReport | null> {
  const { extractDecoded, extractFile } = await loadExtractor();
  if (source.page === null) {
    // Stored before the page's title and date were kept: an unchanged file on disk is the exact input.
    const file = await unchangedFile(source);
    if (file) return { ...(await extractFile(file)), file: source.sourceFile };
    // An HTML page's title and date fed its metadata and are lost: re-extracting without them could be wrong.
    if (isUrl(source.sourceFile) || /^\.html?$/i.test(extname(source.sourceFile))) return null;
  }
  const report = extractDecoded({
    file: source.sourceFile,
    text: source.original,
    encoding: source.encoding,
    pageTitle: source.page?.title ?? null,
    pageDate: source.page?.date ?? null,
  });
  // A fetched report's source is the answering URL, which only the fetch knew.
  return isUrl(source.sourceFile) ? { ...report, sourceUrl: source.sourceUrl } : report;
}

/** A file holding the report that is still on disk with the size and mtime it had when stored. */
async function unchangedFile(source: StoredSource): Promise<string | null> {
  for (const f of source.files) {
    if (isUrl(f.path)) continue;
    const info = await stat(f.path).catch(() => null);
    if (info && info.size === f.size && info.mtimeMs === f.mtimeMs) return f.path;
  }
  return null;
}
