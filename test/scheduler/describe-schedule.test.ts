import { describe, expect, it } from 'vitest';
import { describeSchedule } from '../../src/scheduler/describe-schedule.js';

describe('describeSchedule', () => {
  it('says a weekly cron in words', () => {
    expect(describeSchedule('0 9 * * 1', 'Asia/Shanghai')).toBe('每周一 09:00(北京时间)');
    expect(describeSchedule('30 18 * * 5', 'Europe/Berlin')).toBe('每周五 18:30(Europe/Berlin)');
    expect(describeSchedule('0 9 * * 0', 'Asia/Shanghai')).toBe('每周日 09:00(北京时间)');
  });
  it('falls back to the expression for other schedules', () => {
    expect(describeSchedule('0 9 1 * *', 'Asia/Shanghai')).toBe('按计划(0 9 1 * *,北京时间)');
  });
});
