import pino from 'pino';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/create-slack-adapter.js';
import { CHART_WIDTH } from '../../../src/charts/chart-frame.js';
import { toCsv } from '../../../src/charts/csv.js';
import { renderChartPng } from '../../../src/charts/render-png.js';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { startSlackStandIn, type SlackStandIn } from '../../helpers/slack-stand-in.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';
import { signedPost, SIGNING_SECRET, slashCommandBody } from './signed-request.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Real Bolt app + real service on the seeds + the real chart renderer and CSV encoder; Slack is the stand-in. */
describe('Slack adapter uploads real chart PNGs and CSV files', () => {
  let slack: SlackStandIn;
  let adapter: SlackAdapter;
  let events: string;
  let db: ReturnType<typeof tempDb>;

  beforeAll(async () => {
    slack = await startSlackStandIn();
    db = tempDb();
    await ingestPaths(db.db, [SEEDS_DIR]);
    adapter = createSlackAdapter({
      service: createDigestService({ db: db.db }),
      botToken: 'xoxb-test-token',
      signingSecret: SIGNING_SECRET,
      apiUrl: slack.apiUrl,
      port: 0,
      host: '127.0.0.1',
      commands: { compare: '/compare' },
      retryConfig: { retries: 0 },
      renderChart: renderChartPng,
      encodeCsv: toCsv,
      logger: pino({ level: 'silent' }),
    });
    await adapter.start();
    events = `http://127.0.0.1:${adapter.address()!.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await slack?.close();
    db?.cleanup();
  });

  it('/compare 提案 → getUploadURLExternal, the upload POST and completeUploadExternal carry a real PNG', async () => {
    const res = await signedPost(events, slashCommandBody('/compare', '提案', slack.responseUrl('chart')));
    expect(res.status).toBe(200);
    await slack.waitFor(() => slack.calls('files.completeUploadExternal').length >= 1);

    const [announce] = slack.calls('files.getUploadURLExternal');
    expect(announce!.params.filename).toBe('chart.png');
    const [upload] = slack.uploads();
    expect(upload!.filename).toBe('chart.png');
    expect(Number(announce!.params.length)).toBe(upload!.content.length);
    const png = upload!.content;
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const image = PNG.sync.read(png);
    expect(image.width).toBe(CHART_WIDTH);
    expect(image.height).toBeGreaterThan(100);

    const complete = slack.calls('files.completeUploadExternal')[0]!;
    expect(complete.params.channel_id).toBe('C0CHANNEL1');
    const completed = JSON.parse(complete.params.files ?? '[]') as { id: string; title?: string }[];
    expect(completed.map((f) => f.id)).toEqual([upload!.fileId]);
    expect(completed[0]!.title).toBeTruthy();
  });

  it('/compare 提案 csv → a .csv upload starting with the UTF-8 BOM and naming 资阳市', async () => {
    const before = slack.uploads().length;
    const res = await signedPost(events, slashCommandBody('/compare', '提案 csv', slack.responseUrl('csv')));
    expect(res.status).toBe(200);
    await slack.waitFor(() =>
      slack
        .uploads()
        .slice(before)
        .some((u) => u.filename.endsWith('.csv')),
    );
    const csv = slack
      .uploads()
      .slice(before)
      .find((u) => u.filename.endsWith('.csv'))!;
    expect(csv.content.subarray(0, 3).equals(UTF8_BOM)).toBe(true);
    const text = csv.content.subarray(3).toString('utf8');
    expect(text).toContain('资阳市');
    expect(text).toContain('196');
    await slack.waitFor(() =>
      slack
        .calls('files.completeUploadExternal')
        .some((c) => (JSON.parse(c.params.files ?? '[]') as { id: string }[]).some((f) => f.id === csv.fileId)),
    );
  });
});
