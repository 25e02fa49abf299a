/** What a subscription's filter selects. */
export type FilterKind = 'all' | 'region' | 'province' | 'metric' | 'topic';

/** A metric or topic narrowing a place filter. */
export type SubjectKind = 'metric' | 'topic';
