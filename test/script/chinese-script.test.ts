import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectScript, simplifiedForm, toSimplified, toTraditional } from '../../src/script/chinese-script.js';
import { seedAndDevFiles } from '../helpers/corpus-files.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { seededService } from '../helpers/seeded-service.js';

describe('one script conversion for documents and queries', () => {
  it('converts Traditional queries the way documents are converted, and leaves Simplified ones alone', () => {
    expect(simplifiedForm('著力')).toBe('着力');
    expect(simplifiedForm('安寧')).toBe('安宁');
    expect(simplifiedForm('協商')).toBe('协商');
    expect(simplifiedForm('着力')).toBe('着力');
    // Simplified text the Traditional→Simplified converter would damage stays as typed.
    expect(simplifiedForm('显著')).toBe('显著');
    expect(detectScript('政協安寧市第六屆委員會').script).toBe('traditional');
    expect(detectScript('政协安宁市第六届委员会').script).toBe('simplified');
    expect(toTraditional('协商')).toBe('協商');
  });
});

describe('detectScript hands back the conversion it made', () => {
  it('carries the Simplified form of a Traditional text no longer than its sample, and none for a longer one', () => {
    const short = '政協委員提出提案，推動經濟發展與環境保護。';
    const guess = detectScript(short);
    expect(guess.script).toBe('traditional');
    expect(guess.simplified).toBe(toSimplified(short));
    // Past the 8,000-character sample only the sample was converted: the caller converts the text itself.
    const long = short.repeat(500);
    expect(detectScript(long).script).toBe('traditional');
    expect(detectScript(long).simplified).toBeUndefined();
    expect(detectScript('政协委员提出提案,推动经济发展。').simplified).toBeUndefined();
  });
});

describe('detectScript counts Han characters as the Script=Han regex does', () => {
  // The definition detectScript must agree with: a regex count of Han, conversion to measure the share.
  function reference(text: string): { script: string; share: number } {
    const sample = text.slice(0, 8000);
    const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
    if (han === 0) return { script: 'simplified', share: 0 };
    const changed = (a: string, b: string) => {
      const after = Array.from(b);
      return Array.from(a).filter((c, i) => c !== after[i]).length;
    };
    const share = changed(sample, toSimplified(sample)) / han;
    if (share < 0.04) return { script: 'simplified', share };
    return { script: changed(sample, toTraditional(sample)) >= share * han ? 'simplified' : 'traditional', share };
  }

  it('treats the whole CJK Unified Ideographs block as Han (the fast path)', () => {
    let other = 0;
    for (let cp = 0x4e00; cp <= 0x9fff; cp++) if (!/^\p{Script=Han}$/u.test(String.fromCodePoint(cp))) other++;
    expect(other).toBe(0);
  });

  it('gives the same script as the reference, and the same share where it converts', () => {
    const odd = ['政協𠀀𠀁委員會〇々㐀㐁⺀⻳豈兼\ud800協商\udc00', `${'協商議政'.repeat(3000)}协商`, 'abc 123 ,。', ''];
    const texts = [...seedAndDevFiles().map((f) => readFileSync(f, 'utf8')), ...odd];
    for (const text of texts) {
      const got = detectScript(text);
      const want = reference(text);
      expect(got.script).toBe(want.script);
      // Below the threshold a Simplified text is not converted: its share is then an upper bound.
      if (got.script === 'traditional') expect(got.share).toBeCloseTo(want.share, 12);
      else expect(want.share).toBeLessThanOrEqual(got.share + 1e-12);
    }
    expect(detectScript(odd[0]!).script).toBe('traditional');
  });
});

describe('/search in either script', () => {
  let seeded: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    seeded = await seededService();
  });
  afterAll(() => seeded.cleanup());

  const hits = (reply: Reply) => JSON.stringify(reply.sections.slice(1));

  it('finds the same paragraphs for 著力 and 着力', () => {
    const simplified = seeded.service.handle('/search 着力', { platform: 'console', chatId: 't' });
    const traditional = seeded.service.handle('/search 著力', { platform: 'console', chatId: 't' });
    expect(simplified.kind).toBe('search');
    expect(simplified.sections.length).toBeGreaterThan(1);
    expect(traditional.kind).toBe('search');
    // The Traditional query gets its reply in Traditional script; the hits are the same paragraphs.
    expect(hits(traditional)).toBe(hits(toTraditionalReply(simplified)));
  });

  function toTraditionalReply(reply: Reply): Reply {
    return JSON.parse(toTraditional(JSON.stringify(reply))) as Reply;
  }
});
