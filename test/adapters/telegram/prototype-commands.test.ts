import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededService } from '../../helpers/seeded-service.js';
import { textMessage } from '../../helpers/telegram-updates.js';
import { startPair, waitForCalls, type Pair } from './harness.js';

let seeded: Awaited<ReturnType<typeof seededService>>;
let pair: Pair;
beforeAll(async () => {
  seeded = await seededService();
  pair = await startPair(seeded.service);
});
afterAll(async () => {
  await pair?.close();
  seeded?.cleanup();
});

describe('telegram: commands named like Object.prototype members', () => {
  it('/constructor, /__proto__, /TOSTRING and /hasOwnProperty each get the unknown-command reply', async () => {
    const lines = ['/constructor', '/__proto__', '/TOSTRING', '/hasOwnProperty 资阳'];
    for (const [i, line] of lines.entries()) pair.standIn.push(textMessage(line, { chatId: 950 + i }));
    const sent = await waitForCalls(pair.standIn, 'sendMessage', lines.length);
    for (const [i] of lines.entries()) {
      const reply = sent.find((c) => c.payload.chat_id === 950 + i);
      expect(String(reply?.payload.text), lines[i]).toContain('无法识别的命令');
    }
  });
});
