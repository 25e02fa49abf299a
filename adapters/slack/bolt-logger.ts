import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

/** Bolt and the WebClient log through the app's pino logger (one stream, one level). */
export function boltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (args: unknown[]) => args.map(show).join(' ');
  return {
    // Bolt logs whole payloads at debug: format only when the level is on.
    debug: (...args) => log.isLevelEnabled('debug') && log.debug(line(args)),
    info: (...args) => log.isLevelEnabled('info') && log.info(line(args)),
    warn: (...args) => log.warn(line(args)),
    error: (...args) => log.error(line(args)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    // Circular request objects: the type is all a log line needs.
    return Object.prototype.toString.call(value);
  }
}
