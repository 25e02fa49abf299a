/** Delivery / publication date of a report. */
import { chineseNumber, chineseYear } from '../../text/numerals.js';

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
  // 年 may be lost between Arabic digits (——20261月5日在…会议上).
  const full =
    /(\d{4}(?=\s*年?\s*\d)|[〇零一二三四五六七八九]{4}(?=\s*年))\s*年?\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/g;
  let fallback: string | null = null;
  for (const m of head.matchAll(full)) {
    const [whole, year = '', month = '', day = ''] = m;
    const y = chineseYear(year);
    const mo = chineseNumber(month);
    const d = chineseNumber(day);
    if (y === null || mo === null || d === null) continue;
    const iso = isoDate(y, mo, d);
    if (!iso) continue;
    const after = head.slice(m.index + whole.length, m.index + whole.length + 60);
    const before = head.slice(Math.max(0, m.index - 8), m.index);
    if (/(发布|日期|时间|发表)\s*[:：]?\s*$/.test(before)) continue;
    if (AT_MEETING.test(after) || (/^\s*[)）]/.test(after) && /[(（]\s*$/.test(before))) return iso;
    // A bracketed date line that lost one bracket: `(2007年12月11日` or `2007年12月11日)` alone on its line.
    const lineBefore = before.split('\n').pop() ?? '';
    const lineAfter = after.split('\n', 1)[0] ?? '';
    if (/^\s*[(（]\s*$/.test(lineBefore) && !lineAfter.trim()) return iso;
    if (!lineBefore.trim() && /^\s*[)）]\s*$/.test(lineAfter)) return iso;
    if (/^(上午|下午)?[,，]?[^。\n]{0,30}(会议|大会)[^。\n]{0,20}(开幕|召开|举行)/.test(after)) fallback ??= iso;
  }
  return fallback ?? garbledDate(head);
}

/** A date alone on a title-block line next to the session line (——在…第三次会议上 / 2025年3月4日). */
export function datelineDate(head: string): string | null {
  const lines = head.split('\n').map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    const m = /^[—–-]*\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
    if (!m) continue;
    const near = [lines[i - 1] ?? '', lines[i + 1] ?? ''];
    if (near.some((l) => /^[—–-]*\s*在[^。]{0,40}(会议|大会)上$/.test(l)))
      return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/**
 * A resolution adopted on the session's last day (2025年2月17日…会议通过) dates the adoption; when the text says the
 * session ran over several days (于2025年2月14日至17日举行), the reports were heard on one of them: only the month is known.
 */
export function sessionSpanMonth(text: string, adopted: string): string | null {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:至|到|—|-)\s*(?:(\d{1,2})月)?(\d{1,2})日[^。]{0,20}?(?:举行|召开)/.exec(
    text.slice(0, 3000),
  );
  if (!m) return null;
  const start = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  const end = isoDate(Number(m[1]), Number(m[4] ?? m[2]), Number(m[5]));
  return start && end && start < adopted && adopted <= end ? adopted.slice(0, 7) : null;
}

/** Digits run together when 年/月 were lost: 201816日在… → 2018-01-06; only when one reading is valid. */
export function garbledDate(head: string): string | null {
  for (const m of head.matchAll(/(?<!\d)(\d{4})(\d{2,4})日\s*(在|[)）])/g)) {
    const y = Number(m[1]);
    const rest = m[2] ?? '';
    const readings = new Set<string>();
    for (let cut = 1; cut < rest.length; cut++) {
      const iso = isoDate(y, Number(rest.slice(0, cut)), Number(rest.slice(cut)));
      if (iso && !rest.slice(cut).startsWith('0')) readings.add(iso);
    }
    const [only] = readings;
    if (readings.size === 1 && only) return only;
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
    const clause = after.split(/[。\n]/, 1)[0] ?? '';
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
function datelineToday(head: string): { month: number; day: number } | null {
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
    // Day first on European-style pages: 23.01.2020 10:44.
    const dayFirst = m ? null : line.match(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/);
    const iso = m
      ? isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
      : dayFirst && isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
    if (iso) out.push(iso);
  }
  return out;
}

/** Sites whose page date is an upload time, not a publication of the report. */
const UPLOAD_SITE = /网友上传|会员上传|文库|范文|下载本文/;

/** Plan-part cues: `2026年是…之年`, `2026年工作安排`, `2024年工作部署`, `2019年州政协…工作总体要求`, `做好2026年…工作`. */
const PLAN_YEAR =
  /(\d{4})年(?:是|[^\n。,，]{0,4}?(?:工作安排|工作部署|主要任务|工作任务|工作打算|工作建议|工作思路)|[^\n。,，]{0,12}?工作的?总体要求|(?=[^\n。]{0,10}工作)(?<=做好\d{4}年))/g;

/** Year a report plans for (the largest plan-cue year), or null. */
export function planYear(text: string): number | null {
  const years = [...text.matchAll(PLAN_YEAR)].map((m) => Number(m[1])).filter((y) => y >= 1949 && y <= 2100);
  return years.length ? Math.max(...years) : null;
}

/** What else the delivery date depends on. */
export interface DeliveryContext {
  /** Year of delivery known from the text without a date (anniversaries, session arithmetic, plan part). */
  yearHint?: number | null;
  /** The page is the report itself (salutation, 我代表…向大会报告): a page date is when it was posted, not delivered. */
  fullReport?: boolean;
}

/** More distinct page dates than this are an archive or related-links list, not the page's own date. */
const MAX_PAGE_DATES = 3;
/** The page dates, or none when there are so many that they list other pages (an archive, related links). */
export function ownPageDates(pageDates: string[]): string[] {
  return new Set(pageDates).size <= MAX_PAGE_DATES ? pageDates : [];
}

/** A live transcript stamps every line with the day it happened. */
const TRANSCRIPT_STAMPS = 3;

/**
 * The delivery (or, failing that, publication) date: stated line > month-day + page year (or the year the text
 * implies) > page date — the last only when it is the report's: not on upload sites, press briefings (the reports
 * come later), a full report's posting date, or a page whose text dates its event on another day.
 */
export function deliveredOn(
  head: string,
  text: string,
  pageDates: string[],
  uploadSite: boolean,
  context: DeliveryContext = {},
): string | null {
  const stated = statedDeliveryDate(head) ?? datelineDate(head);
  if (stated) return sessionSpanMonth(text, stated) ?? stated;
  if (/新闻发布会/.test(text.slice(0, 600))) return null;
  const page = ownPageDates(pageDates)[0] ?? null;
  const md = monthDayDelivery(head);
  if (md) {
    if (page) {
      let y = Number(page.slice(0, 4));
      const iso = isoDate(y, md.month, md.day);
      if (iso && iso > page) y -= 1;
      return isoDate(y, md.month, md.day);
    }
    const y = md.month <= 3 ? (context.yearHint ?? null) : null;
    return y ? isoDate(y, md.month, md.day) : null;
  }
  if (!page || uploadSite) return null;
  if (context.fullReport && text.split(page).length - 1 < TRANSCRIPT_STAMPS) return null;
  if (otherEventDay(head, page)) return null;
  return page;
}

/** Whether the opening of a news page dates its event (审议, 讨论 …) on a day other than the page date. */
function otherEventDay(head: string, page: string): boolean {
  const month = Number(page.slice(5, 7));
  const day = Number(page.slice(8, 10));
  for (const m of head.slice(0, 400).matchAll(/(?<![\d年])(\d{1,2})月(\d{1,2})日/g)) {
    if (/(截至|截止|至|将于|于\d{4}年)\s*$/.test(head.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (Number(m[1]) !== month || Number(m[2]) !== day) return true;
  }
  return false;
}

/** Whether the page is a document-sharing site whose dates are upload times (checked on the raw top of the page). */
export function isUploadSite(top: string): boolean {
  return UPLOAD_SITE.test(top);
}
