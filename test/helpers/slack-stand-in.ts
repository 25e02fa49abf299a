import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { multipartBoundary, parseMultipart, type MultipartFile } from './multipart.js';

/** One request the stand-in received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** Form fields (Web API calls are form-encoded; nested values are JSON strings). */
  params: Record<string, string>;
  /** Parsed JSON body (response_url posts). */
  json: unknown;
  /** File parts of a multipart body (the upload URL POST), with their bytes. */
  files: Record<string, MultipartFile>;
}

/** A file that went through files.getUploadURLExternal and was then POSTed to its upload URL. */
export interface SlackUpload {
  fileId: string;
  /** The filename the client announced in files.getUploadURLExternal. */
  filename: string;
  /** The uploaded bytes (the file part of a multipart POST, else the raw body). */
  content: Buffer;
}

/** A scripted failure for a Web API method. */
export type Failure = { error: string } | { status: 429; retryAfter: number } | { status: number };

/**
 * A local stand-in for the Slack Web API (`/api/<method>`), the file upload URL and response_url
 * (`/respond/<id>`): records every request, answers like Slack, fails when scripted to.
 */
export interface SlackStandIn {
  /** Base URL, e.g. http://127.0.0.1:1234 */
  url: string;
  /** Value for the adapter's `apiUrl`. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** A response_url served by the stand-in. */
  responseUrl(id?: string): string;
  /** Web API calls of one method, in order. */
  calls(method: string): RecordedRequest[];
  /** Files POSTed to upload URLs, in order, with the filename announced for them. */
  uploads(): SlackUpload[];
  /** JSON bodies POSTed to a response_url, in order. */
  responses(id?: string): Record<string, unknown>[];
  /**
   * Serves `bytes` as a file at `<url>/files/<id>/<name>` (only with the bot token, like url_private) and
   * returns the file object a `file_share` event carries; `withUrls: false` leaves the URLs to files.info;
   * `signIn: true` answers its download with Slack's sign-in page (a token without files:read).
   */
  addFile(name: string, bytes: Uint8Array, options?: { withUrls?: boolean; signIn?: boolean }): StandInFile;
  /** File downloads (GET /files/…) with the Authorization header they carried. */
  downloads(): { path: string; authorization: string | undefined }[];
  /** The next `times` calls of `method` fail this way. */
  fail(method: string, failure: Failure, times?: number): void;
  /** Holds response_url posts unanswered until the returned release function is called. */
  holdResponses(): () => void;
  /** Resolves when `predicate` holds (polling); rejects after `timeoutMs` as a test failure bound. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A file object as Slack's events and files.info describe it. */
export interface StandInFile {
  id: string;
  name: string;
  size: number;
  url_private?: string;
  url_private_download?: string;
  file_access?: string;
}

/** The bot token the stand-in accepts for file downloads. */
export const STAND_IN_BOT_TOKEN = 'xoxb-test-token';

/** Bot identity the stand-in's auth.test reports. */
const STAND_IN_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0001' };

/** Starts the stand-in on a free local port. */
export async function startSlackStandIn(): Promise<SlackStandIn> {
  const requests: RecordedRequest[] = [];
  const failures = new Map<string, Failure[]>();
  let held: (() => void)[] | null = null;
  let ts = 1_700_000_000;
  let fileNo = 0;
  const announced = new Map<string, string>();
  const served = new Map<string, { file: StandInFile; bytes: Uint8Array; signIn: boolean }>();

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const type = req.headers['content-type'] ?? '';
    const text = body.toString('utf8');
    const params = type.includes('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(text)) : {};
    let json: unknown = null;
    if (type.includes('application/json')) json = JSON.parse(text);
    const boundary = multipartBoundary(type);
    const files = boundary ? parseMultipart(body, boundary).files : {};
    const record: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body, params, json, files };
    requests.push(record);

    if (path.startsWith('/respond/')) {
      const answer = () => send(res, 200, { ok: true });
      if (held) held.push(answer);
      else answer();
      return;
    }
    if (path.startsWith('/files/')) {
      const id = path.split('/')[2] ?? '';
      const entry = served.get(id);
      if (req.headers.authorization !== `Bearer ${STAND_IN_BOT_TOKEN}` || entry?.signIn) {
        // Slack answers a download without a valid token with its login page.
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html>sign in</html>');
        return;
      }
      if (!entry) return send(res, 404, { ok: false });
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(entry.bytes));
      return;
    }
    if (path.startsWith('/upload/')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${body.length}`);
      return;
    }
    const method = path.replace(/^\/api\//, '');
    const queue = failures.get(method);
    const failure = queue?.shift();
    if (failure) {
      if ('error' in failure) return send(res, 200, { ok: false, error: failure.error });
      if (failure.status === 429 && 'retryAfter' in failure) {
        res.writeHead(429, { 'retry-after': String(failure.retryAfter), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      return send(res, failure.status, { ok: false, error: 'http_error' });
    }
    switch (method) {
      case 'auth.test':
        return send(res, 200, {
          ok: true,
          url: 'https://example.slack.com/',
          team: 'Example',
          user: 'digest',
          team_id: STAND_IN_BOT.teamId,
          user_id: STAND_IN_BOT.userId,
          bot_id: STAND_IN_BOT.botId,
        });
      case 'chat.postMessage':
        return send(res, 200, { ok: true, channel: params.channel, ts: `${++ts}.000100`, message: { text: params.text } });
      case 'chat.postEphemeral':
        return send(res, 200, { ok: true, message_ts: `${++ts}.000100` });
      case 'files.getUploadURLExternal': {
        const id = `F${String(++fileNo).padStart(4, '0')}`;
        announced.set(id, params.filename ?? '');
        return send(res, 200, { ok: true, upload_url: `${base}/upload/${id}`, file_id: id });
      }
      case 'files.completeUploadExternal': {
        const files = JSON.parse(params.files ?? '[]') as { id: string; title?: string }[];
        return send(res, 200, { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '' })) });
      }
      case 'files.info': {
        const entry = served.get(params.file ?? '');
        if (!entry) return send(res, 200, { ok: false, error: 'file_not_found' });
        return send(res, 200, { ok: true, file: withUrls(entry.file) });
      }
      case 'conversations.join':
      case 'conversations.info':
        return send(res, 200, { ok: true, channel: { id: params.channel } });
      default:
        return send(res, 200, { ok: false, error: 'unknown_method' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const withUrls = (file: StandInFile): StandInFile => ({
    ...file,
    url_private: `${base}/files/${file.id}/${encodeURIComponent(file.name)}`,
    url_private_download: `${base}/files/${file.id}/download/${encodeURIComponent(file.name)}`,
  });

  return {
    url: base,
    apiUrl: `${base}/api/`,
    requests,
    responseUrl: (id = 'r1') => `${base}/respond/${id}`,
    calls: (method) => requests.filter((r) => r.path === `/api/${method}`),
    uploads: () =>
      requests
        .filter((r) => r.path.startsWith('/upload/'))
        .map((r) => {
          const fileId = r.path.slice('/upload/'.length);
          const part = Object.values(r.files)[0];
          return { fileId, filename: announced.get(fileId) ?? '', content: part ? part.content : r.body };
        }),
    responses: (id) =>
      requests
        .filter((r) => (id ? r.path === `/respond/${id}` : r.path.startsWith('/respond/')))
        .map((r) => r.json as Record<string, unknown>),
    addFile(name, bytes, options = {}) {
      const file: StandInFile = { id: `F${String(++fileNo).padStart(4, '0')}`, name, size: bytes.length };
      served.set(file.id, { file, bytes, signIn: options.signIn === true });
      return options.withUrls === false ? { ...file, file_access: 'check_file_info' } : withUrls(file);
    },
    downloads: () =>
      requests.filter((r) => r.path.startsWith('/files/')).map((r) => ({ path: r.path, authorization: r.headers.authorization })),
    fail(method, failure, times = 1) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(method, queue);
    },
    holdResponses() {
      held = [];
      return () => {
        const waiting = held ?? [];
        held = null;
        for (const answer of waiting) answer();
      };
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('slack stand-in: condition not met in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
