import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotEnv } from 'dotenv';
import cron from 'node-cron';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { parseAllowList } from './ingest/fetch/ssrf-guard.js';

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const optional = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

const schema = z.object({
  DIGEST_DB: optional,
  DIGEST_SEEDS: optional,
  DIGEST_CRON: z
    .string()
    .default('0 9 * * 1')
    .refine((v) => cron.validate(v), { message: 'not a cron expression (e.g. "0 9 * * 1": Mondays 09:00)' }),
  DIGEST_TZ: z.string().default('Asia/Shanghai').refine(isTimeZone, { message: 'unknown IANA time zone (e.g. Asia/Shanghai)' }),
  DIGEST_EMPTY: z.enum(['skip', 'highlight']).default('skip'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: z.string().url().default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_URL: z.string().url().optional(),
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  TELEGRAM_ADMIN_IDS: z
    .string()
    .default('')
    .transform((v) => v.split(/[,\s]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^-?\d+$/, 'must be numeric Telegram user ids'))),
  SLACK_BOT_TOKEN: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_API_URL: z.string().url().optional(),
  SLACK_ADMIN_USERS: z
    .string()
    .default('')
    .transform((v) => v.split(/[,\s]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be Slack member ids (U…/W…, e.g. U012AB3CD)'))),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DIGEST_FETCH_ALLOW: optional.refine(
    (v) => {
      try {
        parseAllowList(v ?? '');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'must be comma-separated IP addresses or CIDR ranges (127.0.0.1/8,10.0.0.0/8)' },
  ),
});

/** Validated configuration: the only place that reads `process.env`. */
export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof schema>, cwd: string) {
  return {
    dbPath: resolve(cwd, env.DIGEST_DB ?? 'data/digest.db'),
    seedsDir: resolve(cwd, env.DIGEST_SEEDS ?? 'seeds'),
    chartsDir: resolve(cwd, 'data/charts'),
    cron: env.DIGEST_CRON,
    timezone: env.DIGEST_TZ,
    emptyDigest: env.DIGEST_EMPTY,
    logLevel: env.LOG_LEVEL,
    /** Private ranges URL ingest may reach (SSRF allow-list); null: public addresses only. */
    fetchAllow: env.DIGEST_FETCH_ALLOW ? parseAllowList(env.DIGEST_FETCH_ALLOW) : null,
    telegram: env.TELEGRAM_BOT_TOKEN
      ? {
          token: env.TELEGRAM_BOT_TOKEN,
          apiRoot: env.TELEGRAM_API_ROOT,
          webhookUrl: env.TELEGRAM_WEBHOOK_URL ?? null,
          webhookSecret: env.TELEGRAM_WEBHOOK_SECRET ?? null,
          // Slack's HTTP mode listens on PORT too; a separate port lets both run in one process.
          port: env.TELEGRAM_WEBHOOK_PORT ?? env.PORT,
          adminIds: env.TELEGRAM_ADMIN_IDS,
        }
      : null,
    slack:
      env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET)
        ? {
            botToken: env.SLACK_BOT_TOKEN,
            appToken: env.SLACK_APP_TOKEN ?? null,
            signingSecret: env.SLACK_SIGNING_SECRET ?? null,
            apiUrl: env.SLACK_API_URL ?? null,
            port: env.PORT,
            /** Member ids allowed to share report files with the bot and run `/digest ingest <url>`. */
            adminUsers: env.SLACK_ADMIN_USERS,
          }
        : null,
  };
}

/**
 * The environment with `.env` (in `cwd`, if there is one) beneath it: variables already set win, as with
 * dotenv. Values are not interpreted here; `loadConfig` treats empty ones as unset.
 */
export function environment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): NodeJS.ProcessEnv {
  const file = resolve(cwd, '.env');
  if (!existsSync(file)) return env;
  return { ...parseDotEnv(readFileSync(file)), ...env };
}

/**
 * Reads and validates configuration: empty values count as unset (so a copied `.env.example` works), and
 * every problem is reported at once, each with its variable's name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(set);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? 'environment'), message: issue.message }));
  if (set.SLACK_BOT_TOKEN && !set.SLACK_APP_TOKEN && !set.SLACK_SIGNING_SECRET) {
    problems.push({
      variable: 'SLACK_APP_TOKEN',
      message: 'SLACK_BOT_TOKEN is set: also set SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)',
    });
  }
  if (problems.length || !parsed.success) throw ConfigError.all(problems);
  return toConfig(parsed.data, cwd);
}
