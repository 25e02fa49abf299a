import type { RegionRef } from '../domain/report.js';
import { toChineseNumber } from '../text/numerals.js';
import type { Rng } from './prng.js';

/** Names a seed uses for its own region and the ones a variant puts in their place. */
export interface RegionSwap {
  from: (RegionRef | null)[];
  to: (RegionRef | null)[];
}

/** Replaces full and short names of the seed's region, parent and province with the target's, longest first. */
export function swapRegions(text: string, swap: RegionSwap): string {
  const map = new Map<string, string>();
  swap.from.forEach((from, i) => {
    const to = swap.to[i];
    if (!from || !to || from.code === to.code) return;
    map.set(from.name, to.name);
    // A short name of one character (县 names keep the suffix) would hit ordinary words.
    if ([...from.short].length >= 2 && !map.has(from.short)) map.set(from.short, to.short);
  });
  if (!map.size) return text;
  const pattern = new RegExp(
    [...map.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return text.replace(pattern, (m) => map.get(m) ?? m);
}

const NUMBER = /(https?:\/\/\S+)|(\d+(?:\.\d+)?)/g;
const KEEP_AFTER = /^(?:月|日|号|时|点|届|次会议|个五年|五)/;

/**
 * Shifts every year (1990–2035) by `yearDelta` and perturbs the other figures deterministically: dates,
 * ordinals (第3) and URLs stay as they are, percentages stay ≤ 100, small counts move by a step or two.
 */
export function rewriteNumbers(text: string, yearDelta: number, rng: Rng): string {
  return text.replace(NUMBER, (match, url: string | undefined, num: string | undefined, offset: number) => {
    if (url || !num) return match;
    const before = text[offset - 1] ?? '';
    const after = text.slice(offset + match.length, offset + match.length + 4);
    if (/[\d.]/.test(before) || after.startsWith('.')) return match;
    const value = Number(num);
    const isInt = !num.includes('.');
    if (isInt && num.length === 4 && value >= 1990 && value <= 2035) return String(value + yearDelta);
    if (before === '第' || before === '/' || before === '-' || KEEP_AFTER.test(after) || /^[/-]\d/.test(after)) return match;
    const decimals = isInt ? 0 : num.split('.')[1]!.length;
    let next: number;
    if (isInt && value < 10) next = Math.max(1, value + rng.int(-1, 2));
    else next = value * (0.8 + rng.next() * 0.45);
    if (after.startsWith('%') || after.startsWith('%')) next = Math.min(100, next);
    return decimals ? next.toFixed(decimals) : String(Math.max(1, Math.round(next)));
  });
}

const HEADING = /^([一二三四五六七八九十]{1,3})、(.*)$/;

/**
 * Reorders numbered top-level sections (一、二、…) within each run, renumbering the headings. The last
 * block of a run keeps its place: where it ends (plan part, signature) is not known.
 */
export function shuffleSections(text: string, rng: Rng): string {
  const lines = text.split('\n');
  const runs: number[][] = [];
  lines.forEach((line, i) => {
    const m = HEADING.exec(line.trim());
    if (!m) return;
    if (m[1] === '一' || !runs.length) runs.push([i]);
    else runs[runs.length - 1]!.push(i);
  });
  let out = lines;
  for (const run of runs.reverse()) {
    if (run.length < 3) continue;
    const blocks = run.slice(0, -1).map((start, k) => out.slice(start, run[k + 1]));
    const order = rng.shuffle(blocks.map((_, k) => k));
    const moved = order.flatMap((k, pos) => {
      const [head, ...body] = blocks[k]!;
      const title = HEADING.exec(head!.trim())![2];
      return [`${toChineseNumber(pos + 1)}、${title}`, ...body];
    });
    out = [...out.slice(0, run[0]), ...moved, ...out.slice(run[run.length - 1])];
  }
  return out.join('\n');
}

/** Drops a share of long body paragraphs (never headings), so sizes vary like real reports. */
export function dropParagraphs(text: string, share: number, rng: Rng): string {
  return text
    .split('\n')
    .filter((line) => line.length < 80 || HEADING.test(line.trim()) || !rng.chance(share))
    .join('\n');
}

const JUNK_HEAD = [
  '首页 > 新闻中心 > 政协要闻',
  '当前位置:首页 >> 工作动态',
  '等待处理…',
  '字号:大 中 小',
  '【打印本页】 【关闭窗口】',
  '分享到: 微信 微博 QQ空间',
];
const JUNK_TAIL = [
  '责任编辑:{name}',
  '扫一扫在手机打开当前页',
  '上一篇:关于召开政协全体会议的通知',
  '下一篇:{region}政协召开主席会议',
  '版权所有:{region}政协办公室 备案号:ICP备{n}号',
  '浏览次数:{n}',
  '来源:{region}日报 作者:记者 {name}',
];
const NAMES = ['王明', '李华', '张伟', '刘洋', '陈静', '杨帆'];

/** Adds site chrome before and after the report, as scraped pages carry it. */
export function addJunk(text: string, regionName: string, rng: Rng): string {
  const fill = (s: string) =>
    s
      .replace('{name}', rng.pick(NAMES))
      .replace('{region}', regionName)
      .replace('{n}', String(rng.int(100, 99999)));
  const head = rng.shuffle(JUNK_HEAD).slice(0, rng.int(0, 3)).map(fill);
  const tail = rng.shuffle(JUNK_TAIL).slice(0, rng.int(1, 4)).map(fill);
  return [...head, text, ...tail].join('\n');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
