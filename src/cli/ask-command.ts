import { saveReplyFiles, type SaveChartOptions } from '../charts/save-chart.js';
import type { DigestDb } from '../db/open.js';
import { createDigestService, type DigestServiceOptions } from '../service/create-digest-service.js';
import { renderPlain } from '../service/reply/plain-renderer.js';

/** `digest ask "<command>" [--chat ID] [--json]`: one command through the service and the plain renderer; charts and CSV go to `data/charts/`. */
export async function runAsk(
  db: DigestDb,
  line: string,
  chatId: string,
  json: boolean,
  out: NodeJS.WritableStream = process.stdout,
  files: SaveChartOptions = {},
  /** DIGEST_CRON and DIGEST_TZ: the default delivery time /subscribe, /subscriptions and /schedule show; `now`: the clock (README examples pin it). */
  schedule: Pick<DigestServiceOptions, 'cron' | 'timezone' | 'now'> = {},
): Promise<number> {
  const service = createDigestService({ db, ...schedule });
  const reply = service.handle(line, { platform: 'console', chatId });
  if (json) out.write(JSON.stringify(reply, null, 2) + '\n');
  else out.write([renderPlain(reply), ...(await saveReplyFiles(reply, files))].join('\n') + '\n');
  return reply.kind === 'error' ? 1 : 0;
}
