import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedFileUrl } from '../../../adapters/slack/upload.js';
import { NOT_ADMIN_INGEST_TEXT, NOT_ADMIN_TEXT } from '../../../src/domain/upload.js';
import { parseAllowList } from '../../../src/ingest/fetch/ssrf-guard.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { makeDocx, makePdf } from '../../helpers/make-documents.js';
import { type SlackStandIn, STAND_IN_BOT_TOKEN } from '../../helpers/slack-stand-in.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { blocksText } from './block-checks.js';
import { type BoltOnStandIn, startBoltOnStandIn } from './bolt-app.js';
import { fileShareBody, signedPost, slashCommandBody } from './signed-request.js';

const ADMIN = 'U0ADMIN1';
const ZIYANG = '004_580fe89a2b738e05.txt'; // 资阳市 2022, 196 proposals
const KAIHUA = '003_39406531928dc60d.txt'; // 开化县
const ANNING = '001_a5e4252a04534051.txt'; // 安宁市 (Traditional)

/** Real Bolt over HTTP, the real service on an empty temp DB; Slack (API, url_private files) is the stand-in. */
describe('Slack: admins add reports by file share and /digest ingest <url>', () => {
  let bolt: BoltOnStandIn;
  let slack: SlackStandIn;
  let events: string;
  let db: ReturnType<typeof tempDb>;
  let web: Server;
  let webBase: string;
  const seed = (name: string) => readFile(join(SEEDS_DIR, name), 'utf8');

  beforeAll(async () => {
    db = tempDb();
    const zhongxiang = await seed('000_c9300030d36acea5.txt');
    web = createServer((req, res) => {
      if (req.url === '/zhongxiang.txt') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(zhongxiang);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webBase = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    bolt = await startBoltOnStandIn(createDigestService({ db: db.db, fetch: { allow: parseAllowList('127.0.0.1/32') } }), {
      adminUsers: [ADMIN],
      maxUploadBytes: 2 * 1024 * 1024,
    });
    ({ slack, events } = bolt);
  });

  afterAll(async () => {
    await bolt?.close();
    web?.closeAllConnections();
    await new Promise((resolve) => web?.close(resolve));
    db?.cleanup();
  });

  const share = (files: unknown[], options: Parameters<typeof fileShareBody>[1] = {}) =>
    signedPost(events, fileShareBody(files, options), { contentType: 'application/json' });
  const posted = (method: 'chat.postMessage' | 'chat.postEphemeral', from: number) => slack.calls(method).slice(from);
  const postText = (p: { params: Record<string, string> }) =>
    `${p.params.text ?? ''}\n${blocksText(JSON.parse(p.params.blocks ?? '[]') as Record<string, unknown>[])}`;
  const stored = () =>
    db.db.$client.prepare('SELECT region_name AS region, year, source_url AS url FROM reports ORDER BY id').all() as {
      region: string;
      year: number;
      url: string | null;
    }[];

  it('an admin’s .txt in a DM is downloaded with the bot token, stored, and answered in its thread with what was stored', async () => {
    const before = slack.calls('chat.postMessage').length;
    const file = slack.addFile('资阳 2022.txt', Buffer.from(await seed(ZIYANG)));
    expect((await share([file])).status).toBe(200);
    await slack.waitFor(() => slack.calls('chat.postMessage').length > before);
    expect(slack.downloads()).toEqual([
      { path: expect.stringContaining(`/files/${file.id}/`), authorization: `Bearer ${STAND_IN_BOT_TOKEN}` },
    ]);
    const [reply] = posted('chat.postMessage', before);
    expect(reply!.params).toMatchObject({ channel: 'D0DIRECT1', thread_ts: '1700000005.000100' });
    const text = postText(reply!);
    expect(text).toContain('已导入这份报告');
    expect(text).toContain('资阳市');
    expect(text).toContain('2022');
    expect(text).toContain('196');
    expect(stored()).toEqual([{ region: '资阳市', year: 2022, url: null }]);
  });

  it('a PDF and a DOCX made from seeds, shared together in a channel, are both stored and described', async () => {
    const before = slack.calls('chat.postMessage').length;
    const pdf = slack.addFile('kaihua.pdf', await makePdf(await seed(KAIHUA)));
    // Without URLs in the event (file_access: check_file_info): the adapter asks files.info.
    const docx = slack.addFile('anning.docx', await makeDocx(await seed(ANNING)), { withUrls: false });
    await share([pdf, docx], { channel: 'C0CHANNEL1', channelType: 'channel' });
    await slack.waitFor(() => slack.calls('chat.postMessage').length >= before + 2, 30_000);
    expect(slack.calls('files.info').map((c) => c.params.file)).toEqual([docx.id]);
    const [first, second] = posted('chat.postMessage', before).map(postText);
    expect(first).toContain('开化县');
    expect(second).toContain('安宁市');
    expect(stored().map((r) => r.region)).toEqual(['资阳市', '开化县', '安宁市']);
  }, 60_000);

  it('a non-admin in a channel is refused privately and nothing is downloaded', async () => {
    const before = slack.calls('chat.postEphemeral').length;
    const downloads = slack.downloads().length;
    const file = slack.addFile('r.txt', Buffer.from('资阳市政协2022年工作综述'));
    await share([file], { user: 'U0OTHER1', channel: 'C0CHANNEL1', channelType: 'channel' });
    await slack.waitFor(() => slack.calls('chat.postEphemeral').length > before);
    const [refusal] = posted('chat.postEphemeral', before);
    expect(refusal!.params).toMatchObject({ channel: 'C0CHANNEL1', user: 'U0OTHER1', text: NOT_ADMIN_TEXT });
    expect(slack.downloads()).toHaveLength(downloads);
  });

  it('refuses .doc, a file too big and a file that is no PDF, each with its reason; the good one of the batch is stored', async () => {
    const before = slack.calls('chat.postMessage').length;
    const downloads = slack.downloads().length;
    const files = [
      slack.addFile('old.doc', Buffer.from('x')),
      { ...slack.addFile('big.pdf', Buffer.from('x')), size: 3 * 1024 * 1024 },
      slack.addFile('fake.pdf', Buffer.from('this is not a pdf at all')),
      slack.addFile('heshan.txt', Buffer.from(await seed('002_0826cd33da04db7c.txt'))),
    ];
    await share(files);
    await slack.waitFor(() => slack.calls('chat.postMessage').length >= before + 4, 30_000);
    const texts = posted('chat.postMessage', before).map(postText);
    expect(texts[0]).toContain('另存为');
    expect(texts[1]).toContain('文件过大(3.0 MB)');
    expect(texts[2]).toMatch(/fake\.pdf|PDF/);
    expect(texts[3]).toContain('鹤岗市');
    // The .doc and the oversized file were refused from their name and size: only two downloads.
    expect(slack.downloads().length - downloads).toBe(2);
  }, 30_000);

  it('a download answered with Slack’s sign-in page or a 404 is refused with a reason, nothing stored', async () => {
    const before = slack.calls('chat.postMessage').length;
    const count = stored().length;
    const signIn = slack.addFile('report.txt', Buffer.from(await seed(ZIYANG)), { signIn: true });
    const gone = { ...slack.addFile('gone.txt', Buffer.from('x')), url_private_download: `${slack.url}/files/FGONE/gone.txt` };
    await share([signIn, gone]);
    await slack.waitFor(() => slack.calls('chat.postMessage').length >= before + 2);
    for (const text of posted('chat.postMessage', before).map(postText)) expect(text).toContain('无法下载该文件');
    expect(stored()).toHaveLength(count);
  });

  it('never sends the bot token to a host outside the Slack API root', async () => {
    const downloads = slack.downloads().length;
    const before = slack.calls('chat.postMessage').length;
    const seen: (string | undefined)[] = [];
    const thief = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end('x');
    });
    await new Promise<void>((resolve) => thief.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(thief.address() as AddressInfo).port}/steal.txt`;
      await share([{ id: 'FEVIL', name: 'steal.txt', size: 10, url_private: url, url_private_download: url }]);
      await slack.waitFor(() => slack.calls('chat.postMessage').length > before);
      expect(postText(posted('chat.postMessage', before)[0]!)).toContain('无法下载');
      expect(seen).toEqual([]);
      expect(slack.downloads()).toHaveLength(downloads);
    } finally {
      thief.closeAllConnections();
      await new Promise((resolve) => thief.close(resolve));
    }
    expect(trustedFileUrl('https://files.slack.com/files-pri/T1-F1/r.pdf', 'https://slack.com/api/')).toBe(true);
    expect(trustedFileUrl('https://files.slack.com.evil.example/r.pdf', 'https://slack.com/api/')).toBe(false);
    expect(trustedFileUrl('http://files.slack.com/r.pdf', 'https://slack.com/api/')).toBe(false);
  });

  it('/digest ingest <url> from an admin stores the page with its URL as source; others are refused', async () => {
    const url = `${webBase}/zhongxiang.txt`;
    await signedPost(events, slashCommandBody('/digest', `ingest <${url}>`, slack.responseUrl('i1'), 'C0CHANNEL1', ADMIN));
    await slack.waitFor(() => slack.responses('i1').length >= 2, 20_000);
    const [working, answer] = slack.responses('i1');
    expect(blocksText(working!.blocks as Record<string, unknown>[])).toContain('正在抓取');
    const text = blocksText(answer!.blocks as Record<string, unknown>[]);
    expect(text).toContain('钟祥市');
    expect(text).toContain('121');
    expect(stored().find((r) => r.region === '钟祥市')).toMatchObject({ year: 2020, url });

    await signedPost(events, slashCommandBody('/digest', `ingest ${url}`, slack.responseUrl('i2'), 'C0CHANNEL1', 'U0OTHER1'));
    await slack.waitFor(() => slack.responses('i2').length >= 1);
    expect(blocksText(slack.responses('i2')[0]!.blocks as Record<string, unknown>[])).toContain(NOT_ADMIN_INGEST_TEXT);
    expect(slack.responses('i2')[0]!.response_type).toBe('ephemeral');

    await signedPost(events, slashCommandBody('/digest', 'ingest 不是网址', slack.responseUrl('i3'), 'C0CHANNEL1', ADMIN));
    await slack.waitFor(() => slack.responses('i3').length >= 1);
    expect(blocksText(slack.responses('i3')[0]!.blocks as Record<string, unknown>[])).toContain('/digest ingest <网址>');
  }, 30_000);
});
