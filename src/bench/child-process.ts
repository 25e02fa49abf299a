import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measureTimeout } from './timeouts.js';

/** The repository root (where `src/main.ts` lives). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Environment for children: no chat tokens, so `src/main.ts` starts the console chat. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(TELEGRAM_|SLACK_|DIGEST_)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Runs `node --import tsx <script> …args` and returns its stdout; rejects on a non-zero exit. */
export function runTsx(script: string, args: string[], timeoutMs = measureTimeout): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env: childEnv({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${script} exited with ${code ?? signal}: ${err.slice(-800)}`));
    });
  });
}
