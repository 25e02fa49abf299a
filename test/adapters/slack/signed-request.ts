import { createHmac } from 'node:crypto';

/** Signing secret the tests configure the adapter with. */
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** Options of a signed POST. */
export interface SignOptions {
  secret?: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  contentType?: string;
}

/** POSTs a body to the Bolt endpoint with Slack's v0 signature headers. */
export async function signedPost(url: string, body: string, options: SignOptions = {}): Promise<Response> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    'v0=' +
    createHmac('sha256', options.secret ?? SIGNING_SECRET)
      .update(`v0:${ts}:${body}`)
      .digest('hex');
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature,
    },
    body,
  });
}

/** A slash command payload as Slack sends it (form-encoded). */
export function slashCommandBody(
  command: string,
  text: string,
  responseUrl: string,
  channelId = 'C0CHANNEL1',
  userId = 'U0USER01',
): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    team_domain: 'example',
    channel_id: channelId,
    channel_name: 'general',
    user_id: userId,
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A0APP001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
}

/** A block_actions payload for a button press (form-encoded `payload=`). */
export function buttonActionBody(actionId: string, value: string, responseUrl: string, channelId = 'C0CHANNEL1'): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0USER01', username: 'alice', team_id: 'T0001' },
    api_app_id: 'A0APP001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channelId, is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: channelId, name: 'general' },
    message: { type: 'message', ts: '1700000000.000100', text: 'digest' },
    response_url: responseUrl,
    actions: [
      {
        action_id: actionId,
        block_id: 'digest_actions',
        type: 'button',
        value,
        text: { type: 'plain_text', text: '全部章节' },
        action_ts: '1700000001.000200',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An app_mention event_callback (JSON). */
export function appMentionBody(text: string, channelId = 'C0CHANNEL1', botUserId = 'UBOT0001'): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0APP001',
    type: 'event_callback',
    event_id: 'Ev0001',
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: botUserId, is_bot: true }],
    event: {
      type: 'app_mention',
      user: 'U0USER01',
      text,
      ts: '1700000002.000300',
      channel: channelId,
      event_ts: '1700000002.000300',
    },
  });
}

/** A `message` event with subtype `file_share` (a file sent to the bot), as an event_callback (JSON). */
export function fileShareBody(
  files: unknown[],
  options: { user?: string; channel?: string; channelType?: string; eventId?: string } = {},
): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T0001',
    api_app_id: 'A0APP001',
    type: 'event_callback',
    event_id: options.eventId ?? `EvF${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T0001', user_id: 'UBOT0001', is_bot: true }],
    event: {
      type: 'message',
      subtype: 'file_share',
      user: options.user ?? 'U0ADMIN1',
      text: '',
      files,
      ts: '1700000005.000100',
      channel: options.channel ?? 'D0DIRECT1',
      channel_type: options.channelType ?? 'im',
      event_ts: '1700000005.000100',
    },
  });
}
