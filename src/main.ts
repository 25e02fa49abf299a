import { createApp } from './app/create-app.js';
import { environment, loadConfig } from './config.js';

/** `npm start`: the app from the environment (and `.env`), stopped cleanly on SIGTERM/SIGINT or end of input. */
async function main(): Promise<void> {
  const config = loadConfig(environment());
  const dbArg = process.argv.indexOf('--db');
  const dbPath = dbArg > 0 ? process.argv[dbArg + 1] : undefined;
  const app = createApp(config, dbPath ? { dbPath } : {});
  const exit = (signal: NodeJS.Signals) => {
    app.logger.info({ signal }, 'stopping');
    void app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', exit);
  process.once('SIGTERM', exit);
  await app.start();
  await app.done;
  await app.stop();
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
