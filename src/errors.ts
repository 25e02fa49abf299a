/** Errors with meaning: every error the bot shows a user carries a stable `code`. */

/** Stable codes; adapters map them to chat replies. */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'AMBIGUOUS_REGION'
  | 'BAD_INPUT'
  | 'INGEST_FAILED'
  | 'CONFIG'
  | 'DELIVERY_PERMANENT'
  | 'DELIVERY_TEMPORARY'
  /** Anything that is not a DigestError (a bug, SQLite failing): logged with its stack, answered generically. */
  | 'INTERNAL';

/** Base error of the project. */
export class DigestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A region, report or metric that is not in the store; `suggestions` are near names. */
export class NotFoundError extends DigestError {
  constructor(
    message: string,
    readonly suggestions: string[] = [],
  ) {
    super('NOT_FOUND', message);
  }
}

/** A region name that matches several places (安宁市 / 安宁区). */
export class AmbiguousRegionError extends DigestError {
  constructor(
    readonly query: string,
    readonly choices: { name: string; province: string | null; code: string }[],
  ) {
    super('AMBIGUOUS_REGION', `“${query}”对应多个地区`);
  }
}

/** User input that cannot be understood. */
export class BadInputError extends DigestError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

/** A file that cannot be ingested; `reason` is shown to the user. */
export class IngestError extends DigestError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super('INGEST_FAILED', `${file}: ${reason}`);
  }
}

/** One configuration problem: the variable and what is wrong with it. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

/** A missing or invalid environment variable, or several (`problems`, one line each in the message). */
export class ConfigError extends DigestError {
  readonly problems: ConfigProblem[];
  constructor(
    readonly variable: string,
    message: string,
    problems?: ConfigProblem[],
  ) {
    super('CONFIG', problems?.length ? problems.map((p) => `${p.variable}: ${p.message}`).join('\n') : `${variable}: ${message}`);
    this.problems = problems?.length ? problems : [{ variable, message }];
  }

  /** One error reporting every problem at once. */
  static all(problems: ConfigProblem[]): ConfigError {
    const first = problems[0] ?? { variable: 'environment', message: 'invalid' };
    return new ConfigError(first.variable, first.message, problems);
  }
}

/** A push that will never succeed (blocked bot, channel gone): deactivate the subscription. */
export class PermanentDeliveryError extends DigestError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('DELIVERY_PERMANENT', message, options);
  }
}

/** A push that may succeed later (rate limit, network); `retryAfterMs` when the platform said so. */
export class TemporaryDeliveryError extends DigestError {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super('DELIVERY_TEMPORARY', message, options);
  }
}

/** Why a legacy Word file is refused (said before download by adapters and at decode time by the ingest). */
export const DOC_REFUSAL = '不支持旧版 Word(.doc)格式,请在 Word/WPS 中“另存为” .docx 后再导入';
