import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packSections, splitHtml } from '../../../adapters/telegram/split-message.js';
import { renderMessages } from '../../../adapters/telegram/send-reply.js';
import { checkTelegramHtml } from '../../helpers/telegram-html-check.js';
import { longCompare } from './fake-service.js';

const visible = (html: string) => {
  const c = checkTelegramHtml(html);
  if (!c.ok) throw new Error(`${c.error}\n${html}`);
  return c.text;
};

describe('packSections', () => {
  it('keeps sections whole and together while they fit', () => {
    expect(packSections(['a', 'b', 'c'], 10)).toEqual(['a\n\nb\n\nc']);
    expect(packSections(['aaaa', 'bbbb', 'cccc'], 10)).toEqual(['aaaa\n\nbbbb', 'cccc']);
  });

  it('splits a 300-row comparison into valid messages of at most 4096 characters, losing no row', () => {
    const messages = renderMessages(longCompare(300));
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(m.length).toBeLessThanOrEqual(4096);
    const text = messages.map(visible).join('\n');
    for (let i = 0; i < 300; i++) expect(text).toContain(`地区${i}<市> ${2000 + (i % 25)}`);
    // Rows are cut at line ends, never in the middle.
    for (const m of messages.slice(1)) expect(m.startsWith('<b>地区')).toBe(true);
  });
});

describe('splitHtml', () => {
  it('closes and reopens tags around a cut inside one long element', () => {
    const html = `<blockquote>${'一二三四五\n'.repeat(10)}</blockquote>`;
    const pieces = splitHtml(html, 40);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(40);
      expect(p.startsWith('<blockquote>')).toBe(true);
      expect(p.endsWith('</blockquote>')).toBe(true);
      visible(p);
    }
  });

  it('never cuts inside an entity or a surrogate pair when a line has no break', () => {
    const html = `<b>${'&amp;😀字'.repeat(50)}</b>`;
    const pieces = splitHtml(html, 30);
    expect(pieces.map(visible).join('')).toBe('&😀字'.repeat(50));
  });

  it('property: pieces fit, parse, and keep all visible text', () => {
    const word = fc.constantFrom('资阳', 'a&b', '<x>', '😀', ' ', '196', '\n');
    const inline = fc.array(word, { minLength: 1, maxLength: 8 }).map((w) => w.join(''));
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const node = fc
      .tuple(fc.constantFrom('', 'b', 'i', 'blockquote'), inline)
      .map(([tag, t]) => (tag ? `<${tag}>${esc(t)}</${tag}>` : esc(t)));
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 40 }), fc.integer({ min: 40, max: 120 }), (nodes, limit) => {
        const html = nodes.join('\n');
        const pieces = splitHtml(html, limit);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(limit);
        const strip = (s: string) => s.replace(/\s+/g, '');
        expect(strip(pieces.map(visible).join(''))).toBe(strip(visible(html)));
      }),
    );
  });
});
