/**
 * Personal information that identifies someone without a number (个人信息保护法第四条、第二十八条): a named person
 * with where they live, study or work, their daily whereabouts or their health; and sentences that show or hand
 * out someone's documents, records or address (身份证正反面照片、病历照片、完整聊天记录、家庭住址、航班信息和酒店房号).
 * A sentence that protects the information (已打码、请勿外传、不要发身份证照片、已获授权) is clean.
 */
export interface Identifiable {
  start: number;
  end: number;
  kind: string;
}

/** The most common Chinese surnames (公安部户政管理研究中心《2020 年全国姓名报告》的前百位及常见复姓). */
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const person = new RegExp(
  `(?:叫|名叫|姓名|名字|真名|真实姓名)(?:是|为|叫)?[:：]?\\s*[${surnames}][\\p{Script=Han}]{1,2}|(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|[${surnames}])(?:某某?|[\\p{Script=Han}]{0,2}(?=先生|女士|同学|小朋友|老师|阿姨|大爷|师傅|妈妈|爸爸))`,
  'u',
);
const companions: Array<[RegExp, string]> = [
  [/(?:住在|家住|住址|现住|居住在|家在|住)[^，。；]{0,14}?(?:小区|路|街|巷|弄|村|号|栋|幢|楼|室|单元|公寓|花园|苑)|\d+\s*(?:栋|幢|号楼|单元)\s*\d+\s*(?:室|号)?/u, '住址'],
  [/就读于|在[^，。；]{2,10}(?:小学|中学|幼儿园|学校)[^，。；]{0,6}(?:上学|读书|年级|班)|[一二三四五六七八九\d]年级[一二三四五六七八九十\d]+班/u, '就读学校'],
  [/每(?:天|周[一二三四五六日天]?|晚|个?周末)[^，。；]{0,8}?(?:在家|放学|下班|出门|回家|独自|一个人)/u, '行踪规律'],
  [/就职于|工作单位|在[^，。；]{2,12}(?:公司|单位|医院|银行)[^，。；]{0,4}(?:上班|工作)/u, '工作单位'],
  [/阳性|确诊|患有|病历|住院号|诊断为|艾滋|HIV|乙肝|梅毒|精神病|抑郁症|癌症晚期|怀孕|流产|体检结果/u, '健康状况'],
];
// 第六次行程 counts trips; it shows nobody's itinerary.
const record =
  /身份证(?:正反面|照片|复印件|号)?|证件照|护照|病历|住院号|聊天记录|手机号|电话号码|家庭住址|住址|真实姓名|完整姓名|工作单位|航班信息|酒店房号|房号|(?<![执运进次])行程|行踪|车牌号|户籍|体检报告|体检结果/u;
const shown = /完整|清晰可见|看得到|能看到|看得清|附上|晒出|曝光|公开|公示|人肉|扒出|起底|正反面|照片|截图|原图|这是/u;
const protective = /不要|请勿|勿|不得|别|禁止|打码|隐去|模糊|删除|隐藏|脱敏|授权|避免|不会|不收集|保护|化名|匿名|示例|样例|格式|校验/u;

export function identifiable(sentence: string): Identifiable[] {
  const companion = companions.find(([pattern]) => pattern.test(sentence));
  const shownRecord = record.exec(sentence);
  if (!companion && !(shownRecord && shown.test(sentence))) return [];
  if (protective.test(sentence)) return [];
  if (companion) {
    const name = person.exec(sentence);
    if (name) return [{ start: name.index, end: name.index + name[0].length, kind: `姓名和${companion[1]}` }];
  }
  if (shownRecord && shown.test(sentence)) return [{ start: shownRecord.index, end: shownRecord.index + shownRecord[0].length, kind: '公开他人的证件、记录或住址' }];
  return [];
}
