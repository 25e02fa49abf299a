import { createInterface } from 'node:readline';
import { CONSOLE_LIMITS, createConsolePublisher } from '../../src/service/console-publisher.js';
import type { DigestService, PlatformAdapter, Publisher } from '../../src/service/ports.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import type { Reply } from '../../src/service/reply/reply-model.js';

/** Options of the console chat. */
export interface ConsoleAdapterOptions {
  service: DigestService;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Chat id the console user has (subscriptions made here are `console:<id>`). */
  chatId?: string;
  /** Writes a reply's chart PNG / CSV and returns the lines to print (`图表: …`, `CSV: …`). */
  saveFiles?: (reply: Reply) => string[] | Promise<string[]>;
}

/** A console chat on stdin/stdout: a prompt with history on a terminal, one answer per line otherwise. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): PlatformAdapter & { readonly done: Promise<void> } {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const chat = { platform: 'console', chatId: options.chatId ?? 'local', direct: true };
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  let rl: ReturnType<typeof createInterface> | null = null;
  let closed: Promise<void> = Promise.resolve();

  const render = async (reply: Reply): Promise<string> =>
    [renderPlain(reply), ...((await options.saveFiles?.(reply)) ?? [])].join('\n');

  const publisher: Publisher = createConsolePublisher(output, (reply) => options.saveFiles?.(reply) ?? []);

  return {
    publisher,
    limits: CONSOLE_LIMITS,
    /** Starts reading; resolves when the chat is ready. `done` resolves at end of input. */
    async start(): Promise<void> {
      rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 200 });
      if (interactive) {
        output.write('政协工作报告摘要机器人 · 输入 /help 查看命令,Ctrl+D 退出\n');
        rl.setPrompt('> ');
        rl.prompt();
      }
      closed = new Promise((resolve) => {
        // Lines are answered one after another: chart files are written asynchronously, and answers keep input order.
        let queue: Promise<void> = Promise.resolve();
        rl!.on('line', (line) => {
          queue = queue.then(async () => {
            if (line.trim()) output.write(`${await render(options.service.handle(line, chat))}\n\n`);
            if (interactive) rl!.prompt();
          });
        });
        rl!.on('close', () => void queue.then(() => resolve()));
      });
    },
    /** Resolves when the input ends (piped input) or the user closes the chat. */
    get done(): Promise<void> {
      return closed;
    },
    async stop(): Promise<void> {
      rl?.close();
    },
  };
}
