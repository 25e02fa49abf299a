import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` as a process manager runs it: a child in its own process group, signals sent to npm's pid.
const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A scratch checkout: the repo's code linked in, its own data/ and .env. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'digest-start-'));
  dirs.push(dir);
  for (const f of ['src', 'adapters', 'node_modules', 'seeds', 'package.json', 'tsconfig.json'])
    symlinkSync(join(ROOT, f), join(dir, f));
  return dir;
}

/** The environment without any of this project's variables, so only the test's (or .env's) count. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(DIGEST_|TELEGRAM_|SLACK_|LOG_LEVEL$|PORT$)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

function npmStart(cwd: string, env: NodeJS.ProcessEnv) {
  const child = spawn('npm', ['start', '--silent'], { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, out: () => out, err: () => err };
}

async function until(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True while any process of the group still exists. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start under a process manager', () => {
  it('stops on SIGTERM: no process of it left, SQLite closed cleanly (no -wal left, integrity ok)', async () => {
    const dir = scratch();
    const db = join(dir, 'bot.db');
    const run = npmStart(dir, cleanEnv({ DIGEST_DB: db }));
    run.child.stdin!.write('/help\n');
    await until(() => run.out().includes('/report 资阳 2022'), 'the help answer');
    process.kill(run.child.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
    await until(() => !groupAlive(run.child), 'every process of the group to end', 10_000);
    expect(existsSync(`${db}-wal`)).toBe(false);
    const reopened = new Database(db, { readonly: true });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((reopened.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(5);
    reopened.close();
  }, 90_000);

  it('cp .env.example .env && npm start answers /help on stdin (empty values count as unset)', async () => {
    const dir = scratch();
    copyFileSync(join(ROOT, '.env.example'), join(dir, '.env'));
    const run = npmStart(dir, cleanEnv());
    run.child.stdin!.end('/help\n');
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('政协工作报告摘要机器人');
    expect(run.out()).toContain('/sections 1');
    expect(existsSync(join(dir, 'data/digest.db'))).toBe(true); // DIGEST_DB from .env, relative to the start folder
    expect(run.err()).not.toContain('catching up');
  }, 90_000);

  it('a failed start exits non-zero, naming every bad variable at once, and leaves nothing running', async () => {
    const dir = scratch();
    const run = npmStart(dir, cleanEnv({ DIGEST_CRON: 'bogus', DIGEST_TZ: 'Mars/Olympus', PORT: 'eighty' }));
    run.child.stdin!.end();
    expect(await run.exited).not.toBe(0);
    for (const v of ['DIGEST_CRON', 'DIGEST_TZ', 'PORT']) expect(run.err()).toContain(v);
    await until(() => !groupAlive(run.child), 'every process of the group to end', 10_000);
  }, 90_000);
});
