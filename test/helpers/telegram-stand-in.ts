import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';
import { multipartBoundary, parseMultipart, type MultipartFile } from './multipart.js';
import { checkTelegramHtml } from './telegram-html-check.js';
import type { UpdateBody } from './telegram-updates.js';

/** One Bot API request the stand-in received (failed ones included). */
export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** Files of a multipart request: field name → size in bytes. */
  files: Record<string, number>;
  /** Files of a multipart request with their bytes: field name (e.g. `photo`, `document`) → file. */
  uploads: Record<string, MultipartFile>;
  ok: boolean;
  errorCode?: number;
}

/** An error answer the stand-in can be told to give. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** The failures Telegram really sends. */
export const failures = {
  rateLimit: (retryAfter: number): ApiFailure => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  }),
  blocked: (): ApiFailure => ({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
  chatNotFound: (): ApiFailure => ({ error_code: 400, description: 'Bad Request: chat not found' }),
  migrated: (toChatId: number): ApiFailure => ({
    error_code: 400,
    description: 'Bad Request: group chat was upgraded to a supergroup chat',
    parameters: { migrate_to_chat_id: toChatId },
  }),
};

interface Scripted {
  method: string;
  failure: ApiFailure;
  times: number;
  /** Calls of `method` to let through before failing. */
  skip: number;
}

interface Waiter {
  offset: number;
  res: ServerResponse;
  timer: NodeJS.Timeout;
}

/** Bot identity the stand-in reports from getMe. */
export const STAND_IN_BOT = { id: 777000, username: 'digest_test_bot', first_name: 'Digest' } as const;

/**
 * A local stand-in for the Telegram Bot API over real HTTP: serves queued updates through (long-polling)
 * getUpdates, records every request, validates HTML and limits like Telegram, and fails on request.
 */
export class TelegramStandIn {
  readonly token = '123456:TEST-token';
  readonly calls: RecordedCall[] = [];
  readonly downloads: string[] = [];
  /** getChatMember status by user id (default `member`): set `administrator` to make a group admin. */
  readonly memberStatus = new Map<number, string>();
  private readonly updates: Update[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly scripted: Scripted[] = [];
  private readonly files = new Map<string, { path: string; content: Buffer; size: number }>();
  private readonly gates: { method: string; gate: Promise<void>; skip: number }[] = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;

  private constructor(private readonly server: Server) {}

  /** Starts a stand-in on a free local port. */
  static async start(): Promise<TelegramStandIn> {
    let standIn: TelegramStandIn | null = null;
    const server = createServer((req, res) => {
      // A stand-in bug must show up as a failed call, not as a request that hangs until the test times out.
      standIn!.route(req, res).catch((err: unknown) => send(res, 500, { ok: false, error_code: 500, description: String(err) }));
    });
    standIn = new TelegramStandIn(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return standIn;
  }

  /** Root URL to give the adapter as apiRoot. */
  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues an update for getUpdates; returns its update_id. */
  push(body: UpdateBody): number {
    const update = { update_id: this.nextUpdateId++, ...body } as Update;
    this.updates.push(update);
    for (const w of [...this.waiters]) this.flush(w);
    return update.update_id;
  }

  /** Makes the next `times` calls of `method` fail with `failure` (after letting `skip` calls through). */
  failNext(method: string, failure: ApiFailure, times = 1, skip = 0): void {
    this.scripted.push({ method, failure, times, skip });
  }

  /**
   * Holds the next call of `method` (after letting `skip` through) until the returned function is called,
   * to observe work in flight. The held call is recorded (and counts as received) when it arrives.
   */
  hold(method: string, skip = 0): () => void {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.gates.push({ method, gate, skip });
    return release;
  }

  /** Serves a file through getFile + /file/bot<token>/<path>; `size` overrides the reported file_size. */
  addFile(fileId: string, content: string | Buffer, opts: { path?: string; size?: number } = {}): void {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    this.files.set(fileId, { path: opts.path ?? `documents/${fileId}.txt`, content: buf, size: opts.size ?? buf.length });
  }

  /** Recorded calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Successful calls of one method. */
  okCallsOf(method: string): RecordedCall[] {
    return this.callsOf(method).filter((c) => c.ok);
  }

  /** Stops the server, answering pending long polls with no updates. */
  async close(): Promise<void> {
    for (const w of [...this.waiters]) this.answerWaiter(w, []);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const body = await readAll(req);
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.download(file[1]!, decodeURIComponent(file[2]!), res);
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    if (m[1] !== this.token) return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = m[2]!;
    const { payload, files, uploads } = parseBody(req, body);
    const call: RecordedCall = { method, payload, files, uploads, ok: true };
    this.calls.push(call);
    const gateAt = this.gates.findIndex((g) => g.method === method);
    if (gateAt >= 0 && this.gates[gateAt]!.skip > 0) this.gates[gateAt]!.skip--;
    else if (gateAt >= 0) await this.gates.splice(gateAt, 1)[0]!.gate;
    const failure = this.takeScripted(method) ?? validate(method, payload);
    if (failure) {
      call.ok = false;
      call.errorCode = failure.error_code;
      return send(res, failure.error_code, { ok: false, ...failure });
    }
    if (method === 'getUpdates') return this.getUpdates(payload, res);
    return send(res, 200, { ok: true, result: this.answer(method, payload) });
  }

  private answer(method: string, p: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return {
          ...STAND_IN_BOT,
          is_bot: true,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
        };
      case 'sendMessage':
      case 'sendPhoto':
      case 'sendDocument':
        return this.message(p);
      case 'editMessageText':
        return { ...this.message(p), message_id: Number(p.message_id) };
      case 'getChatMember': {
        const userId = Number(p.user_id);
        return {
          status: this.memberStatus.get(userId) ?? 'member',
          user: { id: userId, is_bot: false, first_name: `user${userId}` },
        };
      }
      case 'getFile': {
        const f = this.files.get(String(p.file_id));
        return f ? { file_id: p.file_id, file_unique_id: `u-${p.file_id}`, file_size: f.size, file_path: f.path } : null;
      }
      default:
        // setMyCommands, answerCallbackQuery, setWebhook, deleteWebhook …
        return true;
    }
  }

  private message(p: Record<string, unknown>): Record<string, unknown> {
    const chatId = Number(p.chat_id);
    return {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: chatId > 0 ? { id: chatId, type: 'private', first_name: 'u' } : { id: chatId, type: 'supergroup', title: 'g' },
      ...(typeof p.text === 'string' ? { text: p.text } : {}),
    };
  }

  private takeScripted(method: string): ApiFailure | null {
    const s = this.scripted.find((x) => x.method === method && x.times > 0);
    if (!s) return null;
    if (s.skip > 0) {
      s.skip--;
      return null;
    }
    s.times--;
    return s.failure;
  }

  private getUpdates(p: Record<string, unknown>, res: ServerResponse): void {
    const offset = Number(p.offset ?? 0);
    // Confirming an offset forgets older updates, like Telegram.
    while (this.updates.length && this.updates[0]!.update_id < offset) this.updates.shift();
    const waiter: Waiter = { offset, res, timer: setTimeout(() => this.answerWaiter(waiter, []), Number(p.timeout ?? 0) * 1000) };
    res.on('close', () => {
      clearTimeout(waiter.timer);
      this.waiters.delete(waiter);
    });
    this.waiters.add(waiter);
    this.flush(waiter);
  }

  private flush(w: Waiter): void {
    const ready = this.updates.filter((u) => u.update_id >= w.offset);
    if (ready.length) this.answerWaiter(w, ready);
  }

  private answerWaiter(w: Waiter, updates: Update[]): void {
    clearTimeout(w.timer);
    this.waiters.delete(w);
    if (!w.res.writableEnded) send(w.res, 200, { ok: true, result: updates });
  }

  private download(token: string, path: string, res: ServerResponse): void {
    this.downloads.push(path);
    const f = [...this.files.values()].find((x) => x.path === path);
    if (token !== this.token || !f) return void res.writeHead(404).end('Not Found');
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(f.content);
  }
}

/** Telegram's own checks on outgoing messages: HTML, lengths, callback data size. */
function validate(method: string, p: Record<string, unknown>): ApiFailure | null {
  const bad = (description: string): ApiFailure => ({ error_code: 400, description });
  if (method === 'sendMessage' || method === 'editMessageText') {
    const text = String(p.text ?? '');
    let visible = text;
    if (p.parse_mode === 'HTML') {
      const check = checkTelegramHtml(text);
      if (!check.ok) return bad(check.error);
      visible = check.text;
    }
    if (!visible.trim()) return bad('Bad Request: message text is empty');
    if (visible.length > 4096) return bad('Bad Request: message is too long');
  }
  if (typeof p.caption === 'string' && p.caption.length > 1024) return bad('Bad Request: message caption is too long');
  const markup = typeof p.reply_markup === 'string' ? (JSON.parse(p.reply_markup) as unknown) : p.reply_markup;
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  for (const button of rows.flat()) {
    const bytes = Buffer.byteLength(button.callback_data ?? '', 'utf8');
    if (bytes < 1 || bytes > 64) return bad('Bad Request: BUTTON_DATA_INVALID');
  }
  return null;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

type ParsedBody = { payload: Record<string, unknown>; files: Record<string, number>; uploads: Record<string, MultipartFile> };

function parseBody(req: IncomingMessage, body: Buffer): ParsedBody {
  const type = req.headers['content-type'] ?? '';
  if (!body.length) return { payload: {}, files: {}, uploads: {} };
  if (type.includes('application/json'))
    return { payload: JSON.parse(body.toString('utf8')) as Record<string, unknown>, files: {}, uploads: {} };
  const boundary = multipartBoundary(type);
  if (boundary) return fromMultipart(body, boundary);
  return { payload: {}, files: {}, uploads: {} };
}

/** Text fields go to payload; file parts are recorded by size and with their bytes. */
function fromMultipart(body: Buffer, boundary: string): ParsedBody {
  const { fields, files: parts } = parseMultipart(body, boundary);
  const payload: Record<string, unknown> = { ...fields };
  const uploads: Record<string, MultipartFile> = { ...parts };
  // grammY names file parts randomly and points to them from the field (`photo: attach://<name>`).
  for (const [key, value] of Object.entries(fields)) {
    const ref = value.startsWith('attach://') ? value.slice(9) : null;
    if (ref && parts[ref]) uploads[key] = parts[ref];
  }
  const files = Object.fromEntries(Object.entries(uploads).map(([k, f]) => [k, f.content.length]));
  return { payload, files, uploads };
}

function send(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}
