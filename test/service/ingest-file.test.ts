import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const CHAT = { platform: 'telegram', chatId: '1' } as const;
const seed = (name: string) => readFileSync(join(SEEDS_DIR, name));
const uploadDirs = () =>
  readdirSync(tmpdir())
    .filter((d) => d.startsWith('digest-upload-'))
    .sort();

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup() {
  const t = tempDb();
  cleanups.push(t.cleanup);
  const service = createDigestService({ db: t.db });
  const rows = () =>
    t.db.$client
      .prepare(
        'SELECT f.path, r.source_file AS sourceFile FROM report_files f JOIN reports r ON r.id = f.report_id ORDER BY f.path',
      )
      .all() as { path: string; sourceFile: string }[];
  return { service, rows, count: () => (t.db.$client.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n };
}

describe('a file sent in a chat is ingested from its bytes (ingestFile)', () => {
  it('stores it under its own name, with no temp file, and answers with its digest; the same bytes again are known', async () => {
    const { service, rows } = setup();
    const before = uploadDirs();
    const reply = await service.ingestFile({ name: '资阳 2022.txt', bytes: seed('004_580fe89a2b738e05.txt') }, CHAT);
    const text = renderPlain(reply);
    expect(reply.kind).toBe('report');
    expect(text).toContain('已导入这份报告。');
    expect(text).toContain('资阳市');
    expect(text).toContain('来源: 资阳 2022.txt');
    expect(uploadDirs()).toEqual(before);
    const [row] = rows();
    expect(row!.sourceFile).toBe('资阳 2022.txt');
    expect(row!.path).toMatch(/^upload:[0-9a-f]+\/资阳 2022\.txt$/);

    const again = renderPlain(await service.ingestFile({ name: '资阳 2022.txt', bytes: seed('004_580fe89a2b738e05.txt') }, CHAT));
    expect(again).toContain('这份报告此前已导入,内容未变。');
    expect(rows()).toHaveLength(1);
  });

  it('keeps both reports when two different files arrive under the same name', async () => {
    const { service, rows, count } = setup();
    await service.ingestFile({ name: '工作报告.txt', bytes: seed('004_580fe89a2b738e05.txt') }, CHAT);
    const second = renderPlain(await service.ingestFile({ name: '工作报告.txt', bytes: seed('000_c9300030d36acea5.txt') }, CHAT));
    expect(second).toContain('已导入这份报告。');
    expect(count()).toBe(2);
    expect(rows().map((r) => r.sourceFile)).toEqual(['工作报告.txt', '工作报告.txt']);
  });

  it('refuses an empty, an unsupported and an unreadable file with a Chinese reason and stores nothing', async () => {
    const { service, count } = setup();
    const empty = renderPlain(await service.ingestFile({ name: 'r.txt', bytes: Buffer.alloc(0) }, CHAT));
    expect(empty).toContain('空文件');
    const pptx = renderPlain(await service.ingestFile({ name: 'r.pptx', bytes: Buffer.from('x') }, CHAT));
    expect(pptx).toContain('不支持的文件类型 .pptx');
    const junk = renderPlain(await service.ingestFile({ name: 'r.pdf', bytes: Buffer.from('not a pdf at all') }, CHAT));
    expect(junk).toMatch(/[\u4e00-\u9fff]/);
    expect(junk).not.toContain('已导入');
    expect(count()).toBe(0);
  });
});
