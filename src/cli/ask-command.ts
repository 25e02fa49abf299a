import type { DigestDb } from '../db/open.js';
import { createDigestService } from '../service/create-digest-service.js';
import { renderPlain } from '../service/reply/plain-renderer.js';

/** `digest ask "<command>" [--chat ID] [--json]`: one command through the service and the plain renderer. */
export function runAsk(db: DigestDb, line: string, chatId: string, json: boolean, out: NodeJS.WritableStream = process.stdout): number {
  const service = createDigestService({ db });
  const reply = service.handle(line, { platform: 'console', chatId });
  out.write((json ? JSON.stringify(reply, null, 2) : renderPlain(reply)) + '\n');
  return reply.kind === 'error' ? 1 : 0;
}
