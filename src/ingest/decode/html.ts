import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DecodedFile } from '../../domain/report.js';
import { firstDate } from '../normalize/dates.js';
import { decodeBytes } from './charset.js';
import { IngestError } from '../../errors.js';
import { blockText } from './html-text.js';
import { htmlOverLimits, MAX_HTML_ELEMENTS } from './html-limits.js';

/** Below this many characters Readability's result is treated as a miss and the body text is used. */
const MIN_ARTICLE_CHARS = 200;

const DATE_META_NAMES = [
  'article:published_time',
  'pubdate',
  'publishdate',
  'publish_date',
  'publishtime',
  'og:release_date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'date',
  'firstpublishedtime',
  'datepublished',
];
const VISIBLE_DATE = /(?:发布时间|发布日期|发表时间|发稿时间|时间|日期)\s*[:：]\s*([^\n]{6,24})/;

/** True when the bytes look like an HTML document (for .txt files holding saved pages). */
export function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<meta\s)/i.test(head);
}

/** Decodes an HTML page: charset from BOM/UTF-8/HTTP header/meta, page title and date from the raw page, main text via Readability. */
export function decodeHtml(file: string, bytes: Uint8Array, headerCharset: string | null = null): DecodedFile {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  // An HTTP Content-Type charset (fetched pages) outranks the page's own meta, as in browsers.
  const declared = headerCharset ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ?? null;
  const { text: html, encoding } = decodeBytes(bytes, declared);
  // Parsing and Readability are superlinear in nesting depth (1,000 nested divs took 27 s): refuse first.
  const tooComplex = htmlOverLimits(html);
  if (tooComplex) throw new IngestError(file, tooComplex);
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;

  const pageTitle = readTitle(doc);
  const pageDate = readDate(doc);
  const fallback = blockText(doc.body ?? doc.documentElement);

  let text = '';
  try {
    const article = new Readability(doc, { charThreshold: 100, maxElemsToParse: MAX_HTML_ELEMENTS }).parse();
    if (article?.content) {
      const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText((articleDoc as unknown as Document).body);
    }
  } catch {
    // Readability can throw on odd markup; the body text below still gives a usable result.
  }
  if (text.replace(/\s/g, '').length < MIN_ARTICLE_CHARS) text = fallback;
  return { file, text, encoding, pageTitle, pageDate };
}

function readTitle(doc: Document): string | null {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const title = og || doc.querySelector('title')?.textContent || '';
  const clean = title.replace(/\s+/g, ' ').trim();
  return clean || null;
}

function readDate(doc: Document): string | null {
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    if (!DATE_META_NAMES.includes(key)) continue;
    const date = firstDate(meta.getAttribute('content') ?? '');
    if (date) return date;
  }
  const time = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  if (time && firstDate(time)) return firstDate(time);
  const visible = VISIBLE_DATE.exec(doc.body?.textContent ?? '')?.[1];
  return visible === undefined ? null : firstDate(visible);
}
