/** The title of a report: the first title-like line of the head. */

/** Lines that are page furniture, never titles. */
const JUNK =
  /^(https?:|www\.|等待处理|首页|当前(页面|位置)|您的位置|下载|打印|全屏|收藏|正文复制|来源|发布|时间|日期|【)|…$|^[\d\s\-/:.年月日]+$/;
/** Words that make a line look like a report title. */
const TITLE_WORDS = /(报告|综述|总结|汇报|纪实|回眸|工作)/;

/** Whether a line may be a title (short, no sentence punctuation, not a date or delivery line). */
function plausible(line: string): boolean {
  if (line.length < 4 || line.length > 80 || JUNK.test(line)) return false;
  if (/[。;；]/.test(line) || /^[—–-]{1,2}|^[(（]\s*\d{4}|日在|会议上/.test(line)) return false;
  return !/^(各位|一、|\(一\))/.test(line);
}

/** The report title, or null. Prefers a line with title words among the first plausible ones. */
export function findTitle(headLines: string[], pageTitle: string | null): string | null {
  const candidates = headLines.slice(0, 12).filter(plausible).slice(0, 6);
  const worded = candidates.find((l) => TITLE_WORDS.test(l) && !/回顾$/.test(l));
  const title = worded ?? candidates[0] ?? pageTitle?.trim() ?? null;
  return title ? title.replace(/\s{2,}/g, ' ') : null;
}
