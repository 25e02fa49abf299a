import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectScript, simplifiedForm, toTraditional } from '../../src/script/chinese-script.js';
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
