/** The person delivering a report (or, in news, the official said to deliver it). */
import { squeeze } from './prepare.js';
import { startsWithSurname } from './surnames.js';

/** Offices a report is delivered by (longest first so 常务副主席 wins over 主席). */
const TITLE =
  '(?:常务副主席|副主席|主席|副主任|主任|代市长|代县长|代区长|代省长|代州长|代旗长|市长|县长|区长|省长|州长|旗长|盟长|副秘书长|秘书长)';
const HAN = '[\\u4e00-\\u9fa5]';
/** A name: 2–4 Han characters, possibly spaced (段  鸣), or a minority name with ·. */
const NAME = `(${HAN}(?:\\s*${HAN}){1,3}|${HAN}{1,8}[·•]${HAN}{1,10})`;
/** Words that never occur in a person's name but do in headings (single characters like 志 or 会 do occur: 俞志平). */
const NOT_NAME =
  /会议|委员|代表|工作|报告|政协|政府|摘要|目录|各位|同志|记者|编辑|通讯员|摄影|主席|主任|秘书|书记|[省市县区州旗盟部局厅处院]长|主持|讲话|发言|[的年]/;
/** Characters of bodies and sessions: a bare word with one of them is a body (常委会, 全会), not a person. */
const BODY_CHARS = /[委届次政协府]|大会|会$/;

/** A name in running text: two or three characters, spaced on some pages (主席 王 良 作…). */
const PROSE_NAME = `${HAN}(?: ?${HAN}){1,2}?`;

const TITLED_LINE = new RegExp(`${TITLE}\\s*${NAME}$`);
const BARE_LINE = new RegExp(`^${NAME}$`);
/**
 * 主席叶冬松向大会作工作报告 / 县长李永军在作《政府工作报告》 / 副秘书长赖南辉通报 / 主席王彦龙受…委托向大会作报告 /
 * 副主席苏辉报告提案工作情况 / 副主席苏辉今天下午在…会议上向大会报告….
 */
const TITLED_DELIVERY = new RegExp(
  `${TITLE} ?(${PROSE_NAME})(?:同志)? ?(?:在作|(?:在[^。,，]{0,8}?上)?作了?[《“]|(?:在[^。,，]{0,8}?上)?作了?[^。,，]{0,30}?报告|向大会作|(?:今[天日](?:上午|下午)?)?在[^。,，]{0,24}?上向大会报告|报告[^。,，]{0,12}?工作情况|通报|代表[^。]{0,40}?(?:作|向大会报告)|受[^。]{0,40}?委托)`,
  'g',
);
/**
 * 受…常务委员会委托，X作…报告 / X受…常务委员会委托,向大会报告… — the commission itself marks the speaker, so
 * the name needs no title elsewhere.
 */
const COMMISSIONED = new RegExp(
  `(?:受[^。]{0,40}?(?:常务委员会|常委会|人民政府)[^。]{0,4}?委托[,，]?\\s*(?![向在我对为并])(${PROSE_NAME})(?:同志)? ?(?:作|向大会)|(?:^|[,，。、\\s])(${HAN}{2,3}?)(?:同志)?受[^。]{0,40}?(?:常务委员会|常委会|人民政府)[^。]{0,4}?委托[,，]?\\s*(?:向大会)?(?:作|报告))`,
  'gm',
);
/** 周明河代表政协第十一届民权县委员会常务委员会作… (name validated by a titled mention elsewhere). */
const BARE_DELIVERY = new RegExp(
  `(?:^|[,，。、\\s])(${HAN}{2,3}?)(?:代表|受)[^。]{0,40}?(?:常务委员会|常委会|人民政府)[^。]{0,6}?(?:委托)?(?:向大会)?作`,
  'gm',
);

/**
 * A name opening a line or sentence before `(向大会)作…报告` — photo captions and news (林玉瑞向大会作提案工作情况报告,
 * 盛茂林作市政协常委会工作报告). No title vouches for it, so it must start with a surname (see `personName`).
 */
const OPENING_DELIVERY = new RegExp(
  `(?:^|[。!?！？]\\s*)(${HAN}(?: ?${HAN}){1,3}?)(?:同志)?(?:向大会)?(?:所作|作了?)[《“]?[^。\\n]{0,30}?报告`,
  'gm',
);
/** A title after the name: 陈小忠主席代表政协…常务委员会所作工作报告 (the name is read back from the title). */
const NAME_TITLE_DELIVERY = new RegExp(
  `(${HAN}{2,5})${TITLE}(?:同志)?代表[^。]{0,40}?(?:常务委员会|常委会|人民政府)[^。]{0,4}?所?作`,
  'g',
);
/** A live transcript: a `王沪宁:` label line, then 各位委员:我代表…常务委员会,向大会报告工作. */
const TRANSCRIPT_LABEL = new RegExp(
  `(?:^|\\n)(${HAN}{2,4}):\\s*\\n\\s*(?:各位[^:\\n]{0,20}:)?\\s*我(?:代表|受)[^。\\n]{0,60}?(?:常务委员会|常委会|人民政府)[^。\\n]{0,20}?向大会(?:作|报告)`,
  'g',
);

/** A bare word taken for a person only when it starts with a surname and names no body. */
function personName(raw: string | undefined): string | null {
  const name = cleanName(raw);
  return name && startsWithSurname(name) && !BODY_CHARS.test(name) ? name : null;
}

/** The person name that ends `before` (三 then 两 characters, or a compound surname's four), or null. */
function nameEnding(before: string | undefined): string | null {
  if (before === undefined) return null;
  for (const size of [3, 2, 4]) {
    if (before.length < size) continue;
    const name = personName(before.slice(-size));
    if (name) return name;
  }
  return null;
}

/** A name from a capture group (undefined when the group did not take part in the match → null). */
function cleanName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = squeeze(raw).replace(/•/g, '·');
  if (NOT_NAME.test(name.replace(/·/g, ''))) return null;
  return name.length >= 2 ? name : null;
}

/** Speaker from the title block: `…主席 耿玉立`, or a bare name just after the date line (华寿军, 段  鸣). */
function fromHead(lines: string[]): string | null {
  const dateLine = lines.findIndex((l) => /(会议上|会议通过|\d{4}年\d{1,2}月\d{1,2}日\s*[)）]|\d日[)）])/.test(l));
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/[A-Za-z]+$/, '').trim();
    if (line.length > 60 || /[。:：,，]/.test(line.slice(-12))) continue;
    const titled = line.match(TITLED_LINE);
    if (titled && (line.length <= 40 || /会议上/.test(line))) {
      const name = cleanName(titled[1]);
      if (name) return name;
    }
    const nearDate = dateLine >= 0 && i > dateLine - 2 && i <= dateLine + 3 && i !== dateLine;
    const bare = nearDate ? line.match(BARE_LINE) : null;
    if (bare) {
      const name = cleanName(bare[1]);
      if (name) return name;
    }
  }
  return null;
}

/** Speaker named in running text (news write-ups). */
function fromProse(text: string): string | null {
  const zone = text.slice(0, 3000);
  const titled = new Set<string>();
  for (const [, name] of zone.matchAll(new RegExp(`${TITLE}(${HAN}{2,3})`, 'g'))) if (name) titled.add(name);
  let best: { at: number; name: string } | null = null;
  for (const m of zone.matchAll(TITLED_DELIVERY)) {
    const name = cleanName(m[1]);
    if (name && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  for (const m of zone.matchAll(COMMISSIONED)) {
    const name = cleanName(m[1] ?? m[2]);
    if (name && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  for (const m of zone.matchAll(OPENING_DELIVERY)) {
    const name = personName(m[1]);
    if (name && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  for (const m of zone.matchAll(NAME_TITLE_DELIVERY)) {
    const name = nameEnding(m[1]);
    if (name && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  for (const m of zone.matchAll(TRANSCRIPT_LABEL)) {
    const name = personName(m[1]);
    if (name && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  for (const m of zone.matchAll(BARE_DELIVERY)) {
    const name = cleanName(m[1]);
    const known = name && [...titled].some((t) => t.startsWith(name));
    if (name && known && (!best || m.index < best.at)) best = { at: m.index, name };
  }
  return best?.name ?? null;
}

/** The speaker, or null when the text names nobody delivering the report. */
export function findSpeaker(headLines: string[], text: string): string | null {
  return fromHead(headLines) ?? fromProse(text);
}
