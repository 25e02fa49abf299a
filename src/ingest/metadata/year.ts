/** The year of work a report reviews. */

export interface YearInput {
  /** Prepared full text. */
  text: string;
  /** Prepared head (title block up to the salutation). */
  head: string;
  deliveredOn: string | null;
  /** First page date, when it is a publication (not upload) date. */
  pageDate: string | null;
}

/** Review headings: 2020年主要工作回顾, 一、2025年和“十四五”时期工作回顾, “十四五”时期和2025年工作回顾. */
const REVIEW_HEADING = /(\d{4})年[^\n。,]{0,14}?回顾/;
/** A write-up of one year: 资阳市政协2022年工作综述 / 2019年工作总结. */
const YEAR_SUMMARY = /(\d{4})年[^\n。]{0,4}?(工作综述|工作总结|履职综述)/;
/** Counts of proposals submitted to one session (提案审查) are not a year's work. */
const SESSION_REVIEW = /提案审查(会议|情况)/;

/** The year reviewed, from a 回顾 heading, a year write-up title, or the delivery/publication date; else null. */
export function reviewYear(input: YearInput): number | null {
  const { text, head, deliveredOn, pageDate } = input;
  if (SESSION_REVIEW.test(head.slice(0, 300)) && !REVIEW_HEADING.test(text)) return null;
  for (const line of text.split('\n')) {
    if (line.length > 40) continue;
    const m = line.match(REVIEW_HEADING);
    if (m && !/(\d{4})年[^\n]{0,14}(计划|安排|任务|打算)/.test(line.slice(0, m.index))) return Number(m[1]);
  }
  const summary = head.match(YEAR_SUMMARY);
  if (summary) return Number(summary[1]);
  const date = deliveredOn ?? pageDate;
  if (date) {
    const year = Number(date.slice(0, 4));
    const month = date.length >= 7 ? Number(date.slice(5, 7)) : 1;
    // Reports are delivered early in the following year; a late-year delivery (五年 review, news) covers that year.
    return month >= 10 ? year : year - 1;
  }
  return null;
}
