import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/create-slack-adapter.js';
import { startSlackStandIn, type SlackStandIn } from '../../helpers/slack-stand-in.js';
import { recordingService, type RecordingService } from './recording-service.js';
import { SIGNING_SECRET, signedPost, slashCommandBody } from './signed-request.js';

/** The real Bolt app over HTTP: signed requests outside the time window or repeated are refused. */
describe('Slack request timestamps and replays', () => {
  let slack: SlackStandIn;
  let adapter: SlackAdapter;
  let service: RecordingService;
  let events: string;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    service = recordingService(null);
    adapter = createSlackAdapter({
      service,
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      port: 0,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
      logger: pino({ level: 'silent' }),
    });
    await adapter.start();
    events = `http://127.0.0.1:${adapter.address()!.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await slack?.close();
  });

  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a timestamp one hour in the future, and one 6 minutes in the future or past', async () => {
    for (const skew of [3600, 360, -360]) {
      const res = await signedPost(events, slashCommandBody('/report', `资阳 ${skew}`, slack.responseUrl('skew')), {
        timestamp: now() + skew,
      });
      await res.text();
      expect(res.status, String(skew)).toBe(401);
    }
    expect(service.calls.filter((c) => c.line.startsWith('/report 资阳'))).toHaveLength(0);
  });

  it('accepts a timestamp 2 minutes ahead (clock skew) once', async () => {
    const res = await signedPost(events, slashCommandBody('/report', '资阳 ahead', slack.responseUrl('ahead')), {
      timestamp: now() + 120,
    });
    await res.text();
    expect(res.status).toBe(200);
  });

  it('answers a replay of the same signed request within 5 minutes only once', async () => {
    const ts = now();
    const body = slashCommandBody('/report', '资阳 replay', slack.responseUrl('replay'));
    const first = await signedPost(events, body, { timestamp: ts });
    await first.text();
    const second = await signedPost(events, body, { timestamp: ts });
    await second.text();
    expect(first.status).toBe(200);
    expect(second.status).toBe(401);
    await slack.waitFor(() => slack.responses('replay').length >= 1);
    expect(service.calls.filter((c) => c.line === '/report 资阳 replay')).toHaveLength(1);
  });
});
