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
