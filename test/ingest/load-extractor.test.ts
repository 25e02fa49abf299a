import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExtractor } from '../../src/ingest/load-extractor.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'digest-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Modules only extraction needs: none of them may load while a stored corpus is only served. */
const EXTRACTION_ONLY = [
  /\/node_modules\/linkedom\//,
  /\/node_modules\/mammoth\//,
  /\/node_modules\/@node-rs\/jieba\//,
  /\/src\/ingest\/extract\.ts$/,
];

/** Runs a child that serves a fresh database, marks the trace, then ingests a seed; returns the modules it resolved before and after the mark. */
function traceChild(): { served: string[]; ingested: string[] } {
  const trace = join(dir, 'trace.txt');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(${JSON.stringify(trace)}, r.url + '\\n');
  return r;
}`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const child = join(dir, 'child.mts');
  const src = (p: string) => JSON.stringify(pathToFileURL(join(ROOT, p)).href);
  writeFileSync(
    child,
    `import { appendFileSync } from 'node:fs';
import { openDb, closeDb } from ${src('src/db/open.ts')};
import { createDigestService } from ${src('src/service/create-digest-service.ts')};
import { ingestPaths } from ${src('src/ingest/ingest-batch.ts')};
const db = openDb(${JSON.stringify(join(dir, 'lazy.db'))});
const service = createDigestService({ db });
for (const line of ['/list', '/search 提案', '/compare 提案', '/help']) service.handle(line, { platform: 'console', chatId: 'c' });
appendFileSync(${JSON.stringify(trace)}, 'SERVED\\n');
const summary = await ingestPaths(db, [${JSON.stringify(join(ROOT, 'seeds', '000_c9300030d36acea5.txt'))}]);
appendFileSync(${JSON.stringify(trace)}, 'INGESTED ' + summary.ingested + '\\n');
closeDb(db);
`,
  );
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(register).href, child], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const lines = readFileSync(trace, 'utf8').split('\n');
  const mark = lines.indexOf('SERVED');
  expect(mark).toBeGreaterThan(0);
  expect(lines).toContain('INGESTED 1');
  return { served: lines.slice(0, mark), ingested: lines.slice(mark) };
}

describe('loadExtractor', () => {
  it('loads the pipeline once and hands out the same entry points', async () => {
    const [a, b] = await Promise.all([loadExtractor(), loadExtractor()]);
    expect(a).toBe(b);
    expect(typeof a.extractFile).toBe('function');
    expect(typeof a.extractUrl).toBe('function');
  });

  it('keeps the extraction modules out of a process that only serves, and loads them for the first ingest', () => {
    const { served, ingested } = traceChild();
    for (const pattern of EXTRACTION_ONLY) {
      expect(served.filter((url) => pattern.test(url))).toEqual([]);
      expect(ingested.some((url) => pattern.test(url))).toBe(true);
    }
  }, 90_000);
});
