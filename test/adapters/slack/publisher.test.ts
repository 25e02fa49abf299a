import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/create-slack-adapter.js';
import { ConfigError, PermanentDeliveryError, TemporaryDeliveryError } from '../../../src/errors.js';
import type { Reply } from '../../../src/service/reply/reply-model.js';
import { startSlackStandIn, type SlackStandIn } from '../../helpers/slack-stand-in.js';
import { blocksText, expectWithinLimits } from './block-checks.js';
import { bigTableReply, recordingService } from './recording-service.js';

const digest: Reply = {
  kind: 'digest',
  title: '本周新报告',
  sections: [{ blocks: [{ type: 'paragraph', text: '资阳市政协 2022 年立案提案 196 件。', marks: [[12, 16]] }] }],
  actions: [{ label: '查看', command: '/report 资阳 2022' }],
  chart: { kind: 'bar', title: '提案', unit: '件', points: [{ label: '资阳市', value: 196 }], source: '来源' },
  csv: { fileName: 'tian.csv', columns: ['地区', '立案'], rows: [['资阳市', 196]] },
  script: 'simplified',
};

/** The Publisher port against the stand-in Web API (SLACK_API_URL), no HTTP receiver started. */
describe('Slack publisher', () => {
  let slack: SlackStandIn;
  let adapter: SlackAdapter;
  const uploaded: string[] = [];

  beforeAll(async () => {
    slack = await startSlackStandIn();
    adapter = createSlackAdapter({
      service: recordingService(null),
      botToken: 'xoxb-test-token',
      signingSecret: 'secret',
      apiUrl: slack.url + '/api', // no trailing slash: the adapter adds it
      retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 10 },
      renderChart: (chart) => {
        uploaded.push(chart.title);
        return Buffer.from('png');
      },
      encodeCsv: (csv) => csv.columns.join(',') + '\n',
    });
  });
  afterEach(() => {
    slack.requests.length = 0;
  });
  afterAll(async () => {
    await slack?.close();
  });

  it('posts blocks + fallback text with chat.postMessage, then uploads chart and CSV into the channel', async () => {
    expect(adapter.publisher.platform).toBe('slack');
    await adapter.publisher.publish('C0PUSH01', digest);
    const [post] = slack.calls('chat.postMessage');
    expect(post!.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(post!.params.channel).toBe('C0PUSH01');
    expect(post!.params.text).toBe('本周新报告');
    const blocks = JSON.parse(post!.params.blocks!) as Record<string, unknown>[];
    expectWithinLimits({ blocks, text: post!.params.text });
    expect(blocksText(blocks)).toContain('\u200b*立案提案*\u200b');
    expect(slack.calls('files.completeUploadExternal').map((c) => c.params.channel_id)).toEqual(['C0PUSH01', 'C0PUSH01']);
    expect(uploaded).toEqual(['提案']);
  });

  it('sends a long digest as several messages in order', async () => {
    await adapter.publisher.publish('C0PUSH01', bigTableReply(300));
    const posts = slack.calls('chat.postMessage');
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.map((p) => p.params.text)).toEqual(posts.map((_, i) => `提案比较(大表) (${i + 1}/${posts.length})`));
  });

  it.each(['not_in_channel', 'channel_not_found', 'account_inactive', 'is_archived'])(
    'raises PermanentDeliveryError when Slack answers %s',
    async (error) => {
      slack.fail('chat.postMessage', { error });
      const failure = await adapter.publisher.publish('C0GONE01', digest).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PermanentDeliveryError);
      expect((failure as Error).message).toContain(error);
      // Nothing was uploaded for a channel that cannot be reached.
      expect(slack.calls('files.getUploadURLExternal')).toHaveLength(0);
    },
  );

  it('treats an unknown Slack error and a token problem as temporary (no subscription is dropped for our own fault)', async () => {
    slack.fail('chat.postMessage', { error: 'invalid_auth' });
    await expect(adapter.publisher.publish('C0PUSH01', digest)).rejects.toBeInstanceOf(TemporaryDeliveryError);
  });

  it('a 429 on a push is not retried inside the WebClient: it fails at once with the Retry-After', async () => {
    // retryConfig allows a retry for interactive replies; the push client must still make exactly one call.
    slack.fail('chat.postMessage', { status: 429, retryAfter: 7 });
    const failure = await adapter.publisher.publish('C0PUSH01', digest).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TemporaryDeliveryError);
    expect((failure as TemporaryDeliveryError).retryAfterMs).toBe(7000);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
    expect(slack.calls('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('keeps a delivered text when only the file upload fails', async () => {
    slack.fail('files.getUploadURLExternal', { error: 'not_in_channel' }, 2);
    await adapter.publisher.publish('C0PUSH01', digest);
    expect(slack.calls('chat.postMessage')).toHaveLength(1);
  });
});

describe('createSlackAdapter options', () => {
  it('needs a bot token and either an app token or a signing secret', () => {
    const service = recordingService(null);
    expect(() => createSlackAdapter({ service, botToken: '', signingSecret: 's' })).toThrow(ConfigError);
    expect(() => createSlackAdapter({ service, botToken: 'xoxb-1' })).toThrow(ConfigError);
  });

  it('chooses Socket Mode when an app token is given and HTTP otherwise', () => {
    const service = recordingService(null);
    expect(createSlackAdapter({ service, botToken: 'xoxb-1', appToken: 'xapp-1', signingSecret: 's' }).mode).toBe('socket');
    const http = createSlackAdapter({ service, botToken: 'xoxb-1', signingSecret: 's' });
    expect(http.mode).toBe('http');
    expect(http.address()).toBeNull();
  });

  it('fails start() with a ConfigError when Slack rejects the bot token', async () => {
    const slack = await startSlackStandIn();
    try {
      slack.fail('auth.test', { error: 'invalid_auth' });
      const adapter = createSlackAdapter({
        service: recordingService(null),
        botToken: 'xoxb-bad',
        signingSecret: 's',
        apiUrl: slack.apiUrl,
        port: 0,
        retryConfig: { retries: 0 },
      });
      await expect(adapter.start()).rejects.toBeInstanceOf(ConfigError);
      expect(adapter.address()).toBeNull();
      await adapter.stop();
    } finally {
      await slack.close();
    }
  });
});
