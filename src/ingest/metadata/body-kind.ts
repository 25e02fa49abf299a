/** Issuing body (政协 / 人大 / 政府) and kind of a report. */
import type { ReportBody } from '../../domain/report.js';

/** The delivery or adoption line names a 政协 session: 2025年2月17日政协第十四届义乌市委员会第四次会议通过 / 在政协…会议上. */
const CPPCC_SESSION_LINE =
  /(?:在|日)\s*(?:中国人民政治协商会议|政协)[^。\n]{0,30}?委员会第[一二三四五六七八九十\d]{1,3}次(?:全体)?会议(?:上|通过)/;

/** The issuing body, judged from the title block first, then from the text. */
export function findBody(title: string | null, head: string, text: string): ReportBody | null {
  // A document delivered at or adopted by a 政协 session is the 政协's, whatever other reports it then discusses.
  if (!/政府工作报告|人民代表大会|人大/.test(title ?? '') && CPPCC_SESSION_LINE.test(head.slice(0, 400))) return '政协';
  for (const zone of [title ?? '', head, text.slice(0, 3000)]) {
    const z = zone.replace(/\*协/g, '政协').replace(/区\*府/g, '区政府');
    const gov = /政府工作报告|代表[^。]{0,12}人民政府[^。]{0,6}(向大会)?(作|报告)/.test(z);
    const npc = /人民代表大会常务委员会(工作)?报告|人大常委会[^。]{0,6}(工作)?(报告|汇报)|人大常委会全年工作/.test(z);
    const cppcc = /政协|政治协商会议/.test(z);
    if (gov && !npc) return '政府';
    if (npc) return '人大';
    if (cppcc) return '政协';
  }
  return null;
}

/** Kinds in order of precedence; the first whose pattern matches the title block wins. */
const KINDS: [string, RegExp][] = [
  ['提案工作报告', /提案工作(情况)?的?报告|关于[^。]{0,16}提案工作情况的报告/],
  ['提案审查情况报告', /提案审查情况的?报告/],
  ['政府工作报告', /政府工作报告/],
  ['工作综述', /综述/],
  ['常委会工作报告', /(常务委员会|常委会)(全年)?工作(报告|汇报)/],
];

/** The report kind (常委会工作报告, 提案工作报告, 工作综述, 政府工作报告, 新闻报道 …), or null. */
export function findKind(title: string | null, head: string, text: string, body: ReportBody | null): string | null {
  for (const zone of [title ?? '', head]) {
    for (const [kind, re] of KINDS) if (re.test(zone)) return kind;
  }
  // A 政协 report with a dated review part but no stated kind is the standing committee's report.
  if (body === '政协' && /(\d{4}|过去一)年[^\n]{0,8}工作回顾/.test(text)) return '常委会工作报告';
  if (/(记者|本报讯|[^\s,，。]{2,8}讯\s*[(（]|新华社|融媒体中心|日报\s*\d{4}-)/.test(text.slice(0, 1500))) return '新闻报道';
  if (body === '人大' && /常委会/.test(text.slice(0, 3000))) return '常委会工作报告';
  return null;
}
