/** The session a report was delivered at, normalized to 第六届委员会第五次会议 / 第十五届人民代表大会第五次会议. */
import { chineseNumber, toChineseNumber } from '../../text/numerals.js';

const N = '[一二三四五六七八九十〇\\d]{1,3}';
/** 政协…第六届委员会第五次会议 / 政协第十五届九江市委员会第三次会议 (届 before or after the place). */
const CPPCC_FULL = new RegExp(`第(${N})届([^。,，、\\d届]{0,16}?)委员会第(${N})次(?:全体)?会议`, 'g');
/** 第十五届人民代表大会第五次会议, also without 第 (甘肃省十四届人民代表大会第四次会议). */
const NPC_FULL = new RegExp(`第?(${N})届\\s*(全国)?人民代表大会\\s*第(${N})次会议`, 'g');
/** 县政协十届五次会议 / 州政协十三届五次会议 / 区*协十届二次会议 / 江西省十四届人大二次会议. */
const SHORT = new RegExp(`(全国政协|全国人大|政协|\\*协|人大)?(${N})届(人大|政协)?(${N})次(?:全体)?会议`, 'g');
/**
 * Contexts that make a session the one the report was delivered at (or the one a news item is about: its
 * opening or close, its press briefing, its members, its proposals committee).
 */
const DELIVERED_AFTER =
  /^\s*(上|(?:正式|胜利|隆重)?(?:开幕|闭幕)|召开|第一次全体会议|应出席|通过|在[^。]{0,12}(?:开幕|闭幕|召开|举行)|将于|新闻发布会|的委员|提案委员会|提案交办会|共收)/;
/** `…会议期间,委员提交提案`: the session of the text, though said in passing; used when nothing better is named. */
const DURING = /^期间/;

/** Formats a (term, sitting) pair (national bodies keep 全国); null when either is not a number. */
function format(term: string, sitting: string, npc: boolean, national = false): string | null {
  const t = chineseNumber(term);
  const s = chineseNumber(sitting);
  if (!t || !s) return null;
  const body = `${national ? '全国' : ''}${npc ? '人民代表大会' : '委员会'}`;
  return `第${toChineseNumber(t)}届${body}第${toChineseNumber(s)}次会议`;
}

/**
 * The delivery session from the head (preferred) or the opening of the text, or null. Sessions of the
 * national bodies (全国政协十届四次会议) count only for a national report: a local one merely mentions them.
 */
export function findSession(head: string, text: string, national = false): string | null {
  const zone = head.length > 100 ? head + '\n' + text.slice(0, 1500) : text.slice(0, 3000);
  const found: { at: number; value: string; strong: boolean }[] = [];
  const during: string[] = [];
  for (const m of zone.matchAll(CPPCC_FULL)) {
    const [whole, term = '', place = '', sitting = ''] = m;
    if (/常务|常委|委员会/.test(place)) continue;
    if (place === '全国' && !national) continue;
    const v = format(term, sitting, false, place === '全国');
    const after = zone.slice(m.index + whole.length, m.index + whole.length + 12);
    if (v && DURING.test(after)) during.push(v);
    else if (v && !/^以来/.test(after)) found.push({ at: m.index, value: v, strong: true });
  }
  for (const m of zone.matchAll(NPC_FULL)) {
    const [whole, term = '', place, sitting = ''] = m;
    if (place === '全国' && !national) continue;
    const v = format(term, sitting, true, place === '全国');
    const after = zone.slice(m.index + whole.length, m.index + whole.length + 12);
    if (v && DURING.test(after)) during.push(v);
    else if (v && !/^以来/.test(after)) found.push({ at: m.index, value: v, strong: true });
  }
  for (const m of zone.matchAll(SHORT)) {
    const [whole, lead = '', term = '', inner = '', sitting = ''] = m;
    const bodyName = lead + inner;
    const after = zone.slice(m.index + whole.length, m.index + whole.length + 12);
    const before = zone.slice(Math.max(0, m.index - 20), m.index);
    if (/全国/.test(bodyName) && !national) continue;
    const v = format(term, sitting, /人大/.test(bodyName), /全国/.test(bodyName));
    if (v && DURING.test(after)) during.push(v);
    if (!DELIVERED_AFTER.test(after) && !/在[^。]{0,12}$/.test(before)) continue;
    if (v) found.push({ at: m.index, value: v, strong: false });
  }
  if (!found.length) return during[0] ?? null;
  found.sort((a, b) => a.at - b.at);
  // A session named in a delivery line (在…会议上) beats the first mention.
  for (const f of found) {
    const tail = zone.slice(f.at, f.at + 40);
    const lead = zone.slice(Math.max(0, f.at - 24), f.at);
    if (/会议(上|通过|开幕)|会议\s*[)）]/.test(tail) && /在|日/.test(lead)) return f.value;
  }
  return found[0]?.value ?? null;
}

/** The national bodies' terms are in step: the 14th 全国政协 and 全国人大 both opened in 2023, one sitting a year. */
const NATIONAL_TERM = { ordinal: 14, firstYear: 2023, years: 5 };

/**
 * The year a session of a national body sat (第十三届全国委员会第二次会议 → 2019), by arithmetic from the term's start
 * year; null for a local session, whose terms start in different years from place to place.
 */
export function nationalSessionYear(session: string | null): number | null {
  const m = session && /^第(.+?)届全国(?:委员会|人民代表大会)第(.+?)次会议$/.exec(session);
  if (!m) return null;
  const term = chineseNumber(m[1] ?? '');
  const sitting = chineseNumber(m[2] ?? '');
  if (!term || !sitting || sitting > NATIONAL_TERM.years || term < 5) return null;
  return NATIONAL_TERM.firstYear + NATIONAL_TERM.years * (term - NATIONAL_TERM.ordinal) + sitting - 1;
}
