import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from './temp-db.js';

const DEV = new URL('../../../shared/dev-corpus/', import.meta.url).pathname;

/** The seed files and, where the shared dev corpus is checked out beside the repo, its reports; sorted. */
export function seedAndDevFiles(): string[] {
  return [
    ...readdirSync(SEEDS_DIR).map((f) => join(SEEDS_DIR, f)),
    ...(existsSync(DEV)
      ? readdirSync(DEV)
          .filter((f) => f.endsWith('.txt'))
          .map((f) => join(DEV, f))
      : []),
  ].sort();
}
