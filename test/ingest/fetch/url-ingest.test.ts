/** URL ingest against a local HTTP server: charsets, PDF, redirects, timeouts, size cap, SSRF guard, CLI. */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/ingest/extract.js';
import { extractUrl } from '../../../src/ingest/extract-url.js';
import { fetchDocument } from '../../../src/ingest/fetch/fetch-url.js';
import { addressAllowed, parseAllowList } from '../../../src/ingest/fetch/ssrf-guard.js';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { makePdf } from '../../helpers/make-documents.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';

const HTML_SEED = '004_580fe89a2b738e05.txt';
const PDF_SEED = '003_39406531928dc60d.txt';

let server: Server;
let base: string;
let pdfBytes: Uint8Array;
let gbkPage: Buffer;
const open = new Set<ServerResponse>();

beforeAll(async () => {
  const htmlText = await readFile(join(SEEDS_DIR, HTML_SEED), 'utf8');
  const body = htmlText
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  // No meta charset: the header alone says GBK.
  gbkPage = iconv.encode(
    `<!doctype html><html><head><title>报告</title></head><body><article>${body}</article></body></html>`,
    'gbk',
  );
  pdfBytes = await makePdf(await readFile(join(SEEDS_DIR, PDF_SEED), 'utf8'));
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/gbk.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=GBK' }).end(gbkPage);
    } else if (path === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(pdfBytes));
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/report.pdf' }).end();
    } else if (path.startsWith('/to/')) {
      res.writeHead(302, { location: `http://${path.slice(4)}:${(server.address() as AddressInfo).port}/report.pdf` }).end();
    } else if (path === '/slow') {
      open.add(res); // never answers
    } else if (path === '/endless') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (res.write(chunk)) {
          /* fill the socket buffer */
        }
      };
      res.on('drain', pump);
      pump();
      open.add(res);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const essentials = (r: Awaited<ReturnType<typeof extractFile>>) => ({
  region: r.meta.region?.code,
  year: r.meta.year,
  headline: Object.fromEntries(Object.entries(r.headline).map(([k, f]) => [k, `${f.value}${f.unit}`])),
});

describe('URL ingest', () => {
  const allow = parseAllowList('127.0.0.1/8');
  const stored = (t: ReturnType<typeof tempDb>) =>
    t.db.$client.prepare('SELECT source_url AS url, region_code AS region, year FROM reports ORDER BY id').all() as {
      url: string;
      region: string;
      year: number;
    }[];

  it('ingests a GBK page, a PDF and a redirect chain, refuses the rest with reasons, and is a no-op the second time', async () => {
    const t = tempDb();
    try {
      const urls = [
        `${base}/gbk.html`,
        `${base}/report.pdf`,
        `${base}/hop/2`,
        `${base}/hop/9`,
        `${base}/slow`,
        `${base}/endless`,
        `${base}/missing`,
      ];
      const options = { fetch: { allow, timeoutMs: 1500, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 } };
      const summary = await ingestPaths(t.db, urls, undefined, options);
      const reasons = new Map(summary.skipped.map((s) => [s.file.replace(base, ''), s.reason]));
      expect(reasons.get('/hop/9')).toContain('重定向次数过多');
      expect(reasons.get('/slow')).toContain('超时');
      expect(reasons.get('/endless')).toContain('过大');
      expect(reasons.get('/missing')).toContain('404');
      // The redirect chain ends at the same PDF: one report, two URLs pointing at it.
      expect(summary).toMatchObject({ ingested: 2, unchanged: 1 });
      const rows = stored(t);
      expect(rows.map((r) => r.url)).toEqual([`${base}/gbk.html`, `${base}/report.pdf`]);

      const [html, pdf] = await Promise.all([extractFile(join(SEEDS_DIR, HTML_SEED)), extractFile(join(SEEDS_DIR, PDF_SEED))]);
      const [htmlByUrl, pdfByUrl] = await Promise.all([
        extractUrl(`${base}/gbk.html`, { allow }),
        extractUrl(`${base}/report.pdf`, { allow }),
      ]);
      expect(essentials(htmlByUrl.report)).toEqual(essentials(html));
      expect(essentials(pdfByUrl.report)).toEqual(essentials(pdf));

      const again = await ingestPaths(t.db, [`${base}/gbk.html`, `${base}/report.pdf`], undefined, options);
      expect(again).toMatchObject({ ingested: 0, unchanged: 2, skipped: [] });
      expect(stored(t)).toHaveLength(2);
    } finally {
      t.cleanup();
    }
  }, 60_000);

  it('refuses loopback when the allow-list is off, before any request', async () => {
    const t = tempDb();
    try {
      const summary = await ingestPaths(t.db, [`${base}/report.pdf`, 'http://localhost:9/x', 'http://[::1]:9/x']);
      expect(summary.ingested).toBe(0);
      for (const s of summary.skipped) expect(s.reason).toContain('拒绝访问内网或本机地址');
      expect(summary.skipped).toHaveLength(3);
    } finally {
      t.cleanup();
    }
  });

  it('DNS rebinding: the name is resolved once per hop and the socket goes to the address that was checked', async () => {
    const port = (server.address() as AddressInfo).port;
    // A hostile DNS: the check gets the allowed 127.0.0.1, any later lookup would get an address that is not.
    const answers: string[] = [];
    const resolve = async (host: string) => {
      answers.push(host);
      return answers.length === 1 ? ['127.0.0.1'] : ['169.254.169.254'];
    };
    const only127 = parseAllowList('127.0.0.1/32');
    const fetched = await fetchDocument(`http://rebind.test:${port}/report.pdf`, { allow: only127, resolve, timeoutMs: 5000 });
    expect(fetched.format).toBe('pdf');
    expect(Buffer.compare(fetched.bytes, Buffer.from(pdfBytes))).toBe(0);
    expect(answers).toEqual(['rebind.test']);
    // The same hostile DNS answering the forbidden address first is refused before any request.
    const refused = fetchDocument(`http://rebind.test:${port}/report.pdf`, {
      allow: only127,
      resolve: async () => ['169.254.169.254'],
    });
    await expect(refused).rejects.toThrow(/拒绝访问内网或本机地址/);
  });

  it('a redirect to a name that resolves to a forbidden address is refused at that hop', async () => {
    const port = (server.address() as AddressInfo).port;
    const resolve = async (host: string) => (host === 'start.test' ? ['127.0.0.1'] : ['10.0.0.7']);
    const hop = fetchDocument(`http://start.test:${port}/to/inner.test`, { allow: parseAllowList('127.0.0.1/32'), resolve });
    await expect(hop).rejects.toThrow(/10\.0\.0\.7/);
  });

  it('classifies addresses: private, link-local, mapped and CGNAT refused, public allowed', () => {
    for (const a of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '::ffff:127.0.0.1',
      'fe80::1',
      'fd00::1',
      '0.0.0.0',
    ]) {
      expect(addressAllowed(a, null), a).toBe(false);
    }
    for (const a of ['1.1.1.1', '203.119.25.1', '2606:4700::1111']) expect(addressAllowed(a, null), a).toBe(true);
    expect(addressAllowed('10.1.2.3', parseAllowList('10.0.0.0/8'))).toBe(true);
    expect(() => parseAllowList('not-an-ip')).toThrow();
  });

  it('digest ingest <url> with DIGEST_FETCH_ALLOW stores the report with that URL as its source', async () => {
    const t = tempDb();
    t.db.$client.close();
    try {
      const { code, stdout } = await runCli(['ingest', `${base}/report.pdf`, '--db', t.path], {
        DIGEST_FETCH_ALLOW: '127.0.0.1/8',
      });
      expect(stdout).toContain('ingested 1, unchanged 0, skipped 0');
      expect(code).toBe(0);
      const check = new Database(t.path, { readonly: true });
      expect(check.prepare('SELECT source_url AS url FROM reports').all()).toEqual([{ url: `${base}/report.pdf` }]);
      check.close();
      const refused = await runCli(['ingest', `${base}/report.pdf`, '--db', t.path], { DIGEST_FETCH_ALLOW: '' });
      expect(refused.stdout).toContain('拒绝访问内网或本机地址');
    } finally {
      rmSync(t.dir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Runs the real `digest` CLI in a child process (asynchronously: the test server lives in this process). */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string }> {
  const root = new URL('../../../', import.meta.url).pathname;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/digest.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
