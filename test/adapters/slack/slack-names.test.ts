import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { findCommandRefs } from '../../../src/service/reply/command-ref.js';
import type { SlackStandIn } from '../../helpers/slack-stand-in.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { blocksText } from './block-checks.js';
import { type BoltOnStandIn, startBoltOnStandIn } from './bolt-app.js';
import { recordingService, type RecordingService } from './recording-service.js';
import { appMentionBody, signedPost, slashCommandBody } from './signed-request.js';

/** Real Bolt over HTTP with the real service: replies name Slack's commands, Slack's escaping is undone. */
describe('Slack command names and escaping', () => {
  let bolt: BoltOnStandIn;
  let slack: SlackStandIn;
  let service: RecordingService;
  let events: string;
  let db: ReturnType<typeof tempDb>;

  beforeAll(async () => {
    db = tempDb();
    await ingestPaths(db.db, [SEEDS_DIR]);
    service = recordingService(createDigestService({ db: db.db }));
    bolt = await startBoltOnStandIn(service);
    ({ slack, events } = bolt);
  });

  afterAll(async () => {
    await bolt?.close();
    db?.cleanup();
  });

  const textOf = (id: string) =>
    slack
      .responses(id)
      .map((r) => blocksText(r.blocks as Record<string, unknown>[]))
      .join('\n');

  it('/digest help names Slack commands (/reportsearch, /digest subscribe …), none of the Telegram-only ones', async () => {
    await signedPost(events, slashCommandBody('/digest', 'help', slack.responseUrl('h1')));
    await slack.waitFor(() => slack.responses('h1').length >= 1);
    const help = textOf('h1');
    for (const name of ['/report', '/reportsearch', '/digest subscribe', '/digest sections', '/digest lang', '/digest help'])
      expect(help).toContain(name);
    expect(help).not.toMatch(
      /(^|[^\w/])\/(search|subscribe|unsubscribe|subscriptions|list|lang|help|sections|metrics|source)\b/m,
    );
  });

  it('error messages name Slack commands too', async () => {
    await signedPost(events, slashCommandBody('/digest', 'metrics', slack.responseUrl('e1')));
    await signedPost(events, slashCommandBody('/report', '', slack.responseUrl('e2')));
    await slack.waitFor(() => slack.responses('e1').length >= 1 && slack.responses('e2').length >= 1);
    expect(textOf('e1')).toContain('/digest metrics 1');
    for (const id of ['e1', 'e2'])
      for (const ref of findCommandRefs(textOf(id))) expect(['report', 'compare', 'trend']).toContain(ref.name);
  });

  it('unescapes &amp; &lt; &gt; in slash command text before the service parses it', async () => {
    const before = service.calls.length;
    await signedPost(events, slashCommandBody('/reportsearch', '协商 &amp; &lt;调研&gt;', slack.responseUrl('u1')));
    await slack.waitFor(() => slack.responses('u1').length >= 1);
    expect(service.calls[before]!.line).toBe('/search 协商 & <调研>');
  });

  it('answers an @-mention in its thread', async () => {
    const posted = slack.calls('chat.postMessage').length;
    await signedPost(events, appMentionBody('<@UBOT0001> report 资阳 2022', 'C0THREAD1'), { contentType: 'application/json' });
    await slack.waitFor(() => slack.calls('chat.postMessage').length > posted);
    const post = slack.calls('chat.postMessage')[posted]!;
    expect(post.params.channel).toBe('C0THREAD1');
    expect(post.params.thread_ts).toBe('1700000002.000300');
  });
});
