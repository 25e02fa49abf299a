/** What a subscription's filter selects. */
export type FilterKind = 'all' | 'region' | 'province' | 'metric' | 'topic';

/** A metric or topic narrowing a place filter. */
export type SubjectKind = 'metric' | 'topic';

/**
 * Status of one (chat, slot) delivery — one merged digest per chat and week:
 * - `sending`: claimed at the moment of its first send; parts before `next_part` were accepted;
 * - `sent`: every part accepted;
 * - `failed`: a permanent failure, a temporary one that outlived its retries, or an unexpected error;
 * - `skipped`: nothing to send this slot (no new reports and DIGEST_EMPTY=skip).
 */
export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'skipped';

/** A subscription filter as stored (`filter_kind`, `filter_value`, optional `subject_kind`/`subject_value`). */
export interface DigestFilter {
  kind: FilterKind;
  value: string;
  subject?: { kind: SubjectKind; value: string } | null;
}

/**
 * The code prefix of the places below a region: `512000` → `5120`, `510000` → `51`, a county code → null (none
 * below it). A subscriber to a city wants its districts' reports too.
 */
export function regionPrefix(code: string): string | null {
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return null;
}
