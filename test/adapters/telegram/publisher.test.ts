import { afterEach, describe, expect, it } from 'vitest';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../../src/errors.js';
import type { Reply } from '../../../src/service/reply/reply-model.js';
import { createTelegramAdapter } from '../../../adapters/telegram/create-telegram-adapter.js';
import { failures, TelegramStandIn } from '../../helpers/telegram-stand-in.js';
import { FakeService, longCompare, reportLike } from './fake-service.js';
import { startPair, type Pair } from './harness.js';

let pair: Pair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

const withChartAndCsv = (): Reply => ({
  ...reportLike('/trend 提案'),
  chart: { kind: 'line', title: '提案数量'.repeat(300), unit: '件', points: [{ label: '2022', value: 196 }], source: '资阳' },
  csv: { fileName: 'trend.csv', columns: ['年份', '件数'], rows: [[2022, 196]] },
});

describe('telegram publisher', () => {
  it('publishes a long reply as several valid messages', async () => {
    pair = await startPair(new FakeService());
    expect(pair.adapter.publisher.platform).toBe('telegram');
    await pair.adapter.publisher.publish('700', longCompare(300));
    const sent = pair.standIn.callsOf('sendMessage');
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.every((c) => c.ok && c.payload.chat_id === '700')).toBe(true);
  });

  it('a 403 (blocked) raises PermanentDeliveryError and does not deactivate by itself', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.failNext('sendMessage', failures.blocked());
    await expect(pair.adapter.publisher.publish('701', reportLike('x'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    pair.standIn.failNext('sendMessage', failures.chatNotFound());
    await expect(pair.adapter.publisher.publish('702', reportLike('x'))).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(service.deactivations).toEqual([]);
  });

  it('a 429 that auto-retry gives up on raises TemporaryDeliveryError with retryAfterMs', async () => {
    pair = await startPair(new FakeService(), { retry: { maxRetryAttempts: 3, maxDelaySeconds: 5 } });
    pair.standIn.failNext('sendMessage', failures.rateLimit(120));
    const err = await pair.adapter.publisher.publish('703', reportLike('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemporaryDeliveryError);
    expect((err as TemporaryDeliveryError).retryAfterMs).toBe(120_000);
    expect(pair.standIn.callsOf('sendMessage')).toHaveLength(1);
  });

  it('a network failure raises TemporaryDeliveryError', async () => {
    const standIn = await TelegramStandIn.start();
    const deadRoot = standIn.apiRoot;
    await standIn.close();
    // The publisher needs no started bot: the weekly job may push while polling runs elsewhere.
    const adapter = createTelegramAdapter({ token: standIn.token, apiRoot: deadRoot, service: new FakeService() });
    const err = await adapter.publisher.publish('704', reportLike('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TemporaryDeliveryError);
  });

  it('a migrated group is migrated in the service and the push resent to the new id', async () => {
    const service = new FakeService();
    pair = await startPair(service);
    pair.standIn.failNext('sendMessage', failures.migrated(-100705));
    await pair.adapter.publisher.publish('-705', reportLike('x'));
    expect(service.migrations).toEqual([['telegram', '-705', '-100705']]);
    expect(pair.standIn.okCallsOf('sendMessage')[0]!.payload.chat_id).toBe('-100705');
  });

  it('sends the chart as a photo (caption ≤ 1024) and the CSV as a document when hooks are given', async () => {
    const charts: string[] = [];
    pair = await startPair(new FakeService(), {
      renderChart: (chart) => {
        charts.push(chart.title);
        return Buffer.from('PNGDATA');
      },
      encodeCsv: (csv) => [csv.columns.join(','), ...Array.from(csv.rows, (r) => r.join(','))].join('\n'),
    });
    await pair.adapter.publisher.publish('706', withChartAndCsv());
    const [photo] = pair.standIn.okCallsOf('sendPhoto');
    expect(charts).toHaveLength(1);
    expect(photo!.files.photo).toBe(7);
    expect(String(photo!.payload.caption).length).toBeLessThanOrEqual(1024);
    const [doc] = pair.standIn.okCallsOf('sendDocument');
    expect(doc!.files.document).toBe(Buffer.byteLength('年份,件数\n2022,196'));
  });

  it('without hooks, chart and CSV are skipped and the text still goes out', async () => {
    pair = await startPair(new FakeService());
    await pair.adapter.publisher.publish('707', withChartAndCsv());
    expect(pair.standIn.okCallsOf('sendMessage')).toHaveLength(1);
    expect(pair.standIn.callsOf('sendPhoto')).toHaveLength(0);
    expect(pair.standIn.callsOf('sendDocument')).toHaveLength(0);
  });
});
