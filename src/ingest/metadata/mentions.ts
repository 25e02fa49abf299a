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

let forms: { full: Set<string>; short: Set<string>; first: Set<string>; maxLen: number } | null = null;

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

function load(): NonNullable<typeof forms> {
  if (forms) return forms;
  const full = new Set<string>();
  const short = new Set<string>();
  const first = new Set<string>();
  let maxLen = 0;
  for (const r of allRegions()) {
    full.add(r.name);
    first.add(r.name.charAt(0));
    if (r.short !== r.name && r.short.length >= 2 && !COMMON_WORDS.has(r.short)) {
      short.add(r.short);
      first.add(r.short.charAt(0));
    }
    maxLen = Math.max(maxLen, r.name.length);
  }
  // Old names (襄樊市) are found too; region resolution maps them to today's unit.
  for (const c of DIVISION_CHANGES) {
    if (full.has(c.from)) continue;
    full.add(c.from);
    first.add(c.from.charAt(0));
  }
  forms = { full, short, first, maxLen };
  return forms;
}

/** All region-name occurrences, scanning left to right with longest full names preferred over short ones. */
export function findMentions(text: string): Mention[] {
  const { full, short, first, maxLen } = load();
  const out: Mention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!first.has(text.charAt(i))) {
      i++;
      continue;
    }
    let hit: Mention | null = null;
    for (let len = Math.min(maxLen, text.length - i); len >= 2 && !hit; len--) {
      const s = text.slice(i, i + len);
      if (full.has(s)) hit = { form: s, full: true, start: i, end: i + len };
    }
    for (let len = Math.min(6, text.length - i); len >= 2 && !hit; len--) {
      const s = text.slice(i, i + len);
      if (short.has(s)) hit = { form: s, full: false, start: i, end: i + len };
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
    } else i++;
  }
  return out;
}
