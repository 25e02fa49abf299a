/** The year of work a report reviews, and whether it reviews a whole term. */
import type { ReportPeriod } from '../../domain/report.js';
import { planYear } from './dates.js';

export interface YearInput {
  /** Prepared full text. */
  text: string;
  /** Prepared head (title block up to the salutation). */
  head: string;
  deliveredOn: string | null;
  /** First page date, when it is a publication (not upload) date. */
  pageDate: string | null;
  /** Year of the delivery session when known by arithmetic (national bodies). */
  sessionYear?: number | null;
}

/** Review headings: 2020年主要工作回顾, 一、2025年和“十四五”时期工作回顾, “十四五”时期和2025年工作回顾. */
const REVIEW_HEADING = /(\d{4})年[^\n。,]{0,14}?回顾/;
/** A write-up of one year: 资阳市政协2022年工作综述 / 2019年工作总结. */
const YEAR_SUMMARY = /(\d{4})年[^\n。]{0,4}?(工作综述|工作总结|履职综述)/;
/** Counts of proposals submitted to one session (提案审查) are not a year's work. */
const SESSION_REVIEW = /提案审查(会议|情况)/;

/** Figures counted up to a year's end: 截至2023年底 / 截至2023年12月底 / 截止2023年末. */
const YEAR_END = /截[至止]\s*(\d{4})年(?:底|末|12月底|12月31日)/;
/** A sentence opening on the year and the body at work: `2025年,州政协…` / `2024年,广大政协委员…`. */
const STATED_YEAR =
  /(?:^|[。\n]|(?:表示|介绍|指出|说|强调|认为)[,，:])\s*(\d{4})年[,，]\s*(?=[^。\n]{0,12}(政协|人大|常委会|政府|委员|我们|全[市县区州旗省盟]))([^。\n]*)/g;
/** The year just ended, named as such: 刚刚过去的2024年 / 回望2024年 / 回顾2023年政协工作时. */
const PAST_YEAR = /(?:刚刚|刚)过去的(\d{4})年|回[顾望](\d{4})年/;
/** An anniversary this year: 今年是新中国成立75周年 / 今年是中国共产党成立100周年. */
const ANNIVERSARY =
  /今年是[^。]{0,40}?(?:(新中国|中华人民共和国|人民政协|中国人民政治协商会议)|(中国共产党|建党))(?:成立)?(\d{1,3})周年/;
/** The text reviews the year before its date: 去年,县政协… / 去年以来 / 去年一年. */
const LAST_YEAR = /去年(?!同期)(?:[,，]|以来|一年)/;
/** The text reviews the year of its date: 今年以来 / 今年上半年 / 一年来 (said late in the year). */
const THIS_YEAR = /今年(?:以来|上半年|前[一二三四五六七八九十]+个?月)|一年来/;

/**
 * The year reviewed by a report dated `date`: reports are delivered early in the following year (January–March →
 * the year before); late in the year (October on) a report or news item covers that year unless it says 去年;
 * mid-year it is a later posting of an early-year report unless it says 今年以来.
 */
function yearOfDate(text: string, date: string): number {
  const year = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
  if (month <= 3) return year - 1;
  const opening = text.slice(0, 3000);
  const last = LAST_YEAR.test(opening);
  const current = THIS_YEAR.test(opening);
  if (month >= 10) return last && !current ? year - 1 : year;
  return current && !last ? year : year - 1;
}

/** A yearbook page covers the year before its edition (松江年鉴2019 → 2018). */
const YEARBOOK = /年鉴\s*[(（]?(\d{4})/;
/** Verbs that make a dated sentence a plan, not a review. */
const PLAN_WORDS = /将(?!军)|(?<![重主需纲概])要(?!求)|计划|拟|力争|预计|目标|之年/;

/** The year a stated-year sentence reviews (the earliest such year), or null. */
function statedYear(text: string): number | null {
  let best: number | null = null;
  for (const m of text.slice(0, 6000).matchAll(STATED_YEAR)) {
    if (PLAN_WORDS.test((m[3] ?? '').slice(0, 40))) continue;
    const y = Number(m[1]);
    if (best === null || y < best) best = y;
  }
  return best;
}

/** A heading over a term's review: 五年工作的回顾 / 过去五年工作回顾 / 本届工作回顾. */
const TERM_HEADING = /^[一二三四五六七八九十、.\s]*(?:过去)?(?:五年|本届|届内)(?:以来)?(?:来)?(?:的)?(?:工作)?(?:的)?回顾/;
/** Words of a term review in running text. */
const TERM_WORDS = /五年来|过去五年|本届以来|本届政协以来|届内|任期内/;
/** The first sitting of a term hears the outgoing standing committee's review of the whole term. */
const FIRST_SITTING = /第一次会议$/;
/** Words of one year's review; an annual report may look back on five years too (“十四五”时期). */
const YEAR_WORDS = /一年来|过去一年|全年|\d{4}年(?:主要)?工作(?:回顾|总结)|本次会议以来|次会议以来/;

/**
 * Whether the report reviews a whole term: a term-review heading, or term words in the opening of a report
 * delivered at a term's first sitting (or, with no session named, of one that never speaks of a single year).
 * `year` then stands for the term's last year.
 */
export function reviewPeriod(text: string, session: string | null): ReportPeriod {
  for (const line of text.split('\n')) if (line.length <= 40 && TERM_HEADING.test(line)) return 'term';
  const opening = text.slice(0, 3000);
  if (!TERM_WORDS.test(opening)) return 'year';
  if (session) return FIRST_SITTING.test(session) ? 'term' : 'year';
  // No session named: term words with no word of a single year's review.
  return YEAR_WORDS.test(text) ? 'year' : 'term';
}

/** The delivery year an anniversary of 1949 (新中国, 人民政协) or 1921 (建党) implies, or null. */
export function anniversaryYear(text: string): number | null {
  const m = ANNIVERSARY.exec(text);
  if (!m) return null;
  return (m[1] ? 1949 : 1921) + Number(m[3]);
}

/** Review-year cues that need no date: 回顾 heading, year write-up, 刚刚过去的YYYY年. */
function undatedReviewYear(text: string, head: string): number | null {
  for (const line of text.split('\n')) {
    if (line.length > 40) continue;
    const m = line.match(REVIEW_HEADING);
    if (m && !/(\d{4})年[^\n]{0,14}(计划|安排|任务|打算)/.test(line.slice(0, m.index))) return Number(m[1]);
  }
  const summary = head.match(YEAR_SUMMARY);
  if (summary) return Number(summary[1]);
  const past = text.slice(0, 3000).match(PAST_YEAR);
  return past ? Number(past[1] ?? past[2]) : null;
}

/**
 * The year a report was delivered in, from the text alone (for a month-day delivery without a year): an
 * anniversary this year, the session of a national body, the year reviewed + 1, or the plan year.
 */
export function deliveryYearHint(text: string, head: string, sessionYear: number | null): number | null {
  const exact = sessionYear ?? anniversaryYear(text);
  if (exact) return exact;
  const reviewed = undatedReviewYear(text, head) ?? text.match(YEAR_END)?.[1] ?? statedYear(text);
  if (reviewed) return Number(reviewed) + 1;
  return planYear(text);
}

/**
 * The year reviewed, from a 回顾 heading, a year write-up title or 刚刚过去的YYYY年, the delivery/publication date,
 * `截至YYYY年底`, a stated-year sentence, the delivery year of a national session or an anniversary (− 1), the plan
 * part (YYYY年工作安排 → YYYY−1) or a yearbook edition; else null.
 */
export function reviewYear(input: YearInput): number | null {
  const { text, head, deliveredOn, pageDate } = input;
  if (SESSION_REVIEW.test(head.slice(0, 300)) && !REVIEW_HEADING.test(text)) return null;
  const undated = undatedReviewYear(text, head);
  if (undated) return undated;
  const date = deliveredOn ?? pageDate;
  if (date) return yearOfDate(text, date);
  const yearEnd = text.match(YEAR_END);
  if (yearEnd) return Number(yearEnd[1]);
  const stated = statedYear(text);
  if (stated) return stated;
  const delivered = input.sessionYear ?? anniversaryYear(text);
  if (delivered) return delivered - 1;
  const plan = planYear(text);
  if (plan) return plan - 1;
  const yearbook = head.match(YEARBOOK) ?? text.slice(0, 300).match(YEARBOOK);
  return yearbook ? Number(yearbook[1]) - 1 : null;
}
