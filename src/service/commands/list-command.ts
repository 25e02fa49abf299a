import { BadInputError, NotFoundError } from '../../errors.js';
import { shortProvince } from '../query/region-resolver.js';
import type { ListingGroup, ReportRef, ReportStore } from '../../db/report-store.js';
import type { Block, Reply, ReplyAction } from '../reply/reply-model.js';
import { yearLabel } from '../reply/format.js';

/** Up to this many reports, `/list` shows them all; beyond it, the provinces with their counts. */
const LIST_ALL_UP_TO = 30;
/** Reports per page of `/list <省份>`. */
const PAGE = 20;
/** Province buttons offered by `/list`. */
const PROVINCE_BUTTONS = 12;

const UNKNOWN_PROVINCE = '地区不详';

/** `/list` (by province, with a button per province) and `/list <省份> [页码]` (that province's reports). */
export function listCommand(store: ReportStore, args: string[]): Reply {
  // Counts per province from one cached aggregate: at 100,000 reports, no command holds every row.
  const groups = new Map(store.listingGroups().map((g) => [g.province ?? (g.national ? '全国' : UNKNOWN_PROVINCE), g]));
  const total = [...groups.values()].reduce((n, g) => n + g.reports, 0);
  if (!total) {
    return {
      kind: 'list',
      title: '暂无报告',
      sections: [{ blocks: [{ type: 'paragraph', text: '数据库里还没有报告。管理员可以用 digest ingest 导入。' }] }],
      actions: [],
      script: 'simplified',
    };
  }
  const { page, words } = takePage(args);
  if (words.length) return provinceList(store, groups, words.join(''), page);

  const title = `现有报告 ${total} 份,覆盖 ${groups.size} 个省级地区`;
  const provinces = [...groups].sort((a, b) => b[1].reports - a[1].reports);
  const sections: Reply['sections'] = [{ blocks: [{ type: 'heading', text: title }] }];
  if (total <= LIST_ALL_UP_TO) {
    for (const [province, g] of groups)
      sections.push({
        blocks: [
          { type: 'heading', text: `${province}(${g.reports})` },
          { type: 'list', items: store.reportsOfGroup(g, g.reports, 0).map((r) => ({ text: reportLine(r) })) },
        ],
      });
  } else {
    sections.push({
      blocks: [
        { type: 'list', items: provinces.map(([p, g]) => ({ text: `${p} ${g.reports} 份` })) },
        { type: 'paragraph', text: '发送 /list 四川 查看一个省的报告。' },
      ],
    });
  }
  return {
    kind: 'list',
    title,
    sections,
    actions: provinces
      .filter(([p]) => p !== UNKNOWN_PROVINCE)
      .slice(0, PROVINCE_BUTTONS)
      .map(([p, g]) => ({ label: `${shortProvince(p)}(${g.reports})`, command: `/list ${shortProvince(p)}` })),
    script: 'simplified',
  };
}

/** One province's reports, a page at a time (an indexed range), with a button per report of the page (up to five). */
function provinceList(store: ReportStore, groups: Map<string, ListingGroup>, asked: string, page: number): Reply {
  const want = shortProvince(asked.trim());
  const found = [...groups].find(([p]) => p === asked || shortProvince(p) === want);
  if (!found) {
    const known = [...groups.keys()].filter((p) => p !== UNKNOWN_PROVINCE).map(shortProvince);
    throw new NotFoundError(`没有“${asked}”的报告。现有省份:${known.join('、')}。`);
  }
  const [province, g] = found;
  const pages = Math.max(1, Math.ceil(g.reports / PAGE));
  const at = Math.min(page, pages);
  const shown = store.reportsOfGroup(g, PAGE, (at - 1) * PAGE);
  const title = `${province}的报告 ${g.reports} 份`;
  const blocks: Block[] = [
    { type: 'heading', text: title },
    { type: 'list', items: shown.map((r) => ({ text: `${reportLine(r)} → /report #${r.id}` })) },
  ];
  if (pages > 1) blocks.push({ type: 'paragraph', text: `第 ${at}/${pages} 页` });
  const actions: ReplyAction[] = shown
    .slice(0, 5)
    .map((r) => ({ label: `${r.regionName ?? '报告'} ${r.year ?? ''}`.trim(), command: `/report #${r.id}` }));
  const short = shortProvince(province);
  if (at > 1) actions.push({ label: '上一页', command: `/list ${short} ${at - 1}` });
  if (at < pages) actions.push({ label: '下一页', command: `/list ${short} ${at + 1}` });
  actions.push({ label: '全部省份', command: '/list' });
  return { kind: 'list', title, sections: [{ blocks }], actions, script: 'simplified' };
}

function reportLine(r: ReportRef): string {
  return `${r.regionName ?? '地区不详'} ${yearLabel(r)} · ${r.body ?? ''}${r.kind ?? ''}`;
}

/** A trailing page number (`2`, `第2页`) and the words before it. */
function takePage(args: string[]): { page: number; words: string[] } {
  const last = args[args.length - 1];
  const m = last === undefined ? null : /^第?(\d{1,4})页?$/.exec(last);
  if (!m) return { page: 1, words: args };
  const page = Number(m[1]);
  if (page < 1) throw new BadInputError('页码应是正整数,例如 /list 四川 2。');
  return { page, words: args.slice(0, -1) };
}
