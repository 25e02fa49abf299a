import { afterEach, describe, expect, it } from 'vitest';
import { NOT_ADMIN_TEXT } from '../../../src/domain/upload.js';
import { IngestError } from '../../../src/errors.js';
import { documentMessage } from '../../helpers/telegram-updates.js';
import { FakeService } from './fake-service.js';
import { startPair, waitForCalls, type Pair } from './harness.js';

let pair: Pair | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

const ADMIN = 4242;
const REPORT = '资阳市政协2022年工作综述\n一年来,共立案并办结委员提案196件。';

describe('admin report uploads', () => {
  it("downloads an admin's .txt through getFile + the file URL and passes its bytes to ingestFile", async () => {
    const service = new FakeService();
    pair = await startPair(service, { adminIds: [String(ADMIN)] });
    pair.standIn.addFile('F1', REPORT, { path: 'documents/file_1.txt' });
    pair.standIn.push(documentMessage({ fileId: 'F1', fileName: '资阳 2022.txt' }, { userId: ADMIN }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(pair.standIn.okCallsOf('getFile')[0]!.payload.file_id).toBe('F1');
    expect(pair.standIn.downloads).toEqual(['documents/file_1.txt']);
    expect(service.uploads).toHaveLength(1);
    const upload = service.uploads[0]!;
    expect(upload.content).toBe(REPORT);
    expect(upload.name).toBe('资阳 2022.txt');
    expect(upload.chat).toEqual({ platform: 'telegram', chatId: String(ADMIN) });
    expect(sent!.payload.parse_mode).toBe('HTML');
    expect(sent!.payload.text).toContain('资阳市');
  });

  it('refuses a non-admin politely without downloading', async () => {
    const service = new FakeService();
    pair = await startPair(service, { adminIds: [ADMIN] });
    pair.standIn.addFile('F2', REPORT);
    pair.standIn.push(documentMessage({ fileId: 'F2', fileName: 'r.txt' }, { userId: 7 }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.text).toBe(NOT_ADMIN_TEXT);
    expect(pair.standIn.callsOf('getFile')).toHaveLength(0);
    expect(service.uploads).toHaveLength(0);
  });

  it('refuses a 6 MB file from its file_size, before any download', async () => {
    const service = new FakeService();
    pair = await startPair(service, { adminIds: [ADMIN] });
    pair.standIn.push(documentMessage({ fileId: 'F3', fileName: 'big.txt', fileSize: 6 * 1024 * 1024 }, { userId: ADMIN }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.text).toContain('文件过大(6.0 MB)');
    expect(pair.standIn.callsOf('getFile')).toHaveLength(0);
    expect(pair.standIn.downloads).toHaveLength(0);
  });

  it('refuses unsupported types and explains unreadable files', async () => {
    const service = new FakeService();
    service.ingestFile = async () => {
      throw new IngestError('x.html', '未能识别报告正文');
    };
    pair = await startPair(service, { adminIds: [ADMIN] });
    pair.standIn.push(documentMessage({ fileId: 'F4', fileName: 'r.pptx' }, { userId: ADMIN }));
    const [first] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(first!.payload.text).toContain('.pptx');
    pair.standIn.addFile('F5', '<html></html>', { path: 'documents/x.html' });
    pair.standIn.push(documentMessage({ fileId: 'F5', fileName: 'x.HTML' }, { userId: ADMIN }));
    const [, second] = await waitForCalls(pair.standIn, 'sendMessage', 2);
    expect(second!.payload.text).toContain('未能识别报告正文');
  });

  it('explains a failed download', async () => {
    pair = await startPair(new FakeService(), { adminIds: [ADMIN] });
    pair.standIn.push(documentMessage({ fileId: 'MISSING', fileName: 'r.txt' }, { userId: ADMIN }));
    const [sent] = await waitForCalls(pair.standIn, 'sendMessage');
    expect(sent!.payload.text).toContain('无法下载');
  });
});
