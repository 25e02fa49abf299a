/** Short forms of region names: 广西壮族自治区 → 广西, 迪庆藏族自治州 → 迪庆, 蠡县 stays 蠡县. */

/** Ethnic group names as they appear inside autonomous-region names (longest first at match time). */
const ETHNIC = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
].sort((a, b) => b.length - a.length);

/** Suffixes tried in order; the first that leaves at least two characters is dropped. */
const SUFFIXES = [
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '特别行政区',
  '地区',
  '新区',
  '林区',
  '特区',
  '省',
  '市',
  '盟',
  '县',
  '区',
  '旗',
  '州',
];

/** Strips trailing ethnic words (蒙古 may stand without 族; one-character groups need 族). */
function stripEthnic(stem: string): string {
  let s = stem;
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of ETHNIC) {
      for (const form of e.length > 1 ? [e + '族', e] : [e + '族']) {
        if (s.endsWith(form) && s.length - form.length >= 2) {
          s = s.slice(0, -form.length);
          changed = true;
          break;
        }
      }
      if (changed) break;
    }
  }
  return s;
}

/** Banners whose everyday short form is not a suffix cut (达尔罕茂明安联合旗 → 达茂旗). */
const BANNER_SHORT = new Map([['达尔罕茂明安联合旗', '达茂旗']]);

/** Short name of a full region name; 左翼/右翼 banners use the customary 科右前旗 form. */
export function shortName(name: string): string {
  const banner =
    BANNER_SHORT.get(name) ??
    name
      .match(/^(.)[\u4e00-\u9fa5]{1,3}?([左右])翼([前中后])旗$/)
      ?.slice(1, 4)
      .join('');
  if (banner) return banner.endsWith('旗') ? banner : `${banner}旗`;
  for (const suffix of SUFFIXES) {
    if (!name.endsWith(suffix) || name.length - suffix.length < 2) continue;
    const stem = name.slice(0, -suffix.length);
    return suffix.startsWith('自治') ? stripEthnic(stem) : stem;
  }
  return name;
}

/** Level suffix of a full name at a tier (直辖市 is decided by the caller). */
export function levelOf(name: string): string {
  for (const s of ['自治区', '自治县', '自治旗', '自治州', '地区', '林区', '特区', '省', '市', '盟', '县', '区', '旗']) {
    if (name.endsWith(s)) return s === '自治州' ? '州' : s;
  }
  return name.slice(-1);
}
