import { describe, expect, it } from 'vitest';
import { beyondReport, checkBeyond, parseReview } from '../../src/eval/beyond-review.js';
import type { MetricMiss } from '../../src/eval/score-metrics.js';

const beyond = (file: string, key: string, got: string): MetricMiss => ({
  file,
  kind: 'beyond',
  key,
  expected: null,
  got,
  quote: `……${got}……`,
});
const REVIEW = [
  '# comment',
  'd001.txt\tmeetings.chair\t9次\tok\t',
  'd001.txt\tlegislation.laws\t43件\twrong-kind\t提请审议 → legislation.drafts',
  'd003.txt\tmembers.count\t5位\twrong-kind\t参与某项活动的委员',
].join('\n');

describe('beyond-gold review', () => {
  it('counts reviewed-ok facts and lists unreviewed ones and reviewed-wrong ones shown again', () => {
    const misses = [
      beyond('d001.txt', 'meetings.chair', '9次'),
      beyond('d001.txt', 'legislation.laws', '43件'),
      beyond('d001.txt', 'projects.key', '12个'),
    ];
    const s = checkBeyond(misses, parseReview(REVIEW), ['d001.txt', 'd003.txt']);
    expect(s).toMatchObject({ total: 3, ok: 1, fixed: 1 });
    expect(s.unreviewed.map((m) => m.key)).toEqual(['projects.key']);
    expect(s.wrongShown.map((m) => m.key)).toEqual(['legislation.laws']);
    const text = beyondReport([{ name: 'tuning', status: s }], (l) => l.map((m) => m.key).join(','));
    expect(text).toContain('unreviewed beyond-gold facts');
    expect(text).toContain('reviewed as the wrong kind but shown again\nlegislation.laws');
  });

  it('a value change is a new fact to review', () => {
    const s = checkBeyond([beyond('d001.txt', 'meetings.chair', '8次')], parseReview(REVIEW), ['d001.txt']);
    expect(s.unreviewed).toHaveLength(1);
  });

  it('rejects a line with an unknown verdict', () => {
    expect(() => parseReview('d001.txt\tmeetings.chair\t9次\tmaybe\t')).toThrow(/bad verdict/);
  });
});
