/**
 * Chinese surnames, so a bare word before `作…报告` or a transcript `X:` label is taken for a person only when
 * it starts like one. The single-character list covers the common surnames of the population (including
 * those of Korean, Manchu and Hui families), the compound list the double surnames still in use.
 */

const SINGLE = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢',
    '姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施',
    '文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷',
    '盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏',
    '席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥',
    '南班储栗燕楚鄢劳谌奚皮粟冼蔺闻厉仝郜阚权帅屠豆朴盖练廉禹祖漆巴丰卿狄索宣晋扈晁芮阙浦戈伏鹿薄邸雍辜乌裘亓',
    '修邰赫杭况鲜逯茹诸慕亢嵇哈湛宾戎勾茅呼尉冶檀昝',
  ].join(''),
);

const DOUBLE = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 宇文 长孙 夏侯 轩辕 端木 独孤 南宫 闻人 万俟 呼延 司徒 澹台 申屠 西门 太史 拓跋 百里 东郭'.split(
    ' ',
  ),
);

/** Whether `name` (no spaces) begins with a known surname and leaves a given name of one or two characters. */
export function startsWithSurname(name: string): boolean {
  if (name.length >= 3 && DOUBLE.has(name.slice(0, 2))) return name.length <= 4;
  return SINGLE.has(name.charAt(0)) && name.length >= 2 && name.length <= 3;
}
