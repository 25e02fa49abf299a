import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import type { SlackStandIn } from '../../helpers/slack-stand-in.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { blocksText } from './block-checks.js';
import { type BoltOnStandIn, startBoltOnStandIn } from './bolt-app.js';
import { buttonActionBody, signedPost, slashCommandBody } from './signed-request.js';

type Button = { value: string; text: { text: string } };

/** Subscriptions in a Slack channel through the REAL Bolt app and service: commands, then the buttons they offer. */
describe('Slack subscriptions through Bolt', () => {
  let bolt: BoltOnStandIn;
  let slack: SlackStandIn;
  let events: string;
  let db: ReturnType<typeof tempDb>;
  let service: ReturnType<typeof createDigestService>;
  let n = 0;

  beforeAll(async () => {
    db = tempDb();
    await ingestPaths(db.db, [SEEDS_DIR]);
    service = createDigestService({ db: db.db, cron: '0 9 * * 1', timezone: 'Asia/Shanghai' });
    bolt = await startBoltOnStandIn(service);
    ({ slack, events } = bolt);
  });

  afterAll(async () => {
    await bolt?.close();
    db?.cleanup();
  });

  /** Sends a signed request and returns the first answer posted to its response_url. */
  async function answer(body: (responseUrl: string) => string) {
    const id = `s${++n}`;
    expect((await signedPost(events, body(slack.responseUrl(id)))).status).toBe(200);
    await slack.waitFor(() => slack.responses(id).length >= 1);
    const [first] = slack.responses(id);
    const blocks = first!.blocks as { type: string; elements?: Button[] }[];
    const buttons = blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
    return { text: blocksText(first!.blocks as Record<string, unknown>[]), buttons, type: first!.response_type };
  }
  const command = (text: string, user = 'U0USER01') => answer((url) => slashCommandBody('/digest', text, url, 'C0SUBS01', user));
  const press = (button: Button) => answer((url) => buttonActionBody('digest_action_0', button.value, url, 'C0SUBS01'));
  const subs = () => service.subscriptions.forChat('slack', 'C0SUBS01');

  it('/digest subscribe 资阳 offers the places; pressing 资阳市(四川) subscribes to that REGION', async () => {
    const ask = await command('subscribe 资阳');
    const choice = ask.buttons.find((b) => b.text.text.startsWith('资阳市'));
    expect(choice?.value).toBe('/subscribe 资阳市 四川');
    const done = await press(choice!);
    expect(done.text).toContain('已订阅资阳市的报告');
    expect(done.text).toContain('每周一 09:00');
    expect(subs()).toMatchObject([{ filterKind: 'region', filterValue: '512000' }]);
  });

  it('any member of the channel may subscribe (the Slack rule), e.g. a combined filter', async () => {
    const done = await command('subscribe 四川 提案', 'U0SOMEONE');
    expect(done.text).toContain('四川省的报告 · 指标“提案”');
    expect(subs()).toHaveLength(2);
  });

  it('/digest subscriptions numbers them with an unsubscribe button each; 退订 1 removes the first', async () => {
    const list = await command('subscriptions');
    expect(list.text).toMatch(/1\. 资阳市的报告/);
    expect(list.text).not.toMatch(/•\s*1\./);
    const first = list.buttons.find((b) => b.text.text === '退订 1')!;
    expect(first.value).toBe(`/unsubscribe #${subs()[0]!.id}`);
    expect((await press(first)).text).toContain('已取消订阅资阳市的报告');
    expect(subs().map((s) => s.filterKind)).toEqual(['province']);
  });

  it('bare /digest unsubscribe asks first; the confirm button removes everything', async () => {
    const ask = await command('unsubscribe');
    expect(subs()).toHaveLength(1);
    const confirm = ask.buttons.find((b) => b.text.text.startsWith('确认退订'))!;
    expect((await press(confirm)).text).toContain('已取消本聊天的全部 1 个订阅');
    expect(subs()).toHaveLength(0);
  });

  it('/digest schedule 周五 9 sets the channel’s time; /digest help names it and states who may change subscriptions', async () => {
    expect((await command('schedule 周五 9')).text).toContain('每周五 09:00(北京时间)');
    expect(service.subscriptions.chatDelivery('slack', 'C0SUBS01')).toMatchObject({ weekday: 5, hour: 9 });
    const help = await command('help');
    expect(help.type).toBe('ephemeral');
    for (const name of ['/digest schedule 周五 9', '/digest pause', '/digest resume', '/digest preview'])
      expect(help.text).toContain(name);
    expect(help.text).toContain('频道的任何成员都可以更改本频道的订阅');
  });
});
