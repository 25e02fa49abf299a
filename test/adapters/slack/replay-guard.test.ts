import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackStandIn } from '../../helpers/slack-stand-in.js';
import { type BoltOnStandIn, startBoltOnStandIn } from './bolt-app.js';
import { recordingService, type RecordingService } from './recording-service.js';
import { signedPost, slashCommandBody } from './signed-request.js';

/** The real Bolt app over HTTP: signed requests outside the time window or repeated are refused. */
describe('Slack request timestamps and replays', () => {
  let bolt: BoltOnStandIn;
  let slack: SlackStandIn;
  let service: RecordingService;
  let events: string;

  beforeAll(async () => {
    service = recordingService(null);
    bolt = await startBoltOnStandIn(service);
    ({ slack, events } = bolt);
  });

  afterAll(async () => {
    await bolt?.close();
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
