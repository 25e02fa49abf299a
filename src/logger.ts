import pino, { type Logger } from 'pino';

/** The process logger: JSON lines on stderr, so stdout stays the console chat's. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
