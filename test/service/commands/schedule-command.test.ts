import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadInputError } from '../../../src/errors.js';
import { createDigestService } from '../../../src/service/create-digest-service.js';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import type { ChatContext } from '../../../src/service/reply/reply-model.js';
import { parseSchedule } from '../../../src/service/subscriptions/parse-schedule.js';
import { tempDb } from '../../helpers/temp-db.js';

describe('parseSchedule', () => {
  it.each([
    ['周五 9', 5, 9],
    ['星期五 09:00', 5, 9],
    ['礼拜天 下午3点', 7, 15],
    ['周日21时', 7, 21],
    ['fri 18', 5, 18],
    ['Monday 7', 1, 7],
    ['5 9', 5, 9],
    ['周３ ９点', 3, 9],
    ['14', null, 14],
    ['周二', 2, null],
    ['每周四 晚上8点', 4, 20],
  ])('%s → weekday %s, hour %s', (text, weekday, hour) => {
    expect(parseSchedule(text)).toEqual({ reset: false, weekday, hour });
  });

  it('默认 and reset return to the default', () => {
    expect(parseSchedule('默认')).toEqual({ reset: true });
    expect(parseSchedule('reset')).toEqual({ reset: true });
  });

  it.each(['周八 9', '周五 25', '周五 9:30', '周五 周六', '明天', '9 10 11', ''])('refuses “%s” with the usage', (text) => {
    expect(() => parseSchedule(text)).toThrow(BadInputError);
  });
});

describe('/schedule through the service', () => {
  const t = tempDb();
  afterAll(() => t.cleanup());
  const service = createDigestService({ db: t.db, cron: '30 8 * * 2', timezone: 'Asia/Shanghai' });
  const chat: ChatContext = { platform: 'telegram', chatId: '-100200', canManage: true };
  const text = (line: string, c: ChatContext = chat) => renderPlain(service.handle(line, c));
  let bare = '';
  beforeAll(() => {
    bare = text('/schedule');
  });

  it('bare shows the default from DIGEST_CRON', () => {
    expect(bare).toContain('每周二 08:30(北京时间)(默认)');
  });

  it('sets weekday and hour, keeps the part not given, shows it in /schedule and /subscriptions', () => {
    expect(text('/schedule 周五 9')).toContain('每周五 09:00(北京时间)');
    expect(text('/schedule 14')).toContain('每周五 14:00');
    expect(service.subscriptions.chatDelivery('telegram', '-100200')).toMatchObject({ weekday: 5, hour: 14 });
    expect(text('/schedule')).toContain('每周五 14:00(北京时间)(本聊天自定)');
    text('/subscribe');
    expect(text('/subscriptions')).toContain('推送时间:每周五 14:00');
    expect(text('/schedule 默认')).toContain('每周二 08:30');
    expect(service.subscriptions.chatDelivery('telegram', '-100200')).toMatchObject({ weekday: null, hour: null });
  });

  it('a weekday alone takes the default hour; 推送时间 is an alias', () => {
    expect(text('推送时间 周日')).toContain('每周日 08:00');
  });

  it('a bad time is refused with the usage and changes nothing', () => {
    const before = service.subscriptions.chatDelivery('telegram', '-100200');
    const reply = service.handle('/schedule 周五 9:30', chat);
    expect(reply.kind).toBe('error');
    expect(service.subscriptions.chatDelivery('telegram', '-100200')).toEqual(before);
  });

  it('in a group a non-admin may look but not change', () => {
    const member: ChatContext = { ...chat, canManage: false };
    expect(text('/schedule', member)).toContain('推送时间');
    const refused = service.handle('/schedule 周一 7', member);
    expect(refused.errorCode).toBe('FORBIDDEN');
    expect(service.subscriptions.chatDelivery('telegram', '-100200').weekday).not.toBe(1);
  });

  it('/help lists /schedule, /pause, /resume, /preview and the rule of the platform', () => {
    const help = text('/help');
    for (const c of ['/schedule 周五 9', '/pause', '/resume', '/preview']) expect(help).toContain(c);
    expect(help).toContain('只有管理员');
    expect(text('/help', { platform: 'slack', chatId: 'C1' })).toContain('任何成员');
  });

  it('/subscriptions numbers its list once (no “• 1.”)', () => {
    text('/subscribe 四川');
    const list = text('/subscriptions');
    expect(list).toMatch(/^1\. 全部新报告/m);
    expect(list).not.toMatch(/•\s*\d+\./);
  });
});
