/** Broken, hostile and unsupported PDF/DOCX inputs are refused with a Chinese reason; the batch goes on. */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipRefusal } from '../../../src/ingest/decode/zip-guard.js';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { makePdf } from '../../helpers/make-documents.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';

/** A zip whose entries are stored with deflate; `claimed` overrides the sizes written in the directory. */
function makeZip(entries: { name: string; data: Buffer; claimed?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.claimed ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

/** A one-page PDF that only draws a filled rectangle: what a scan looks like to a text extractor. */
async function scannedPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < 2; i++)
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600, color: rgb(0.8, 0.8, 0.8) });
  return pdf.save();
}

/** A PDF whose trailer names a standard security handler with a password we do not know. */
function encryptedPdf(): Buffer {
  const hex = 'a1'.repeat(32);
  const objects = [
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    `4 0 obj << /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${'b2'.repeat(32)}> /P -4 >> endobj`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(body.length);
    body += `${o}\n`;
  }
  const xref = body.length;
  body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer << /Size 5 /Root 1 0 R /Encrypt 4 0 R /ID [<${'c3'.repeat(16)}> <${'c3'.repeat(16)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('hostile documents', () => {
  let dir: string;
  let t: ReturnType<typeof tempDb>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'digest-hostile-'));
    t = tempDb();
  });
  afterAll(() => {
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses each bad file with its reason and still ingests the good one of the batch', async () => {
    const good = join(dir, 'good.pdf');
    writeFileSync(good, await makePdf(await readFile(join(SEEDS_DIR, '004_580fe89a2b738e05.txt'), 'utf8')));
    writeFileSync(join(dir, 'scan.pdf'), await scannedPdf());
    writeFileSync(join(dir, 'locked.pdf'), encryptedPdf());
    writeFileSync(
      join(dir, 'garbage.pdf'),
      Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog trailer xref 9999999 startxref 123456789\n'),
    );
    // 100 MB, sparse: the size cap must refuse it from its size alone.
    writeFileSync(join(dir, 'huge.pdf'), '%PDF-1.4\n');
    truncateSync(join(dir, 'huge.pdf'), 100 * 1024 * 1024);
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'bomb.docx'), makeZip([{ name: 'word/document.xml', data: Buffer.alloc(30 * 1024 * 1024) }]));
    writeFileSync(join(dir, 'notzip.docx'), Buffer.from('这不是 Word 文件'));

    const summary = await ingestPaths(t.db, [dir]);
    expect(summary.ingested).toBe(1);
    const reasons = new Map(summary.skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect(reasons.get('scan.pdf')).toContain('扫描件，没有文字层');
    expect(reasons.get('locked.pdf')).toContain('已加密');
    expect(reasons.get('garbage.pdf')).toMatch(/PDF/);
    expect(reasons.get('huge.pdf')).toContain('文件过大');
    expect(reasons.get('old.doc')).toContain('另存为');
    expect(reasons.get('bomb.docx')).toContain('压缩炸弹');
    expect(reasons.get('notzip.docx')).toContain('不是有效的 .docx');
    expect(summary.skipped).toHaveLength(7);
  }, 30_000);

  it('refuses a zip whose directory claims more than the cap, and accepts an ordinary one', () => {
    const claimed = makeZip([{ name: 'word/document.xml', data: Buffer.from('x'.repeat(1000)), claimed: 0xfffffff0 }]);
    expect(zipRefusal(claimed)).toMatch(/压缩炸弹|ZIP64/);
    expect(zipRefusal(makeZip([{ name: 'a.xml', data: Buffer.from('<a/>') }]))).toBeNull();
  });
});
