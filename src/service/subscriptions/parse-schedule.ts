import { BadInputError } from '../../errors.js';
import { halfWidthAlnum } from '../../ingest/normalize/whitespace.js';

/** What `/schedule …` asks for: back to the default, or a weekday and/or an hour (the other kept). */
export type ScheduleRequest = { reset: true } | { reset: false; weekday: number | null; hour: number | null };

/** The usage line refusals end with. */
const SCHEDULE_USAGE = '用法:/schedule 周五 9(每周五 9 点),/schedule 14(只改钟点),/schedule 默认(恢复默认)。';

const RESET = /^(默认|恢复默认|重置|default|reset)$/;
const CN_DAYS = new Map(
  [...'一二三四五六']
    .map((c, i) => [c, i + 1] as const)
    .concat([
      ['日', 7],
      ['天', 7],
      ['七', 7],
    ]),
);
const EN_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const CN_WEEKDAY = /(?:每?周|星期|礼拜|禮拜)\s*([一二三四五六日天七1-7])/g;
const EN_WEEKDAY = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/g;
// `9`, `9点`, `09:00`, `下午3点`, `21时`; a minute other than 00 is caught below.
const TIME = /(上午|早上|早晨|中午|下午|晚上)?\s*(\d{1,2})(?:\s*[:：]\s*(\d{2}))?\s*(点钟?|點鐘?|时|時|h)?\s*(整)?/g;

/** Parses the argument of `/schedule`; throws BadInputError with the usage for anything else. */
export function parseSchedule(text: string): ScheduleRequest {
  let t = halfWidthAlnum(text).trim().toLowerCase().replace(/：/g, ':');
  if (RESET.test(t)) return { reset: true };
  const weekdays: number[] = [];
  t = t.replace(CN_WEEKDAY, (_, d: string) => {
    weekdays.push(CN_DAYS.get(d) ?? Number(d));
    return ' ';
  });
  t = t.replace(EN_WEEKDAY, (_, d: string) => {
    weekdays.push(EN_DAYS.indexOf(d) + 1);
    return ' ';
  });
  const times: { value: number; minute: number; marked: boolean; half: string | undefined }[] = [];
  t = t.replace(TIME, (_, half: string | undefined, h: string, m: string | undefined, unit: string | undefined) => {
    times.push({ value: Number(h), minute: Number(m ?? 0), marked: Boolean(unit || m || half), half });
    return ' ';
  });
  if (t.replace(/[\s,，、的每在于]/g, '') !== '') throw new BadInputError(`看不懂“${text.trim()}”。${SCHEDULE_USAGE}`);
  // `/schedule 5 9`: two bare numbers are a weekday and an hour.
  if (!weekdays.length && times.length === 2 && !times[0]!.marked) weekdays.push(times.shift()!.value);
  if (weekdays.length > 1 || times.length > 1 || (!weekdays.length && !times.length))
    throw new BadInputError(`请给出一个星期几和/或一个钟点。${SCHEDULE_USAGE}`);
  const weekday = weekdays[0] ?? null;
  if (weekday !== null && !(weekday >= 1 && weekday <= 7))
    throw new BadInputError(`星期几应为 1–7(周一到周日)。${SCHEDULE_USAGE}`);
  const time = times[0];
  if (!time) return { reset: false, weekday, hour: null };
  if (time.minute !== 0) throw new BadInputError('推送时间只能设为整点,例如 /schedule 周五 9。');
  const afternoon = time.half === '下午' || time.half === '晚上';
  const hour = afternoon && time.value < 12 ? time.value + 12 : time.value;
  if (hour > 23) throw new BadInputError(`钟点应为 0–23。${SCHEDULE_USAGE}`);
  return { reset: false, weekday, hour };
}
