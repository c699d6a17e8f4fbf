/**
 * Building blocks of the statistic patterns: how numbers are written (digits, Chinese numerals, magnitudes) and the
 * nouns that make a number a claim about people or the world. Kept as regex sources so the patterns read as
 * sentences. The kinds of claim follow 《广告法》第十一条第二款 (数据、统计资料、调查结果、引用语须表明出处) and the
 * 上海市工商局《关于广告中“引证内容”的审查要求》 (S42 in scripts/lint/corpus/SOURCES.md).
 */

/** A Chinese numeral (三、二十、两千、一亿). */
export const cn = '[零〇一二两三四五六七八九十百千万亿]+';
/** A number in digits or Chinese numerals. */
export const num = `(?:\\d+(?:\\.\\d+)?|${cn})`;
/**
 * A large quantity: 300 万, 2.8 亿, 三百万, 近万, 上千, 数万, 几十万, 12,000, 50000. Not a word that only holds 万 (万分、
 * 万一、万安宫), not 成千上万 (an idiom), not a span of time (18.5 亿年、一万年前), not a code (61398 部队、10086 号).
 */
export const magnitude =
  '(?:(?:\\d+(?:\\.\\d+)?\\s*[万亿]|[一二两三四五六七八九十百千]+[万亿]|(?<=近|将近|接近|超过|逾|约|过)[万亿])(?!年)|(?<!成千)上[百千万亿]+|数[十百千万亿]+|几[十百千万亿]+|\\d{1,3}(?:,\\d{3})+|\\d{5,}(?![\\d.]|\\s*(?:部队|号|路|型|次|届|期|班|团)))';
/** Words before a quantity that make it an estimate or a bound (近三成、超过一半、高达数万吨). */
export const approx = '(?:近|将近|接近|超过|超|逾|约|大约|大概|高达|多达|达到|达|突破|不到|不足|有|约有|仅|只有)';

/** Groups of people a statistic counts (受访者、年轻人、家长、用户…). */
export const people =
  '(?:中国人|国人|年轻人|中老年人|老年人|成年人|未成年人|中学生|小学生|大学生|上班族|职场人|打工人|白领|人群|群体|' +
  '受访者|消费者|投资者|购房者|患者|病人|读者|网友|网民|用户|顾客|客户|买家|卖家|商家|家长|父母|妈妈|宝妈|孩子|儿童|' +
  '青少年|学生|学员|考生|毕业生|女性|男性|女生|男生|家庭|企业|公司|门店|茶友|游客|居民|市民|散户|股民|司机|员工|' +
  '职工|医生|老师|茶农|农户|人)';

/** Places and populations a claim about the world is made of (全国、我国、全球…). */
export const worldScope = /全国|我国|中国|全球|全世界|世界上|国内|海外|全市|本市|全省|本省|全县|全区|各地|全行业|国人|城乡|城镇|农村/u;

/**
 * Rates that measure outcomes across people or cases: the morpheme before 率 (通过率、好评率、治愈率、离婚率…).
 * Rates that are settings or specifications (税率、利率、功率、频率、绿化率、容积率、刷新率) are not in it.
 */
const outcomeMorphemes = [
  '通过', '合格', '好评', '满意', '复购', '回购', '回头', '愈', '有效', '好转', '显效', '康复', '成功', '胜', '准确',
  '命中', '入职', '就业', '升学', '录取', '上线', '提分', '过关', '签约', '近视', '肥胖', '患病', '发病', '死亡', '出生',
  '离婚', '结婚', '生育', '失业', '渗透', '普及', '占有', '增长', '转化', '点击', '打开', '留存', '退货', '退款', '投诉',
  '不良', '逾期', '中签', '中奖', '检出', '阳性', '感染', '接种', '达标', '超标', '出勤', '上座', '入住', '空置', '出租',
  '收视', '押中', '好孕', '受孕', '存活', '生存', '复发', '识别', '上岸', '拿证', '续费', '售罄', '溢价', '毛利', '利润',
];
export const outcomeRate = `(?:(?:${outcomeMorphemes.join('|')})率|满意度|重合度|吻合度|(?<!屏幕?)占比|市场份额|份额|增速|增幅|涨幅|跌幅|降幅)`;
/** The same, without 成功率, which how-to prose uses of its own tips (成功率最高). */
export const rankedRate = `(?:(?:${outcomeMorphemes.filter((m) => m !== '成功').join('|')})率|满意度|市场份额|份额|增速)`;

/** Verbs of change before a figure (增长 15%、下降三成、亏了 5%). */
export const changeVerb =
  '(?:增长|上涨|下降|降低|减少|提升|提高|上升|下跌|下滑|收涨|收跌|大涨|大跌|暴涨|暴跌|涨|跌|亏损|亏|盈利|增加|缩减|' +
  '回落|反弹|缩水|攀升|飙升|升值|贬值|增值|偏多|偏少|高出|多出|减)';
