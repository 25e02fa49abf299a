/** Deepest element nesting accepted; real report pages stay far below (tables in layouts reach ~40). */
const MAX_HTML_DEPTH = 200;
/** Most elements accepted; a 5 MB page of ordinary markup has well under this. */
export const MAX_HTML_ELEMENTS = 100_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  '!doctype',
]);
/** Elements whose end tag may be left out: a new one closes the previous one (`<p>a<p>b`, `<li>`, `<td>`). */
const AUTO_CLOSE = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'thead', 'tbody', 'tfoot']);
/** Elements that bound that auto-closing (an `<li>` inside a nested `<ul>` does not close the outer one). */
const SCOPE = new Set(['table', 'ul', 'ol', 'dl', 'div', 'select', 'section', 'article', 'body', 'html']);
const RAW_TEXT = /<(script|style|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const TAG = /<(\/?)([a-zA-Z!][\w:-]*)[^>]*?(\/?)>/g;

/** Why a page cannot be parsed safely (in Chinese), or null when it is within the limits. */
export function htmlOverLimits(html: string): string | null {
  const markup = html.replace(COMMENT, '').replace(RAW_TEXT, '');
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  const open: string[] = [];
  for (const m of markup.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      // Close up to the matching open tag, as a parser recovers from unclosed elements.
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      depth = open.length;
      continue;
    }
    if (AUTO_CLOSE.has(name)) {
      const at = open.lastIndexOf(name);
      if (at >= 0 && !open.slice(at + 1).some((t) => SCOPE.has(t))) open.length = at;
    }
    open.push(name);
    depth = open.length;
    elements++;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) return `HTML 嵌套过深(超过 ${MAX_HTML_DEPTH} 层),无法安全解析`;
    if (elements > MAX_HTML_ELEMENTS) return `HTML 元素过多(超过 ${MAX_HTML_ELEMENTS} 个),无法安全解析`;
  }
  return null;
}

/** True when the text holds any markup at all (plain text saved as .html has none). */
export function hasMarkup(text: string): boolean {
  return /<(?:!doctype|[a-zA-Z][\w-]*)[\s>/]/i.test(text);
}
