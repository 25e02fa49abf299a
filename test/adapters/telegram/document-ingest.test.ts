/** Real grammY + real service: an admin's PDF and DOCX uploads and `/ingest <url>` are stored and answered. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/ingest/fetch/ssrf-guard.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { makeDocx, makePdf } from '../../helpers/make-documents.js';
import { documentMessage, textMessage } from '../../helpers/telegram-updates.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { startPair, waitForCalls, type Pair } from './harness.js';

const ADMIN = 4242;
let pair: Pair | null = null;
let t: ReturnType<typeof tempDb>;
let server: Server;
let base: string;
let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await makePdf(await readFile(join(SEEDS_DIR, '004_580fe89a2b738e05.txt'), 'utf8'));
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdf)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(async () => {
  await pair?.close();
  pair = null;
  t.cleanup();
});

const start = async (allow: string | null) => {
  t = tempDb();
  const service = createDigestService({ db: t.db, fetch: { allow: allow ? parseAllowList(allow) : null } });
  pair = await startPair(service, { adminIds: [String(ADMIN)] });
  return pair;
};

describe('PDF/DOCX uploads and /ingest <url> on Telegram', () => {
  it('stores an uploaded PDF and DOCX and answers with title, region, year and figures', async () => {
    const p = await start(null);
    p.standIn.addFile('P1', Buffer.from(pdf), { path: 'documents/file_1.pdf' });
    p.standIn.push(documentMessage({ fileId: 'P1', fileName: '资阳.pdf', mimeType: 'application/pdf' }, { userId: ADMIN }));
    const [sent] = await waitForCalls(p.standIn, 'sendMessage');
    expect(sent!.payload.text).toContain('资阳市');
    expect(sent!.payload.text).toContain('2022');
    expect(sent!.payload.text).toContain('196件');

    const docx = await makeDocx(await readFile(join(SEEDS_DIR, '000_c9300030d36acea5.txt'), 'utf8'));
    p.standIn.addFile('D1', docx, { path: 'documents/file_2.docx' });
    p.standIn.push(documentMessage({ fileId: 'D1', fileName: '钟祥.docx' }, { userId: ADMIN }));
    const [, second] = await waitForCalls(p.standIn, 'sendMessage', 2);
    expect(second!.payload.text).toContain('钟祥市');
    expect(second!.payload.text).toContain('121件');

    p.standIn.push(documentMessage({ fileId: 'X', fileName: 'old.doc' }, { userId: ADMIN }));
    const [, , third] = await waitForCalls(p.standIn, 'sendMessage', 3);
    expect(third!.payload.text).toContain('另存为');
  }, 60_000);

  it('/ingest <url> from an admin stores the report with the URL as source; non-admins and loopback are refused', async () => {
    const p = await start('127.0.0.1/32');
    p.standIn.push(textMessage(`/ingest ${base}/report.pdf`, { userId: 7 }));
    const [refused] = await waitForCalls(p.standIn, 'sendMessage');
    expect(refused!.payload.text).toContain('只有管理员');
    p.standIn.push(textMessage(`/ingest ${base}/report.pdf`, { userId: ADMIN }));
    const calls = await waitForCalls(p.standIn, 'sendMessage', 3);
    expect(calls[2]!.payload.text).toContain('资阳市');
    const row = t.db.$client.prepare('SELECT source_url AS url FROM reports').get() as { url: string };
    expect(row.url).toBe(`${base}/report.pdf`);
  }, 60_000);

  it('refuses a loopback URL when the allow-list is off', async () => {
    const p = await start(null);
    p.standIn.push(textMessage(`/ingest ${base}/report.pdf`, { userId: ADMIN }));
    const calls = await waitForCalls(p.standIn, 'sendMessage', 2);
    expect(calls[1]!.payload.text).toContain('拒绝访问内网或本机地址');
  }, 30_000);
});
