import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/create-slack-adapter.js';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { startSlackStandIn, type SlackStandIn } from '../../helpers/slack-stand-in.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { blocksText, expectWithinLimits } from './block-checks.js';
import { bigTableReply, recordingService, type RecordingService } from './recording-service.js';
import { appMentionBody, buttonActionBody, SIGNING_SECRET, signedPost, slashCommandBody } from './signed-request.js';

/** The REAL Bolt app over HTTP, signed requests, the REAL digest service on the seeds, Slack played by a stand-in. */
describe('Slack adapter over HTTP (real Bolt app, real service)', () => {
  let slack: SlackStandIn;
  let adapter: SlackAdapter;
  let service: RecordingService;
  let events: string;
  let db: ReturnType<typeof tempDb>;
  const charts: string[] = [];

  beforeAll(async () => {
    slack = await startSlackStandIn();
    db = tempDb();
    await ingestPaths(db.db, [SEEDS_DIR]);
    service = recordingService(createDigestService({ db: db.db }), { '/compare 大表': bigTableReply(300) });
    adapter = createSlackAdapter({
      service,
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      port: 0,
      host: '127.0.0.1',
      commands: { compare: '/compare' },
      retryConfig: { retries: 0 },
      renderChart: (chart) => {
        charts.push(chart.title);
        return Buffer.from('\x89PNG fake chart');
      },
      logger: pino({ level: 'silent' }),
    });
    await adapter.start();
    const address = adapter.address();
    expect(address?.port).toBeGreaterThan(0);
    events = `http://127.0.0.1:${address!.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await slack?.close();
    db?.cleanup();
  });

  it('checks the bot token with auth.test against SLACK_API_URL on start', () => {
    expect(slack.calls('auth.test').length).toBeGreaterThanOrEqual(1);
    expect(slack.calls('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it('acknowledges /report 资阳 2022 before the answer is delivered, then answers in the channel with Block Kit', async () => {
    const release = slack.holdResponses();
    const before = service.calls.length;
    const res = await signedPost(events, slashCommandBody('/report', '资阳 2022', slack.responseUrl('report')));
    // The HTTP 200 (the ack) is back while the answer's POST to response_url is still held by the stand-in.
    expect(res.status).toBe(200);
    expect(slack.responses('report')).toHaveLength(0);
    await slack.waitFor(() => slack.requests.some((r) => r.path === '/respond/report'));
    release();
    await slack.waitFor(() => slack.responses('report').length >= 1);

    expect(service.calls[before]).toEqual({ line: '/report 资阳 2022', chat: { platform: 'slack', chatId: 'C0CHANNEL1' } });
    const answers = slack.responses('report');
    const answer = answers[0]!;
    expect(answer.response_type).toBe('in_channel');
    expect(answer.replace_original).toBe(false);
    const text = answers.map((a) => blocksText(a.blocks as Record<string, unknown>[])).join('\n');
    expect(text).toContain('资阳市');
    expect(text).toContain('196');
    for (const a of answers) expectWithinLimits(a);
    // Follow-up buttons carry the service's commands.
    const last = answers[answers.length - 1]!.blocks as { type: string; elements?: { value: string; action_id: string }[] }[];
    const buttons = last.find((b) => b.type === 'actions')?.elements ?? [];
    expect(buttons.map((b) => b.value)).toContain(buttons.find((b) => b.value.startsWith('/sections'))?.value);
    expect(buttons.length).toBeGreaterThan(0);
  });

  it('refuses a wrong signature and a timestamp older than five minutes (401), without calling the service', async () => {
    const before = service.calls.length;
    const body = slashCommandBody('/report', '资阳 2022', slack.responseUrl('refused'));
    const wrong = await signedPost(events, body, { secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    const stale = await signedPost(events, body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    expect(service.calls.length).toBe(before);
    expect(slack.responses('refused')).toHaveLength(0);
  });

  it('keeps /compare 提案 (five reports) within the Block Kit limits and uploads its chart when a renderer is given', async () => {
    const res = await signedPost(events, slashCommandBody('/compare', '提案', slack.responseUrl('compare')));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.calls('files.completeUploadExternal').length >= 1);
    const answers = slack.responses('compare');
    expect(answers.length).toBeGreaterThanOrEqual(1);
    for (const a of answers) expectWithinLimits(a);
    const text = answers.map((a) => blocksText(a.blocks as Record<string, unknown>[])).join('\n');
    for (const region of ['资阳市', '鹤岗市', '安宁市', '开化县', '钟祥市']) expect(text).toContain(region);
    // A missing value is a dash, never a zero.
    expect(text).toContain('—');
    expect(charts.length).toBeGreaterThanOrEqual(1);
    const complete = slack.calls('files.completeUploadExternal')[0]!;
    expect(complete.params.channel_id).toBe('C0CHANNEL1');
    expect(slack.requests.some((r) => r.path.startsWith('/upload/') && r.body.includes(Buffer.from('PNG fake chart')))).toBe(
      true,
    );
  });

  it('splits a 300-row table over several messages, each within the limits, buttons on the last', async () => {
    const res = await signedPost(events, slashCommandBody('/compare', '大表', slack.responseUrl('big')));
    expect(res.status).toBe(200);
    await slack.waitFor(() =>
      slack.responses('big').some((a) => (a.blocks as { type: string }[]).some((b) => b.type === 'actions')),
    );
    const answers = slack.responses('big');
    expect(answers.length).toBeGreaterThan(1);
    expect(answers.length).toBeLessThanOrEqual(5);
    for (const a of answers) expectWithinLimits(a);
    const text = answers.map((a) => blocksText(a.blocks as Record<string, unknown>[])).join('\n');
    expect(text).toContain('测试地区1市');
    expect(text).toContain('测试地区300市');
    // Report text is escaped for mrkdwn.
    expect(text).toContain('&amp; 协商&lt;议政&gt;');
    expect(text).not.toContain('<议政>');
    const withButtons = answers.filter((a) => (a.blocks as { type: string }[]).some((b) => b.type === 'actions'));
    expect(withButtons).toEqual([answers[answers.length - 1]]);
  });

  it('answers a button press (signed block_actions) with a new message through the action response_url', async () => {
    const before = service.calls.length;
    const res = await signedPost(events, buttonActionBody('digest_action_1', '/help', slack.responseUrl('button')));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses('button').length >= 1);
    expect(service.calls[before]).toEqual({ line: '/help', chat: { platform: 'slack', chatId: 'C0CHANNEL1' } });
    const answer = slack.responses('button')[0]!;
    expect(answer.replace_original).toBe(false);
    expect(answer.response_type).toBe('ephemeral');
    expect(blocksText(answer.blocks as Record<string, unknown>[])).toContain('/report');
  });

  it('runs a real follow-up button (全部章节 → /sections <id>) from a report answer', async () => {
    const command = service.handle('/report 资阳 2022', { platform: 'slack', chatId: 'C0CHANNEL1' }).actions[0]!.command;
    expect(command).toMatch(/^\/sections /);
    const res = await signedPost(events, buttonActionBody('digest_action_0', command, slack.responseUrl('sections')));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.responses('sections').length >= 1);
    expect(service.calls.at(-1)!.line).toBe(command);
    const answer = slack.responses('sections')[0]!;
    expect(answer.response_type).toBe('in_channel');
    expectWithinLimits(answer);
    expect(blocksText(answer.blocks as Record<string, unknown>[])).toContain('双向发力促发展');
  });

  it('maps /digest and /reportsearch onto the service commands; errors are ephemeral', async () => {
    const before = service.calls.length;
    await signedPost(events, slashCommandBody('/digest', 'subscribe 四川', slack.responseUrl('d1')));
    await signedPost(events, slashCommandBody('/digest', '', slack.responseUrl('d2')));
    await signedPost(events, slashCommandBody('/reportsearch', '请你来协商', slack.responseUrl('d3')));
    await signedPost(events, slashCommandBody('/report', '火星 2022', slack.responseUrl('d4')));
    await slack.waitFor(() => ['d1', 'd2', 'd3', 'd4'].every((id) => slack.responses(id).length >= 1));
    expect(
      service.calls
        .slice(before)
        .map((c) => c.line)
        .sort(),
    ).toEqual(['/subscribe 四川', '/help', '/search 请你来协商', '/report 火星 2022'].sort());
    expect(slack.responses('d2')[0]!.response_type).toBe('ephemeral');
    expect(slack.responses('d4')[0]!.response_type).toBe('ephemeral');
    expect(slack.responses('d3')[0]!.response_type).toBe('in_channel');
  });

  it('answers @bot report 资阳 2022 (signed app_mention) with chat.postMessage, the mention stripped', async () => {
    const before = service.calls.length;
    const posted = slack.calls('chat.postMessage').length;
    const res = await signedPost(events, appMentionBody('<@UBOT0001> report 资阳 2022', 'C0CHANNEL2'), {
      contentType: 'application/json',
    });
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.calls('chat.postMessage').length > posted);
    expect(service.calls[before]).toEqual({ line: 'report 资阳 2022', chat: { platform: 'slack', chatId: 'C0CHANNEL2' } });
    const post = slack.calls('chat.postMessage')[posted]!;
    expect(post.params.channel).toBe('C0CHANNEL2');
    const blocks = JSON.parse(post.params.blocks!) as Record<string, unknown>[];
    expectWithinLimits({ blocks, text: post.params.text });
    expect(blocksText(blocks)).toContain('196');
  });

  it('answers a mention that fails privately to the asker with chat.postEphemeral', async () => {
    const before = slack.calls('chat.postEphemeral').length;
    await signedPost(events, appMentionBody('<@UBOT0001> 胡说八道', 'C0CHANNEL2'), { contentType: 'application/json' });
    await slack.waitFor(() => slack.calls('chat.postEphemeral').length > before);
    const post = slack.calls('chat.postEphemeral')[before]!;
    expect(post.params).toMatchObject({ channel: 'C0CHANNEL2', user: 'U0USER01' });
    expect(post.params.text).toBeTruthy();
  });
});
