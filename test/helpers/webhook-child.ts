// A Telegram bot in webhook mode in a child process, for kill -9 tests:
// `node --import tsx webhook-child.ts <db> <apiRoot> <token> <secret>`; prints `PORT <n>` once it listens.
// Real grammY adapter, real SQLite update inbox, real digest service on the given database file.
import { createSqliteInbox } from '../../src/db/update-inbox.js';
import { createTelegramAdapter } from '../../adapters/telegram/create-telegram-adapter.js';
import { openDb } from '../../src/db/open.js';
import { createDigestService } from '../../src/service/create-digest-service.js';

const [dbPath, apiRoot, token, secret] = process.argv.slice(2) as [string, string, string, string];
const db = openDb(dbPath);
const adapter = createTelegramAdapter({
  token,
  apiRoot,
  service: createDigestService({ db }),
  inbox: createSqliteInbox(db),
  webhookUrl: 'https://bot.example.org/tg/hook',
  webhookSecret: secret,
  port: 0,
  host: '127.0.0.1',
  retry: { maxRetryAttempts: 0 },
});
await adapter.start();
process.stdout.write(`PORT ${adapter.webhookAddress()!.port}\n`);
