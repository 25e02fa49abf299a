import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACT_PATHS, REDACTED, scrubSecrets } from './log-redact.js';

/** Where log lines go and which configured secrets must never appear in them. */
export interface LoggerOptions {
  /** Default: stderr, so stdout stays the console chat's. */
  destination?: DestinationStream;
  /** Literal secrets (tokens, signing and webhook secrets) scrubbed from every line, whatever field holds them. */
  secrets?: readonly string[];
}

/**
 * The process logger: JSON lines on stderr. No secret reaches a line: secret fields are redacted by path, and
 * the finished line is scrubbed of token shapes and configured secrets, since tokens also hide in error
 * messages and request URLs (`…/bot<token>/getUpdates`) that no path can name.
 */
export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const secrets = [...(options.secrets ?? [])].filter(Boolean);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    options.destination ?? pino.destination(2),
  );
}
