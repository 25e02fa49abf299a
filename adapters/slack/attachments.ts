import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChartData, CsvData, Reply } from '../../src/service/reply/reply-model.js';

/** Optional file renderers; the adapter uploads what they produce and otherwise sends the text answer only. */
export interface AttachmentRenderers {
  /** Renders a chart as PNG. */
  renderChart?: (chart: ChartData) => Buffer | Promise<Buffer>;
  /** Encodes a CSV export (bytes or text). */
  encodeCsv?: (csv: CsvData) => Buffer | string | Promise<Buffer | string>;
}

/**
 * Uploads the reply's chart and CSV into the channel with files.uploadV2. Failures are logged, not thrown:
 * the text answer has already been delivered and must not be repeated because a file failed.
 */
export async function uploadAttachments(
  client: webApi.WebClient,
  channel: string,
  reply: Reply,
  renderers: AttachmentRenderers,
  log: Logger,
  threadTs?: string,
): Promise<number> {
  const files: { file: Buffer; filename: string; title: string }[] = [];
  try {
    if (reply.chart && renderers.renderChart) {
      files.push({ file: await renderers.renderChart(reply.chart), filename: 'chart.png', title: reply.chart.title });
    }
    if (reply.csv && renderers.encodeCsv) {
      const data = await renderers.encodeCsv(reply.csv);
      files.push({
        file: typeof data === 'string' ? Buffer.from(data, 'utf8') : data,
        filename: reply.csv.fileName,
        title: reply.csv.fileName,
      });
    }
  } catch (error) {
    log.warn({ err: error }, 'slack: rendering an attachment failed');
  }
  let sent = 0;
  for (const f of files) {
    try {
      await client.files.uploadV2(threadTs ? { channel_id: channel, thread_ts: threadTs, ...f } : { channel_id: channel, ...f });
      sent++;
    } catch (error) {
      log.warn({ err: error, channel, file: f.filename }, 'slack: file upload failed');
    }
  }
  return sent;
}
