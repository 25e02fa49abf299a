import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { childEnv, REPO_ROOT } from './child-process.js';
import { coldStartTimeout } from './timeouts.js';

/**
 * One cold start: `node --import tsx src/main.ts` on an ingested database, `line` piped to stdin; the time
 * until the first answer is on stdout. Resolves once the child has exited, so runs never overlap.
 */
export function coldStartOnce(dbPath: string, seedsDir: string, line: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'src/main.ts')], {
      cwd: REPO_ROOT,
      env: childEnv({ DIGEST_DB: dbPath, DIGEST_SEEDS: seedsDir }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let answeredMs: number | null = null;
    const timer = setTimeout(() => child.kill('SIGKILL'), coldStartTimeout);
    child.stdin.write(line + '\n');
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      // The plain renderer writes headings as 【…】; log lines never start that way.
      if (answeredMs === null && /^【/m.test(out)) {
        answeredMs = performance.now() - started;
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (answeredMs !== null) resolve(answeredMs);
      else reject(new Error(`src/main.ts ended (${code ?? signal}) without an answer: ${out.slice(-400)}`));
    });
  });
}
