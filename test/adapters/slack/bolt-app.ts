import pino from 'pino';
import { createSlackAdapter, type SlackAdapter, type SlackAdapterOptions } from '../../../adapters/slack/create-slack-adapter.js';
import type { DigestService } from '../../../src/service/ports.js';
import { type SlackStandIn, STAND_IN_BOT_TOKEN, startSlackStandIn } from '../../helpers/slack-stand-in.js';
import { SIGNING_SECRET } from './signed-request.js';

/** The REAL Bolt app in HTTP mode on a free port, talking to a fresh Slack stand-in. */
export interface BoltOnStandIn {
  slack: SlackStandIn;
  adapter: SlackAdapter;
  /** The app's `/slack/events` URL. */
  events: string;
  close(): Promise<void>;
}

/** Starts the stand-in and the adapter (signing secret, no retries, silent log) with `extra` options on top. */
export async function startBoltOnStandIn(
  service: DigestService,
  extra: Partial<SlackAdapterOptions> = {},
): Promise<BoltOnStandIn> {
  const slack = await startSlackStandIn();
  const adapter = createSlackAdapter({
    service,
    botToken: STAND_IN_BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: slack.apiUrl,
    port: 0,
    host: '127.0.0.1',
    retryConfig: { retries: 0 },
    logger: pino({ level: 'silent' }),
    ...extra,
  });
  await adapter.start();
  return {
    slack,
    adapter,
    events: `http://127.0.0.1:${adapter.address()!.port}/slack/events`,
    async close() {
      await adapter.stop();
      await slack.close();
    },
  };
}
