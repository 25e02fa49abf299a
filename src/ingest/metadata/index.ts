/** Metadata stage: title, body, kind, issuing region, year reviewed, delivery date, speaker, session. */
import type { DecodedFile, NormalizedText, ReportMeta, ReportOutline } from '../../domain/report.js';
import { findBody, findKind } from './body-kind.js';
import { deliveredOn, isUploadSite, pageDatesIn } from './dates.js';
import { foldPunctuation, headLines, linesOf, prepareText } from './prepare.js';
import { regionAsOf } from '../../gazetteer/renames.js';
import { findRegion } from './region.js';
import { findSession } from './session.js';
import { findSpeaker } from './speaker.js';
import { findTitle } from './title.js';
import { reviewYear } from './year.js';

/** Everything the metadata stage may look at. */
export interface MetadataInput {
  decoded: DecodedFile;
  normalized: NormalizedText;
  outline: ReportOutline;
}

/** Extracts title, body, kind, region, year, dates, speaker, session; anything not stated is null. */
export function extractMetadata(input: MetadataInput): ReportMeta {
  // Normalized text is already Simplified and free of pinyin: only its punctuation is folded.
  const text = foldPunctuation(input.normalized.text);
  const lines = linesOf(text);
  const headList = headLines(lines);
  const head = headList.join('\n');

  const pageDates = [
    ...input.normalized.pageDates,
    ...(input.decoded.pageDate ? [input.decoded.pageDate] : []),
    ...pageDatesIn(lines),
  ];
  // Normalize may drop the 导语/上传 lines, so look at the raw top of the page too.
  const uploadSite = isUploadSite(prepareText(input.decoded.text.slice(0, 1500)) + text.slice(0, 600));
  const delivered = deliveredOn(head, text, pageDates, uploadSite);
  // A publication date still dates the year reviewed when the text states no delivery (press briefings).
  const usablePage = pageDates.length && !uploadSite ? pageDates[0] : null;

  const title = findTitle(headList, input.decoded.pageTitle);
  const body = findBody(title, head, text);
  const year = reviewYear({ text, head, deliveredOn: delivered, pageDate: usablePage });
  const region = findRegion(text);
  return {
    title,
    body,
    kind: findKind(title, head, text, body),
    // Named as in the year reviewed (襄樊市 before 2010), or the delivery year when the review year is unknown.
    region: region && regionAsOf(region, year ?? (delivered ? Number(delivered.slice(0, 4)) : null), text),
    year,
    deliveredOn: delivered,
    speaker: findSpeaker(headList, text),
    session: findSession(head, text, region?.tier === '国家'),
  };
}
