/** pino `redact` paths for fields that hold secrets (grammY's `api.token`, Bolt's tokens, auth headers). */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'api.token',
  '*.api.token',
  'err.api.token',
  'ctx.api.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'secret',
  '*.secret',
  'secret_token',
  '*.secret_token',
  'webhookSecret',
  '*.webhookSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

/** What a redacted secret is replaced with. */
export const REDACTED = '[redacted]';

/**
 * Secrets that show up inside strings (error messages, URLs, stack traces), where no redaction path reaches:
 * Telegram bot tokens (`bot123456:ABC…` in API URLs, or bare), Slack tokens (`xoxb-…`, `xapp-…`).
 */
const PATTERNS: RegExp[] = [/(?<!\d)\d{5,}:[A-Za-z0-9_-]{8,}/g, /\bxox[abposr]-[A-Za-z0-9-]+/g, /\bxapp-[A-Za-z0-9-]+/g];

/** Removes known token shapes and the given literal secrets from a log line. */
export function scrubSecrets(line: string, secrets: readonly string[] = []): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < 6) continue;
    out = out.split(secret).join(REDACTED);
    // The same secret as it appears inside a JSON string (quotes or backslashes escaped).
    const json = JSON.stringify(secret).slice(1, -1);
    if (json !== secret) out = out.split(json).join(REDACTED);
  }
  for (const pattern of PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}
