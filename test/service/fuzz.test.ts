import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { seededService } from '../helpers/seeded-service.js';

const WORDS = [
  '/report',
  '/compare',
  '/trend',
  '/search',
  '/list',
  '/help',
  '/subscribe',
  '/unsubscribe',
  '/subscriptions',
  '/lang',
  '/sections',
  '/metrics',
  '/source',
  'report',
  '／report',
  '/report@bot',
  '报告',
];
const ARGS = [
  '资阳',
  '安寧',
  '2022',
  '二〇二二年',
  '提案',
  '营商环境',
  '"',
  "'",
  '*',
  'OR',
  'NEAR(',
  ')',
  'AND',
  '--',
  ';',
  'DROP TABLE reports;',
  '%',
  '_',
  '#',
  '#0',
  '#999999',
  '第0页',
  '第99999页',
  'csv',
  '\u0000',
  '\u202e',
  '😀',
  '\\',
  '<b>',
  '&amp;',
  '2020-2035',
  '-1',
  '1e309',
  'NaN',
];

describe('fuzz: hostile command lines', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  });
  afterAll(() => env.cleanup());

  it('10,000 random and hostile lines: no exception escapes, every reply is non-empty', () => {
    const token = fc.oneof(fc.constantFrom(...ARGS), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
    const line = fc.oneof(
      fc.tuple(fc.constantFrom(...WORDS), fc.array(token, { maxLength: 5 })).map(([w, a]) => [w, ...a].join(' ')),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ minLength: 1000, maxLength: 3000 }),
    );
    let errors = 0;
    fc.assert(
      fc.property(line, (l) => {
        const reply = env.service.handle(l, { platform: 'console', chatId: 'fuzz' });
        const text = renderPlain(reply);
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack traces
        if (reply.kind === 'error') errors++;
      }),
      { numRuns: 10_000, seed: 42 },
    );
    expect(errors).toBeGreaterThan(0);
    // Bounded by its 10,000 runs, not by time: on the shared 2-core machine under load it takes 60–90 s.
  }, 240_000);

  it('a 100 kB argument gets a clear answer', () => {
    const reply = env.service.handle('/search ' + '协商'.repeat(50_000), { platform: 'console', chatId: 'x' });
    expect(renderPlain(reply)).toMatch(/输入过长/);
  });
});
