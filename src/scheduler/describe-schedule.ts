const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六', '日'];
const ZONES: Record<string, string> = { 'Asia/Shanghai': '北京时间', 'Asia/Hong_Kong': '香港时间', 'Asia/Taipei': '台北时间' };

/** The schedule in words for replies: `0 9 * * 1` in Asia/Shanghai → 每周一 09:00(北京时间). */
export function describeSchedule(cron: string, timezone: string): string {
  const zone = ZONES[timezone] ?? timezone;
  const m = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+([0-7])$/.exec(cron.trim());
  if (!m) return `按计划(${cron},${zone})`;
  const time = `${m[2]!.padStart(2, '0')}:${m[1]!.padStart(2, '0')}`;
  return `每周${WEEKDAYS[Number(m[3])]} ${time}(${zone})`;
}
