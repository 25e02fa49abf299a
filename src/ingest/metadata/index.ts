import type { DecodedFile, NormalizedText, ReportMeta, ReportOutline } from '../../domain/report.js';

/** Everything the metadata stage may look at. */
export interface MetadataInput {
  decoded: DecodedFile;
  normalized: NormalizedText;
  outline: ReportOutline;
}

/** Extracts title, body, kind, region, year, dates, speaker, session (stub; replaced by the metadata stage). */
export function extractMetadata(_input: MetadataInput): ReportMeta {
  return { title: null, body: null, kind: null, region: null, year: null, deliveredOn: null, speaker: null, session: null };
}
