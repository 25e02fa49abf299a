import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { closeDb, type DigestDb, openDb } from '../db/open.js';
import { ingestPaths } from '../ingest/ingest-batch.js';
import { runAsk } from './ask-command.js';
import type { ExampleCorpus } from './readme-blocks.js';

/** Runs README example commands on temporary databases, one per corpus, built on first use and shared. */
export interface ExampleRunner {
  /** False when the corpus's files are not checked out (the dev corpus lives beside the repo, in ../shared). */
  available(corpus: ExampleCorpus): boolean;
  /** Builds the corpus's database now (a test builds it in its setup, not in its first example). */
  ready(corpus: ExampleCorpus): Promise<void>;
  /** The output lines `digest ask "<line>" [--chat ID]` prints on that corpus, with varying paths normalized. */
  ask(corpus: ExampleCorpus, line: string, chat: string | null, now: Date | null): Promise<string[]>;
  /** Closes the databases and deletes their folder. */
  close(): Promise<void>;
}

/** `digest ask` without --chat. */
const CLI_CHAT = 'cli';

/** The folders each corpus ingests, in the README's order (`digest ingest seeds ../shared/dev-corpus`: ids follow it). */
function corpusFolders(root: string, corpus: ExampleCorpus): string[] {
  const seeds = resolve(root, 'seeds');
  return corpus === 'seeds' ? [seeds] : [seeds, resolve(root, '../shared/dev-corpus')];
}

/** Chart and CSV files are named by a hash of their content, which changes with every figure: shown as <name>. */
function normalize(text: string, dir: string): string {
  return text.replaceAll(dir, '<tmp>').replace(/data\/charts\/[a-z]+-[0-9a-f]{8}\.(png|csv)/g, 'data/charts/<name>.$1');
}

/** Creates a runner whose databases live in one temp folder; `root` is the repo (seeds/ and ../shared). */
export function createExampleRunner(root: string): ExampleRunner {
  const dir = mkdtempSync(join(tmpdir(), 'digest-readme-'));
  const dbs = new Map<ExampleCorpus, Promise<DigestDb>>();
  const build = async (corpus: ExampleCorpus): Promise<DigestDb> => {
    const db = openDb(join(dir, `${corpus.replace('+', '-')}.db`));
    const summary = await ingestPaths(db, corpusFolders(root, corpus));
    if (summary.databaseErrors > 0) throw new Error(`README examples: ${summary.databaseErrors} files not stored`);
    return db;
  };
  const dbFor = (corpus: ExampleCorpus): Promise<DigestDb> => {
    let db = dbs.get(corpus);
    if (!db) dbs.set(corpus, (db = build(corpus)));
    return db;
  };
  return {
    available: (corpus) => corpusFolders(root, corpus).every((f) => existsSync(f)),
    ready: async (corpus) => {
      await dbFor(corpus);
    },
    async ask(corpus, line, chat, now) {
      const db = dbFor(corpus);
      let text = '';
      const out = new Writable({
        write(chunk, _encoding, done) {
          text += String(chunk);
          done();
        },
      });
      const clock = now ? { now: () => new Date(now) } : {};
      await runAsk(await db, line, chat ?? CLI_CHAT, false, out, { cwd: dir, dir: 'data/charts' }, clock);
      return normalize(text, dir).replace(/\n+$/, '').split('\n');
    },
    async close() {
      for (const db of dbs.values()) await db.then(closeDb, () => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
