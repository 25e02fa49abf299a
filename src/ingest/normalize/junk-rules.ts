/** Patterns for page junk: navigation, share buttons, copyright, page meta, related-headline lists. */

/** Lines that are page furniture wherever they appear. */
export const JUNK_LINE: RegExp[] = [
  /^等待处理/,
  /^(?:>>|»|>)?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]?/,
  /^分享到/,
  /ICP[备证]|公网安备|网安备\d/,
  /^↑?\s*(?:TOP|返回顶部|回到顶部)$/i,
  /返回首页|关于我们\s*\|/,
  /【\s*字[体号]|字号[:：]\s*[大中小]/,
  /阅读次数|浏览次数|阅读量[:：]|点击[数量率]?[:：]|访问量[:：]/,
  /^[[【]?\s*免责声明/,
  /打印本页|关闭窗口|【\s*(?:打印|关闭)|^\[?\s*(?:打印|关闭|收藏|纠错)\s*\]?$/,
  /^(?:下载|打印|全屏|收藏|加大|还原|减小|默认|分享|纠错|[大中小]|[【】\][>»|]|首页|正文|正文复制|扫一扫|来源[:：]?|阅读量[:：]?|当前位置[:：]?|发表时间[:：]?|发布时间[:：]?)$/,
  /^(?:当前位置|当前页面|您的位置|您现在的位置|所在位置)\s*[:：]?/,
  /(?:首页|主页|网站首页)\s*(?:>>?|»|>|→)/,
  /^(?:责任编辑|编辑|责编|初审|二审|三审|终审|审核|审校|校对|核稿|值班编辑|监制|策划|摄影)\s*[:：\s]\s*\S{1,12}$/,
  /写写帮|下载本文|会员上传|文库小编|小编(?:给大家|为你|为大家)|来源于网友上传/,
  /^第[一二三四五六七八九十]+篇\s*[:：]/,
  /[（(]共\s*\d+\s*篇[）)]\s*$/,
  /^[\d.]*\s*\S{4,40}\s*篇[一二三四五六七八九十\d]+$/,
  /^(?:扫一扫|手机扫码|微信扫一扫|用手机扫描)/,
  /^(?:©|\(c\)|copyright)|©|版权所有|all rights reserved/i,
  /_fororder_|[0-9a-f]{24,}/i,
  /^(?:图片来源|图\s*[:：]|视频[:：])/,
];

/** Page-meta lines (来源/时间/作者 …): dropped, but their dates are kept for the metadata stage. */
export const META_LINE =
  /^(?:来源|信息来源|稿源|作者|时间|日期|发布时间|发布日期|发表时间|发稿时间|更新时间|录入时间|成文日期|公开日期|文件名称|索引号|文号)\s*[:：\s]/;

/** Short lines carrying a page timestamp (2015-02-10 08:44:00 来源:…, 公文搜 2021-07-23 10:26:26 政府报告). */
export const TIMESTAMP_LINE = /(?:19|20)\d{2}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}/;

/** A table-of-contents entry: a title followed by a page number. */
export const TOC_ENTRY = /^[^，。；：]{4,40}\s\d{1,3}$/;

/** A line that is only a date (and time): a page timestamp. */
export const DATE_ONLY_LINE = /^(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;

/** Markers after which the rest of the page is unrelated (related headlines, share bars, comment boxes). */
export const TAIL_MARKER =
  /^(?:(?:>>|»)?\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)|分享到|相关报道|相关阅读|相关新闻|相关链接|新闻推荐|最新推荐|热门资讯|热点推荐|推荐阅读|最新加入|热门文章|猜你喜欢|扫一扫在手机|[[【]?\s*免责声明)/;

/** A continuation marker of a print edition: the text is cut there. */
export const CONTINUED_MARKER = /[（(]\s*(?:下|转)转?第?\s*[一二三四五六七八九十\dA-Z]{1,3}\s*版\s*[）)]/;

/** An "up from page N" marker (上接/紧接第一版) where a continued article resumes: removed, the text kept. */
export const CONTINUED_FROM = /[（(]\s*(?:上接|紧接|接)第?\s*[一二三四五六七八九十\dA-Z]{1,3}\s*版\s*[）)]/g;

/** Navigation bars: several short segments separated by | (返回首页 | 关于我们 | …) or table rows. */
export function isNavBar(line: string): boolean {
  const segments = line.split(/\s*[|｜]\s*/);
  if (segments.length < 3) return false;
  return segments.every((s) => s.length <= 24);
}

/** Spam or site-title lines: several '_'-joined segments or adult/gambling keywords. */
export function isSpamLine(line: string): boolean {
  if (/[。，]/.test(line)) return false;
  if (line.split('_').length >= 3) return true;
  const hits = line.match(/在线观看|精品|视频|字幕|久久|无码|国产|成人|午夜|彩票|博彩|娱乐城|棋牌|爽/g);
  return (hits?.length ?? 0) >= 2;
}

/** A stray page number or table cell: digits only (1, 12, - 3 -, 2.5). */
export function isStrayNumber(line: string): boolean {
  return /^[-—\s]*\d{1,4}(?:\.\d+)?[-—\s]*$/.test(line) || /^第\s*\d{1,4}\s*页/.test(line);
}
