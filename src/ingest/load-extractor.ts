import type { extractDecoded, extractFile, extractUpload } from './extract.js';
import type { extractUrl } from './extract-url.js';

/** The extraction entry points an ingest uses. */
export interface Extractor {
  extractFile: typeof extractFile;
  extractUpload: typeof extractUpload;
  extractDecoded: typeof extractDecoded;
  extractUrl: typeof extractUrl;
}

let loading: Promise<Extractor> | undefined;

/**
 * The extraction pipeline, imported on the first report that needs extracting. Its modules (linkedom, mammoth,
 * jieba's dictionary, the cue tables) are ~40 MB of a process's memory and ~0.6 s of its start; a bot serving
 * a stored corpus whose files are unchanged never needs them.
 */
export function loadExtractor(): Promise<Extractor> {
  loading ??= Promise.all([import('./extract.js'), import('./extract-url.js')]).then(([x, url]) => ({
    extractFile: x.extractFile,
    extractUpload: x.extractUpload,
    extractDecoded: x.extractDecoded,
    extractUrl: url.extractUrl,
  }));
  return loading;
}
