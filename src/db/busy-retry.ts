/** Attempts of a write that met SQLITE_BUSY beyond the busy timeout. */
const ATTEMPTS = 5;

/** True for an error raised by SQLite (better-sqlite3's SqliteError): the file was fine, the database was not. */
export function isDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (error as { name?: unknown } | null)?.name === 'SqliteError' || (typeof code === 'string' && code.startsWith('SQLITE_'));
}

/** True for SQLITE_BUSY / SQLITE_LOCKED: another connection held the lock past the busy timeout. */
export function isBusy(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return isDatabaseError(error) && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs a write (an immediate transaction) and retries it when the database stayed busy past the busy timeout,
 * waiting 200 ms, 400 ms, … between attempts; other errors, and the last busy one, are rethrown.
 */
export async function withBusyRetry<T>(write: () => T, attempts = ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** (attempt - 1)));
    }
  }
}
