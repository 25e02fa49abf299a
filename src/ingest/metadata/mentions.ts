/** Finds gazetteer names (full or short) in text, longest match first. */
import { allRegions } from '../../gazetteer/gazetteer.js';
import { DIVISION_CHANGES } from '../../gazetteer/renames.js';

/** One occurrence of a region name. */
export interface Mention {
  /** The surface form found (full or short name). */
  form: string;
  full: boolean;
  start: number;
  end: number;
}

/**
 * A trie node over UTF-16 code units (keyed by the unit's number: charAt would allocate a string for every
 * character of the text scanned), which names end here, and the longer names it continues into.
 */
interface Node {
  next: Map<number, Node>;
  full: boolean;
  short: boolean;
}

let root: Node | null = null;

/** Short names are matched up to this length (the longest a short name is taken to be). */
const MAX_SHORT = 6;

/** Short names that are everyday words far more often than places. */
const COMMON_WORDS = new Set([
  '和平',
  '城关',
  '新华',
  '东方',
  '中山',
  '开发',
  '长安',
  '永定',
  '民主',
  '发展',
  '合作',
  '建设',
  '和田',
  '宁安',
  '安全',
  '同心',
  '团结',
  '光明',
  '文明',
  '红旗',
  '胜利',
  '新城',
  '白云',
  '江南',
  '江北',
  '城中',
  '城东',
  '城西',
  '城南',
  '城北',
  '市中',
  '郊区',
  '平安',
  '和县',
  '新区',
  '海城',
  '前进',
  '永和',
  '长寿',
  '太和',
  '青山',
  '东风',
  '先锋',
  '双桥',
  '高新',
  '金川',
  '普兰',
  '大同',
  '新民',
  '共和',
  '友好',
  '通道',
  '全州',
  '华容',
  '宜章',
  '东区',
  '西区',
  '南区',
  '北区',
  '中区',
  '矿区',
]);

function load(): Node {
  if (root) return root;
  const trie: Node = { next: new Map(), full: false, short: false };
  const add = (name: string, kind: 'full' | 'short') => {
    let node = trie;
    for (let k = 0; k < name.length; k++) {
      const unit = name.charCodeAt(k);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map(), full: false, short: false }));
      node = child;
    }
    node[kind] = true;
  };
  for (const r of allRegions()) {
    add(r.name, 'full');
    if (r.short !== r.name && r.short.length >= 2 && !COMMON_WORDS.has(r.short)) add(r.short, 'short');
  }
  // Old names (襄樊市) are found too; region resolution maps them to today's unit.
  for (const c of DIVISION_CHANGES) add(c.from, 'full');
  root = trie;
  return trie;
}

/**
 * All region-name occurrences, scanning left to right with longest full names preferred over short ones.
 * One walk down the trie per position finds the longest full and short name starting there.
 */
export function findMentions(text: string): Mention[] {
  const trie = load();
  const out: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    let node = trie.next.get(text.charCodeAt(i));
    let fullEnd = 0;
    let shortEnd = 0;
    for (let j = i + 1; node; j++) {
      const len = j - i;
      if (len >= 2 && node.full) fullEnd = j;
      if (len >= 2 && len <= MAX_SHORT && node.short) shortEnd = j;
      if (j >= text.length) break;
      node = node.next.get(text.charCodeAt(j));
    }
    const end = fullEnd || shortEnd;
    if (end) {
      out.push({ form: text.slice(i, end), full: fullEnd > 0, start: i, end });
      i = end;
    } else i++;
  }
  return out;
}
