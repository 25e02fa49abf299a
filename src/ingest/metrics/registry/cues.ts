/** Phrase cues that name several keys at once or a rate without a number. */
import type { ReportBody } from '../../../domain/report.js';
import type { MetricKey } from './keys.js';

/** Keys for multiple figures in one phrase (`立案并办结委员提案196件` is both filed and answered). */
export const MULTI_CUES: { cue: RegExp; keys: MetricKey[] }[] = [
  { cue: /立案并(办结|办复|交办办结)/, keys: ['proposals.filed', 'proposals.answered'] },
];

/** One phrase naming several figures given in order after 分别 (城乡居民人均可支配收入分别达…元、…元). */
export const SPLIT_CUES: { cue: RegExp; keys: MetricKey[] }[] = [
  {
    cue: /(城乡|城[镇市](居民)?[和与及、]农村)[^,，]*(可支配收入|人均收入)/,
    keys: ['income.urban_per_capita', 'income.rural_per_capita'],
  },
];

/** Phrases that state a 100% answer rate without a number. */
export const ALL_ANSWERED = /(全部|均已|已全部|全部予以|均已全部)(办复|办结|答复)/;

/** The rate a 全部办复 phrase states: a 政府 report answers the 政协's proposals, any other body its own. */
export function allAnsweredKey(body: ReportBody | null): MetricKey {
  return body === '政府' ? 'cppcc_proposals.answer_rate' : 'proposals.answer_rate';
}

/** Words right after a proposal count that make it also the count answered (立案…件，提案已全部办复). */
export const ANSWERED_AFTER = {
  after: /^提案(已|均已|已经)?全部(办复|办结|答复)/,
  key: 'proposals.answered',
} as const satisfies {
  after: RegExp;
  key: MetricKey;
};
