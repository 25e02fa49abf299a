/** Fetches one report by URL: bounded redirects, one deadline, a streamed size cap, the SSRF guard per hop. */
import type { BlockList } from 'node:net';
import { IngestError } from '../../errors.js';
import type { DocumentFormat } from '../decode.js';
import { fetch } from 'undici';
import { readCapped } from '../../domain/read-capped.js';
import { createPinnedAgent } from './pinned-agent.js';
import { assertReachable, type Resolver } from './ssrf-guard.js';

/** Limits of one fetch. */
export interface FetchOptions {
  /** Allowed private ranges (DIGEST_FETCH_ALLOW); null: public addresses only. */
  allow: BlockList | null;
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** DNS for the SSRF check (default the system's); the connection uses the addresses it returned. */
  resolve?: Resolver;
}

/** What a fetch brought back. */
export interface FetchedDocument {
  /** The URL that answered (after redirects). */
  url: string;
  bytes: Buffer;
  /** pdf / docx / doc, or null for HTML and text. */
  format: DocumentFormat | null;
  /** HTML page or plain text, when format is null. */
  html: boolean;
  /** Charset named by the Content-Type header. */
  charset: string | null;
}

const DEFAULT_FETCH_TIMEOUT_MS = 20_000;
const DEFAULT_FETCH_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

/** Fetches `href`; every refusal is an IngestError with a Chinese reason. */
export async function fetchDocument(href: string, options: FetchOptions): Promise<FetchedDocument> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const pinned = createPinnedAgent();
  try {
    let url = parse(href);
    for (let hop = 0; ; hop++) {
      // Resolve once, check, and connect to exactly what was checked (no second lookup to rebind).
      pinned.pin(url.hostname, await assertReachable(url, options.allow, options.resolve));
      const res = await fetch(url, {
        dispatcher: pinned.agent,
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': 'report-digest/1.0 (+https://github.com/)', accept: 'text/html,application/pdf,*/*;q=0.8' },
      });
      if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) throw new IngestError(href, `重定向次数过多(超过 ${maxRedirects} 次)`);
        url = parse(new URL(res.headers.get('location') as string, url).href);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new IngestError(href, `网址返回错误 ${res.status}`);
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel();
        throw new IngestError(href, tooBig(maxBytes));
      }
      const bytes = await readCapped(res.body as ReadableStream<Uint8Array> | null, maxBytes);
      if (!bytes) throw new IngestError(href, tooBig(maxBytes));
      const type = (res.headers.get('content-type') ?? '').toLowerCase();
      const charset = /charset\s*=\s*["']?([\w-]+)/.exec(type)?.[1] ?? null;
      const format = formatOf(type, url.pathname, bytes);
      return { url: url.href, bytes, format, html: format === null && !type.startsWith('text/plain'), charset };
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (controller.signal.aborted) throw new IngestError(href, `网址响应超时(超过 ${Math.round(timeoutMs / 1000)} 秒)`);
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new IngestError(href, `无法访问该网址${cause ? `(${cause})` : ''}`);
  } finally {
    clearTimeout(timer);
    // destroy, not close: a body cancelled mid-stream must not keep the socket (or this call) waiting.
    void pinned.agent.destroy().catch(() => undefined);
  }
}

function parse(href: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new IngestError(href, '网址格式不正确');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new IngestError(href, '只支持 http/https 网址');
  if (url.username || url.password) throw new IngestError(href, '网址不能包含用户名或密码');
  return url;
}

function tooBig(maxBytes: number): string {
  return `网页或文件过大(超过 ${Math.round(maxBytes / 1024 / 1024)} MB)`;
}

/** Content type first; servers that say application/octet-stream are judged by magic bytes and the path. */
function formatOf(type: string, path: string, bytes: Buffer): DocumentFormat | null {
  if (type.includes('application/pdf') || bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (type.includes('officedocument.wordprocessingml')) return 'docx';
  if (type.includes('application/msword')) return 'doc';
  if (type.startsWith('text/') || type.includes('html')) return null;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && /\.docx$/i.test(path)) return 'docx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) return 'doc';
  return null;
}
