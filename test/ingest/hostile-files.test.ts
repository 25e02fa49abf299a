import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/errors.js';
import { decodeInput } from '../../src/ingest/decode.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { skipReason } from '../../src/ingest/skip-reason.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const SEED = join(SEEDS_DIR, '003_39406531928dc60d.txt');
const seed = readFileSync(SEED, 'utf8');
const LATIN = /[A-Za-z]{3,}/;

describe('hostile and odd input files', () => {
  let t: ReturnType<typeof tempDb> | null = null;
  afterEach(() => {
    t?.cleanup();
    t = null;
  });

  it('UTF-8 with four invalid bytes stays UTF-8, with U+FFFD and a note, never GB18030 mojibake', () => {
    const bytes = Buffer.from(seed, 'utf8');
    const broken = Buffer.concat([bytes.subarray(0, 300), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), bytes.subarray(300)]);
    const d = decodeInput('a.txt', broken);
    expect(d.encoding).toMatch(/^utf-8/);
    expect(d.encoding).toContain('U+FFFD');
    expect(d.text).toContain(seed.slice(0, 40));
    expect(d.text).toContain(seed.slice(-40));
    expect([...d.text].filter((c) => c === '\ufffd').length).toBeGreaterThanOrEqual(3);
    expect(d.text).not.toContain('宸');
  });

  it('plain text saved as .html is read as text', () => {
    const d = decodeInput('report.html', Buffer.from(seed, 'utf8'));
    expect(d.text.replace(/\s/g, '')).toContain(seed.slice(0, 30).replace(/\s/g, ''));
  });

  it('1,000 and 5,000 nested divs are refused with a Chinese reason, quickly', () => {
    for (const n of [1000, 5000]) {
      const html = `<!doctype html><html><body>${'<div>'.repeat(n)}政协工作报告${'</div>'.repeat(n)}</body></html>`;
      let error: unknown = null;
      try {
        decodeInput('deep.html', Buffer.from(html));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(IngestError);
      expect((error as IngestError).reason).toContain('嵌套过深');
    }
  });

  it('an ordinary page with many unclosed <p> and <li> is not taken for deep nesting', () => {
    const paras = seed
      .split('\n')
      .filter(Boolean)
      .map((l) => `<p>${l}`)
      .join('\n');
    const items = Array.from({ length: 400 }, (_, i) => `<li>第${i}项`).join('');
    const html = `<!doctype html><html><head><title>报告</title></head><body>${paras}<ul>${items}</ul></body></html>`;
    expect(decodeInput('page.html', Buffer.from(html)).text).toContain(seed.split('\n').find(Boolean)!.trim().slice(0, 10));
  });

  it('skip reasons are Chinese, also for file-system and stack errors', () => {
    const eacces = Object.assign(new Error("EACCES: permission denied, open '/x.txt'"), { code: 'EACCES' });
    const stack = new RangeError('Maximum call stack size exceeded');
    for (const e of [eacces, stack, new Error('Cannot destructure property firstElementChild'), 'weird']) {
      const reason = skipReason(e);
      expect(reason).toMatch(/[\u4e00-\u9fff]/);
      expect(reason).not.toMatch(LATIN);
    }
  });

  it('follows symlinks to files and folders (guarding loops), lists hidden files and FIFOs as skipped', async () => {
    t = tempDb();
    const dir = join(t.dir, 'in');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    const outside = join(t.dir, 'outside');
    mkdirSync(outside);
    copyFileSync(SEED, join(outside, 'good.txt'));
    symlinkSync(join(outside, 'good.txt'), join(dir, 'link.txt'));
    symlinkSync(dir, join(dir, 'sub', 'loop')); // a folder link back up: walked once
    symlinkSync(join(t.dir, 'missing.txt'), join(dir, 'broken.txt'));
    writeFileSync(join(dir, '.hidden.txt'), seed);
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const summary = await ingestPaths(t.db, [dir]);
    expect(summary.ingested).toBe(1);
    const reasons = new Map(summary.skipped.map((s) => [s.file.slice(dir.length + 1), s.reason]));
    expect([...reasons.keys()].sort()).toEqual(['.hidden.txt', 'broken.txt', 'pipe.txt']);
    for (const reason of reasons.values()) {
      expect(reason).toMatch(/[\u4e00-\u9fff]/);
      expect(reason).not.toMatch(LATIN);
    }
    expect(reasons.get('pipe.txt')).toContain('管道');
  });
});
