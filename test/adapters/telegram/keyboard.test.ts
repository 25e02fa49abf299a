import { describe, expect, it } from 'vitest';
import { buildKeyboard, CallbackStore } from '../../../adapters/telegram/keyboard.js';

describe('CallbackStore', () => {
  it('puts short commands in the data and long ones behind a short id, all within 64 bytes', () => {
    const store = new CallbackStore();
    expect(store.encode('/sections 12')).toBe('c:/sections 12');
    const long = '/report 资阳市政协关于二〇二一年度提案工作情况的报告全文';
    const data = store.encode(long);
    expect(data).toMatch(/^a:[\w-]+$/);
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(store.decode(data)).toBe(long);
    expect(store.encode(long)).toBe(data);
    expect(store.decode('c:/sections 12')).toBe('/sections 12');
    expect(store.decode('a:unknown')).toBeNull();
    expect(store.decode('zzz')).toBeNull();
  });

  it('stays bounded and forgets the oldest long commands first', () => {
    const store = new CallbackStore(3);
    const cmd = (i: number) => `/search ${'很长的检索词'.repeat(4)} ${i}`;
    const ids = [0, 1, 2, 3, 4].map((i) => store.encode(cmd(i)));
    expect(store.size).toBe(3);
    expect(store.decode(ids[0]!)).toBeNull();
    expect(store.decode(ids[4]!)).toBe(cmd(4));
  });
});

describe('buildKeyboard', () => {
  it('lays out buttons in rows and returns undefined without actions', () => {
    const store = new CallbackStore();
    expect(buildKeyboard([], store)).toBeUndefined();
    const kb = buildKeyboard(
      ['全部章节', '更多指标', '原文', '2021年'].map((label, i) => ({ label, command: `/x ${i}` })),
      store,
    )!;
    expect(kb.inline_keyboard.flat().map((b) => b.text)).toEqual(['全部章节', '更多指标', '原文', '2021年']);
    expect(kb.inline_keyboard.length).toBe(2);
  });
});
