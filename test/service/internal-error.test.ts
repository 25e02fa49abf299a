import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { tempDb } from '../helpers/temp-db.js';

describe('errors that are not a DigestError', () => {
  it('a failing SQLite is logged with its stack and answered with the INTERNAL code', () => {
    const t = tempDb();
    let logged = '';
    const sink = new Writable({
      write(chunk, _enc, done) {
        logged += String(chunk);
        done();
      },
    });
    const service = createDigestService({ db: t.db, logger: pino({ level: 'error' }, sink) });
    t.db.$client.close();
    const reply = service.handle('/list', { platform: 'console', chatId: 'x' });
    expect(reply.errorCode).toBe('INTERNAL');
    const line = JSON.parse(logged.trim().split('\n')[0]!) as { msg: string; err: { stack: string } };
    expect(line.msg).toBe('command failed');
    expect(line.err.stack).toMatch(/at /);
    t.cleanup();
  });
});
