import { BadInputError, NotFoundError } from '../../errors.js';
import { shortProvince } from '../query/region-resolver.js';
import type { ReportRow, ReportStore } from '../query/report-store.js';
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
  const rows = store.allReports();
  if (!rows.length) {
    return {
      kind: 'list',
      title: '暂无报告',
      sections: [{ blocks: [{ type: 'paragraph', text: '数据库里还没有报告。管理员可以用 digest ingest 导入。' }] }],
      actions: [],
      script: 'simplified',
    };
  }
  const byProvince = new Map<string, ReportRow[]>();
  for (const r of rows) {
    const key = r.province ?? (r.regionName === '全国' ? '全国' : UNKNOWN_PROVINCE);
    const list = byProvince.get(key);
    if (list) list.push(r);
    else byProvince.set(key, [r]);
  }
  const { page, words } = takePage(args);
  if (words.length) return provinceList(byProvince, words.join(''), page);

  const title = `现有报告 ${rows.length} 份,覆盖 ${byProvince.size} 个省级地区`;
  const provinces = [...byProvince].sort((a, b) => b[1].length - a[1].length);
  const sections: Reply['sections'] = [{ blocks: [{ type: 'heading', text: title }] }];
  if (rows.length <= LIST_ALL_UP_TO) {
    for (const [province, list] of byProvince)
      sections.push({
        blocks: [
          { type: 'heading', text: `${province}(${list.length})` },
          { type: 'list', items: list.map((r) => ({ text: reportLine(r) })) },
        ],
      });
  } else {
    sections.push({
      blocks: [
        { type: 'list', items: provinces.map(([p, list]) => ({ text: `${p} ${list.length} 份` })) },
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
      .map(([p, list]) => ({ label: `${shortProvince(p)}(${list.length})`, command: `/list ${shortProvince(p)}` })),
    script: 'simplified',
  };
}

/** One province's reports, a page at a time, with a button per report of the page (up to five). */
function provinceList(byProvince: Map<string, ReportRow[]>, asked: string, page: number): Reply {
  const want = shortProvince(asked.trim());
  const found = [...byProvince].find(([p]) => p === asked || shortProvince(p) === want);
  if (!found) {
    const known = [...byProvince.keys()].filter((p) => p !== UNKNOWN_PROVINCE).map(shortProvince);
    throw new NotFoundError(`没有“${asked}”的报告。现有省份:${known.join('、')}。`);
  }
  const [province, list] = found;
  const pages = Math.max(1, Math.ceil(list.length / PAGE));
  const at = Math.min(page, pages);
  const shown = list.slice((at - 1) * PAGE, at * PAGE);
  const title = `${province}的报告 ${list.length} 份`;
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

function reportLine(r: ReportRow): string {
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
