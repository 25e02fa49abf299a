/** Metadata stage: title, body, kind, issuing region, year reviewed, delivery date, speaker, session. */
import type { DecodedFile, NormalizedText, ReportMeta, ReportOutline } from '../../domain/report.js';
import { findBody, findKind } from './body-kind.js';
import { deliveredOn, isUploadSite, ownPageDates, pageDatesIn } from './dates.js';
import { foldPunctuation, headLines, linesOf, prepareText } from './prepare.js';
import { regionAsOf } from '../../gazetteer/renames.js';
import { findRegion } from './region.js';
import { findSession, nationalSessionYear } from './session.js';
import { findSpeaker } from './speaker.js';
import { findTitle } from './title.js';
import { deliveryYearHint, reviewPeriod, reviewYear } from './year.js';

/** Everything the metadata stage may look at. */
export interface MetadataInput {
  decoded: DecodedFile;
  normalized: NormalizedText;
  outline: ReportOutline;
}

/** The page is the report's own text: its title block ends in a salutation and 我代表/我受…向大会报告. */
function isFullReport(headList: string[]): boolean {
  const at = headList.findIndex((l) => /^(各位|大会主席团和各位)(委员|代表)/.test(l));
  if (at < 0) return false;
  const opening = headList.slice(at, at + 3).join('');
  return /我(代表|受)[^。]{0,80}向大会(报告|作)/.test(opening);
}

/** Extracts title, body, kind, region, year, dates, speaker, session; anything not stated is null. */
export function extractMetadata(input: MetadataInput): ReportMeta {
  // Normalized text is already Simplified and free of pinyin: only its punctuation is folded.
  const text = foldPunctuation(input.normalized.text);
  const lines = linesOf(text);
  const headList = headLines(lines);
  const head = headList.join('\n');

  const pageDates = ownPageDates([
    ...input.normalized.pageDates,
    ...(input.decoded.pageDate ? [input.decoded.pageDate] : []),
    ...pageDatesIn(lines),
  ]);
  // Normalize may drop the 导语/上传 lines, so look at the raw top of the page too.
  const uploadSite = isUploadSite(prepareText(input.decoded.text.slice(0, 1500)) + text.slice(0, 600));
  const region = findRegion(text);
  const session = findSession(head, text, region?.tier === '国家');
  const sessionYear = nationalSessionYear(session);
  const delivered = deliveredOn(head, text, pageDates, uploadSite, {
    yearHint: deliveryYearHint(text, head, sessionYear),
    fullReport: isFullReport(headList),
  });
  // A publication date still dates the year reviewed when the text states no delivery (press briefings).
  const usablePage = uploadSite ? null : (pageDates[0] ?? null);

  const title = findTitle(headList, input.decoded.pageTitle);
  const body = findBody(title, head, text);
  const year = reviewYear({ text, head, deliveredOn: delivered, pageDate: usablePage, sessionYear });
  return {
    title,
    body,
    kind: findKind(title, head, text, body),
    // Named as in the year reviewed (襄樊市 before 2010), or the delivery year when the review year is unknown.
    region: region && regionAsOf(region, year ?? (delivered ? Number(delivered.slice(0, 4)) : null), text),
    year,
    period: reviewPeriod(text, session),
    deliveredOn: delivered,
    speaker: findSpeaker(headList, text),
    session,
  };
}
