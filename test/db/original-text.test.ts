import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packOriginal, unpackOriginal } from '../../src/db/original-text.js';
import { extractFile } from '../../src/ingest/extract.js';
import { seedAndDevFiles } from '../helpers/corpus-files.js';

describe('packOriginal / unpackOriginal', () => {
  it('round-trips long text, surrogate pairs on chunk boundaries, and text unlike its paragraphs', () => {
    const line = '全年共收到提案150件，立案142件。';
    const paragraphs = Array.from({ length: 600 }, (_, i) => `${i}${line}`);
    const original = `标题\r\n${paragraphs.join('\r\n\r\n')}`;
    expect(unpackOriginal(packOriginal(original, paragraphs), () => paragraphs)).toBe(original);
    const pairs = `${'政'.repeat(4095)}𠀀${'协'.repeat(4094)}𠀁𠀂`;
    expect(unpackOriginal(packOriginal(pairs, ['政协']), () => ['政协'])).toBe(pairs);
    expect(unpackOriginal(packOriginal('原文', []), () => [])).toBe('原文');
    expect(unpackOriginal(packOriginal('', ['a']), () => ['a'])).toBe('');
  });

  it('compresses an original against its own paragraphs far below plain deflate', () => {
    // Hardly compressible on its own (pseudo-random characters), but its paragraphs say it all again.
    let seed = 7;
    const char = () => String.fromCharCode(0x4e00 + ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 3000));
    const paragraphs = Array.from({ length: 200 }, () => Array.from({ length: 60 }, char).join(''));
    const original = paragraphs.join('\n\n');
    const packed = packOriginal(original, paragraphs);
    expect(packed.length * 3).toBeLessThan(deflateSync(Buffer.from(original)).length);
  });

  it('reads rows stored before (one plain zlib stream) without the paragraphs', () => {
    const stored = deflateSync(Buffer.from('原文:开展协商议政', 'utf8'));
    expect(
      unpackOriginal(stored, () => {
        throw new Error('not needed');
      }),
    ).toBe('原文:开展协商议政');
  });

  it('round-trips the original of every seed and dev-corpus report against its paragraphs', async () => {
    const files = seedAndDevFiles();
    let packed = 0;
    let plain = 0;
    for (const file of files) {
      const r = await extractFile(file);
      const texts = r.paragraphs.map((p) => p.text);
      const stored = packOriginal(r.original, texts);
      expect(unpackOriginal(stored, () => texts)).toBe(r.original);
      packed += stored.length;
      plain += deflateSync(Buffer.from(r.original)).length;
    }
    expect(packed * 2).toBeLessThan(plain);
  }, 120_000);
});
