import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { seededService } from '../helpers/seeded-service.js';

/** Names that live on Object.prototype: user text must never find them through a plain-object lookup. */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** A random upper/lower-case spelling of a word. */
const anyCase = (word: string) =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((flags) => [...word].map((ch, i) => (flags[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

describe('command and alias lookups ignore Object.prototype names', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  });
  afterAll(() => env.cleanup());

  it('/constructor, /__proto__ and friends in any case get the unknown-command reply', () => {
    for (const word of HOSTILE) {
      for (const line of [`/${word}`, `/${word.toUpperCase()}`, word, `${word} 资阳`]) {
        const reply = env.service.handle(line, { platform: 'console', chatId: 'p' });
        expect(reply.kind, line).toBe('error');
        expect(renderPlain(reply), line).toContain('无法识别的命令');
      }
    }
  });

  it('fuzz: hostile names as command or argument always yield a Chinese reply, never a throw', () => {
    const commands = [
      '',
      '/report ',
      '/compare ',
      '/trend 资阳 ',
      '/search ',
      '/subscribe ',
      '/lang ',
      '/sections ',
      '/metrics ',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...commands),
        fc.constantFrom(...HOSTILE).chain(anyCase),
        fc.constantFrom('', ' 2022', ' 资阳'),
        (command, word, tail) => {
          const line = command ? `${command}${word}${tail}` : `/${word}${tail}`;
          const reply = env.service.handle(line, { platform: 'console', chatId: 'fuzz' });
          expect(reply, line).toBeDefined();
          const text = renderPlain(reply);
          expect(text.length, line).toBeGreaterThan(0);
          expect(text, line).toMatch(/[\u4e00-\u9fff]/);
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });
});
