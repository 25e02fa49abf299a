import { Jieba } from '@node-rs/jieba';
import { dict, idf } from '@node-rs/jieba/dict.js';
import { DOMAIN_TERMS } from './lexicon.js';

let segmenter: Jieba | null = null;
let idfTable: { table: Map<string, number>; median: number } | null = null;

/** The shared jieba instance with the domain user dictionary (loaded once, on first use: ~200 ms). */
export function jieba(): Jieba {
  if (!segmenter) {
    segmenter = Jieba.withDict(dict);
    // High frequency so these win over jieba's own splits; nz keeps them through the POS filter.
    segmenter.loadDict(Buffer.from(DOMAIN_TERMS.map((w) => `${w} 100000 nz`).join('\n') + '\n'));
  }
  return segmenter;
}

/** Jieba's bundled IDF table and its median (used for unseen terms), parsed once on first use. */
export function builtinIdf(): { table: Map<string, number>; median: number } {
  if (!idfTable) {
    const table = new Map<string, number>();
    const values: number[] = [];
    const source = Buffer.from(idf).toString('utf8');
    // Scanning with indexOf avoids materializing 270k line strings.
    for (let start = 0; start < source.length; ) {
      let end = source.indexOf('\n', start);
      if (end < 0) end = source.length;
      const space = source.lastIndexOf(' ', end);
      if (space > start) {
        const value = Number(source.slice(space + 1, end));
        table.set(source.slice(start, space), value);
        values.push(value);
      }
      start = end + 1;
    }
    values.sort((a, b) => a - b);
    idfTable = { table, median: values[values.length >> 1] ?? 10 };
  }
  return idfTable;
}
