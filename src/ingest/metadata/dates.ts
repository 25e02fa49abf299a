/** Delivery / publication date of a report. */
import { chineseNumber, chineseYear } from './numerals.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO date when y-m-d is a real calendar date in a plausible range, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** Words around a date that say a report was delivered / adopted there. */
const AT_MEETING = /^\s*[)）]?\s*(在|于)[^。\d]{0,40}?(会议|大会)|^[^。\d]{0,40}?(会议|大会)\s*(上|通过)/;

/** A full date stated on a delivery line: 2021年1月19日在…会议上, (2007年12月11日), 二〇二六年一月二十七日在…. */
export function statedDeliveryDate(head: string): string | null {
  const full =
    /(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/g;
  let fallback: string | null = null;
  for (const m of head.matchAll(full)) {
    const y = chineseYear(m[1]);
    const mo = chineseNumber(m[2]);
    const d = chineseNumber(m[3]);
    if (y === null || mo === null || d === null) continue;
    const iso = isoDate(y, mo, d);
    if (!iso) continue;
    const after = head.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const before = head.slice(Math.max(0, m.index - 8), m.index);
    if (/(发布|日期|时间|发表)\s*[:：]?\s*$/.test(before)) continue;
    if (AT_MEETING.test(after) || (/^\s*[)）]/.test(after) && /[(（]\s*$/.test(before))) return iso;
    if (/^(上午|下午)?[,，]?[^。\n]{0,30}(会议|大会)[^。\n]{0,20}(开幕|召开|举行)/.test(after)) fallback ??= iso;
  }
  return fallback ?? garbledDate(head);
}

/** Digits run together when 年/月 were lost: 201816日在… → 2018-01-06; only when one reading is valid. */
export function garbledDate(head: string): string | null {
  for (const m of head.matchAll(/(?<!\d)(\d{4})(\d{2,4})日\s*(在|[)）])/g)) {
    const y = Number(m[1]);
    const rest = m[2];
    const readings = new Set<string>();
    for (let cut = 1; cut < rest.length; cut++) {
      const iso = isoDate(y, Number(rest.slice(0, cut)), Number(rest.slice(cut)));
      if (iso && !rest.slice(cut).startsWith('0')) readings.add(iso);
    }
    if (readings.size === 1) return [...readings][0];
  }
  return null;
}

/** A month-day delivery without a year: 在3月2日政协…会议上, 1月20日,…县长…作《政府工作报告》. */
export function monthDayDelivery(head: string): { month: number; day: number } | null {
  const dateline = datelineToday(head);
  if (dateline) return dateline;
  const re = /(?<![\d年])(\d{1,2})月(\d{1,2})日/g;
  for (const m of head.matchAll(re)) {
    const after = head.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const clause = after.split(/[。\n]/)[0];
    if (/新闻发布会|筹备/.test(clause)) continue;
    // 截至1月29日 is a cut-off for counting; 审议/讨论…报告 is a later group discussion, not the delivery.
    if (/(截至|截止|至)\s*$/.test(head.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (/^[^。\n]{0,30}(审议|讨论|学习)[^。\n]{0,20}报告/.test(after)) continue;
    const deliveredHere =
      /^\s*(上午|下午)?\s*[,，]?\s*(在|于)?[^。\n]{0,40}?(会议|大会)[^。\n]{0,12}(上|开幕|召开|举行)/.test(after) ||
      /^[^。\n]{0,30}(?<!工)(作|做)[《“]?[^。\n]{0,20}报告/.test(after) ||
      /^\s*[)）]?\s*(召开的|上午|下午)?[^。\n]{0,20}(会议|大会)/.test(after);
    if (!deliveredHere) continue;
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (isoDate(2000, month, day)) return { month, day };
  }
  return null;
}

/** A news dateline `…网1月31日讯 … 今日下午, …会议…`: the meeting took place on the dateline's day. */
export function datelineToday(head: string): { month: number; day: number } | null {
  const m = /(?<![\d年])(\d{1,2})月(\d{1,2})日(?:电|讯)[^。\n]{0,30}?(今日|今天)[^。\n]{0,40}?(会议|大会)/.exec(head);
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return isoDate(2000, month, day) ? { month, day } : null;
}

/** Dates on page-furniture lines (发布时间: 2023-01-01, 2020/12/30, 日期:2022年01月24日), ISO, in order. */
export function pageDatesIn(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines.slice(0, 30)) {
    if (/会议上|会议通过|日在|开幕/.test(line)) continue;
    const short = line.length <= 60 || /(发布|时间|日期|来源|发表)/.test(line);
    if (!short) continue;
    const m = line.match(/(?<!\d)(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})(?!\d)/);
    const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (iso) out.push(iso);
  }
  return out;
}

/** Sites whose page date is an upload time, not a publication of the report. */
const UPLOAD_SITE = /网友上传|会员上传|文库|范文|下载本文/;

/** Plan-part cues: `2026年是…之年`, `2026年工作安排`, `做好2026年…工作`. */
const PLAN_YEAR =
  /(\d{4})年(?:是|[^\n。,，]{0,4}?(?:工作安排|主要任务|工作任务|工作打算|工作建议|工作思路)|(?=[^\n。]{0,10}工作)(?<=做好\d{4}年))/g;

/** Year a report plans for (the largest plan-cue year), or null. */
export function planYear(text: string): number | null {
  const years = [...text.matchAll(PLAN_YEAR)].map((m) => Number(m[1])).filter((y) => y >= 1949 && y <= 2100);
  return years.length ? Math.max(...years) : null;
}

/** The delivery (or, failing that, publication) date: stated line > month-day + page year > page date. */
export function deliveredOn(head: string, text: string, pageDates: string[], uploadSite: boolean): string | null {
  const stated = statedDeliveryDate(head);
  if (stated) return stated;
  const top = text.slice(0, 600);
  const press = /新闻发布会/.test(top);
  const md = monthDayDelivery(head);
  const page = pageDates[0] ?? null;
  if (md) {
    if (page) {
      let y = Number(page.slice(0, 4));
      const iso = isoDate(y, md.month, md.day);
      if (iso && iso > page) y -= 1;
      return isoDate(y, md.month, md.day);
    }
    const y = md.month <= 3 ? planYear(text) : null;
    return y ? isoDate(y, md.month, md.day) : null;
  }
  if (page && !press && !uploadSite) return page;
  return null;
}

/** Whether the page is a document-sharing site whose dates are upload times (checked on the raw top of the page). */
export function isUploadSite(top: string): boolean {
  return UPLOAD_SITE.test(top);
}
