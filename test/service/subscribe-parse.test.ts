import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededService } from '../helpers/seeded-service.js';

let seeded: Awaited<ReturnType<typeof seededService>>;
beforeAll(async () => {
  seeded = await seededService();
});
afterAll(() => seeded?.cleanup());

const chat = { platform: 'console', chatId: 'p1' };
const subsOf = (chatId: string) => seeded.service.subscriptions.forChat('console', chatId);

describe('/subscribe filters', () => {
  it('资阳 is ambiguous; its button command 资阳市 四川 makes a REGION subscription', () => {
    const ask = seeded.service.handle('/subscribe 资阳', chat);
    const button = ask.actions.find((a) => a.label.startsWith('资阳市'))!;
    expect(button.command).toBe('/subscribe 资阳市 四川');
    seeded.service.handle(button.command, chat);
    expect(subsOf('p1')).toMatchObject([{ filterKind: 'region', filterValue: '512000', filter: '资阳市', subjectKind: null }]);
  });

  it('资杨 gives /report’s suggestions and subscribes to nothing', () => {
    const report = seeded.service.handle('/report 资杨', { platform: 'console', chatId: 'p2' });
    const reply = seeded.service.handle('/subscribe 资杨', { platform: 'console', chatId: 'p2' });
    expect(reply.kind).toBe('error');
    const text = (r: typeof reply) => JSON.stringify(r.sections);
    expect(text(report)).toContain('资阳市(四川)');
    expect(text(reply)).toContain('资阳市(四川)');
    expect(reply.actions.map((a) => a.command)).toContain('/subscribe 资阳市 四川');
    expect(subsOf('p2')).toEqual([]);
  });

  it('四川 提案 is one combined subscription (province + metric)', () => {
    seeded.service.handle('/subscribe 四川 提案', { platform: 'console', chatId: 'p3' });
    expect(subsOf('p3')).toMatchObject([
      { filterKind: 'province', filterValue: '四川省', subjectKind: 'metric', subjectValue: '提案', filter: '四川省 提案' },
    ]);
  });

  it('话题 forces a topic (the way out of a typo guess)', () => {
    seeded.service.handle('/subscribe 话题 资杨', { platform: 'console', chatId: 'p4' });
    expect(subsOf('p4')).toMatchObject([{ filterKind: 'topic', filterValue: '资杨' }]);
  });

  it('bare /unsubscribe asks first; the confirm button removes everything', () => {
    const c = { platform: 'console', chatId: 'p5' };
    seeded.service.handle('/subscribe 四川', c);
    seeded.service.handle('/subscribe 提案', c);
    const ask = seeded.service.handle('/unsubscribe', c);
    expect(subsOf('p5')).toHaveLength(2);
    const confirm = ask.actions.find((a) => a.label.startsWith('确认'))!;
    seeded.service.handle(confirm.command, c);
    expect(subsOf('p5')).toHaveLength(0);
  });

  it('a non-admin in a group is refused; nothing changes', () => {
    const reply = seeded.service.handle('/subscribe 四川', { platform: 'telegram', chatId: '-5', canManage: false });
    expect(reply.errorCode).toBe('FORBIDDEN');
    expect(seeded.service.subscriptions.forChat('telegram', '-5')).toEqual([]);
  });
});
