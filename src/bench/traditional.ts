import { toTraditional as convertToTraditional } from '../script/chinese-script.js';
import type { Rng } from './prng.js';

/** Pinyin that mirror sites put after common characters (keyed by the Traditional character). */
const PINYIN: Record<string, string> = {
  協: 'xié',
  會: 'huì',
  議: 'yì',
  發: 'fā',
  展: 'zhǎn',
  員: 'yuán',
  調: 'diào',
  研: 'yán',
  提: 'tí',
  案: 'àn',
  黨: 'dǎng',
  經: 'jīng',
  濟: 'jì',
  現: 'xiàn',
  規: 'guī',
  聯: 'lián',
  商: 'shāng',
  辦: 'bàn',
  民: 'mín',
  視: 'shì',
};

/** Converts Simplified text to Taiwan Traditional (opencc cn → tw). */
export function toTraditional(text: string): string {
  return convertToTraditional(text);
}

/** Adds `(xié)`-style annotations after a share of the characters that have one in the table. */
export function addPinyinNoise(text: string, share: number, rng: Rng): string {
  let out = '';
  for (const ch of text) {
    out += ch;
    const py = PINYIN[ch];
    if (py && rng.chance(share)) out += `(${py})`;
  }
  return out;
}
