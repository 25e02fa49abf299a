import { expect } from 'vitest';

type Json = Record<string, unknown>;

/** Every text in a list of Block Kit blocks, joined (for content assertions). */
export function blocksText(blocks: Json[]): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** Asserts one message respects Slack's Block Kit limits. */
export function expectWithinLimits(message: { blocks?: unknown; text?: unknown }): void {
  const blocks = message.blocks as Json[];
  expect(Array.isArray(blocks)).toBe(true);
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(typeof message.text).toBe('string');
  expect((message.text as string).length).toBeGreaterThan(0);
  for (const b of blocks) {
    const text = (b.text as Json | undefined)?.text as string | undefined;
    if (b.type === 'header') expect(text!.length).toBeLessThanOrEqual(150);
    if (b.type === 'section') {
      if (text !== undefined) expect(text.length).toBeLessThanOrEqual(3000);
      const fields = (b.fields as Json[] | undefined) ?? [];
      expect(fields.length).toBeLessThanOrEqual(10);
      for (const f of fields) expect((f.text as string).length).toBeLessThanOrEqual(2000);
    }
    if (b.type === 'actions') {
      const elements = b.elements as Json[];
      expect(elements.length).toBeLessThanOrEqual(25);
      for (const e of elements) {
        expect((e.value as string).length).toBeLessThanOrEqual(2000);
        expect(((e.text as Json).text as string).length).toBeLessThanOrEqual(75);
        expect(e.action_id).toMatch(/^digest_action_\d+$/);
      }
    }
  }
}
