import { percentage, percentageKind, property } from './percentages.ts';
import { inRefutedQuote, readSentence, type Reading } from './reading.ts';
import { definesTerm, setsTarget } from './targets.ts';
import { approx, cn, magnitude, num, people, rankedRate, worldScope } from './vocabulary.ts';

/** A statistic or research conclusion found in a sentence: where (indices in the sentence) and what kind. */
export interface Claim {
  start: number;
  end: number;
  kind: string;
}

interface Pattern {
  /** A cheap test the sentence must pass before the pattern is tried: most sentences hold no statistic. */
  gate: RegExp;
  kind: string;
  pattern: RegExp;
  /** Extra condition on the sentence or the match; default: always. */
  when?: (reading: Reading, sentence: string, match: RegExpMatchArray) => boolean;
}

const notPersonal = (r: Reading) => !r.personal;
/** A change that is a promise in an offer (一个月翻三倍、三年升值) is 广告法第二十五、二十六条的事; a past one is a statistic. */
const reportedChange = (r: Reading, s: string, m: RegExpMatchArray) =>
  !r.personal && !r.instruction && !r.cooking && !singular.test(s) && (!r.offer || r.historical || m[0].includes('了')) && (!future.test(s) || r.historical);
/** 他、我 anywhere: a multiple is then most often a comparison of one person's things (他的工资是我的两倍、工作量翻了一番，他却…). */
const singular = /(?:我|他|她|你)(?!们|国|校|院|司|市|省|县|区|厂|店|行|军|方|人|乡)/u;
/** A multiple still to come is a promise (十年后身价翻倍) or a forecast, which is flagged only when it has a teller (专家指出). */
const future = /[一二两三四五六七八九十\d]+年后|将来|未来|明年|后年|以后|之后|将会|将/u;
const numberWords = new RegExp(`\\d|${cn}(?:成|倍|番|分之)|半数|一半|${magnitude}`, 'u');
/** 数十年来、几十年、多年: a span of time, not a figure an unnamed source vouches for. */
const spans = /(?:数|几|近|多)?[\d一二两三四五六七八九十百千]*年(?:来|间|以来)|数十年|几十年|上百年|多年/gu;
const hasNumber = (_r: Reading, s: string) => numberWords.test(s.replace(spans, ''));
/** 首付三成、贷款七成、提成两成: shares set by contract, not measured. */
const contractShare = /首付|贷款|按揭|定金|订金|首款|尾款|提成|佣金|抽成|分成|利率|税率|违约金|保证金/u;
const big = `(?:${approx}\\s*)?${magnitude}`;
/**
 * Survey phrasing counts as a statistic even without a figure (issue 11 point 8), when what was found is about people,
 * health or a market (研究发现，喝茶的人平均寿命更长); 根据不同的研究，纤角龙科比原角龙科原始 is a finding about fossils,
 * and the writer's own test (经测试显示) is a measurement (decision 3). What was found is read after the verb: the
 * people a study was made on (一些对睾酮和长效抗精神病药的研究显示，吸收可能并无差异) are not its finding.
 */
function aboutPeopleOrFigures(r: Reading, s: string, m: RegExpMatchArray): boolean {
  if (r.ownMeasure) return false;
  const found = s.slice(m.index! + m[0].length);
  // 研究显示与蝙蝠冠状病毒同源性达85%以上: a sequence compared, a measurement of a genome, not of people.
  if (numberWords.test(s.replace(dates, ''))) return !(sequence.test(found) && !new RegExp(people, 'u').test(found));
  // 一方面，有研究显示……；另一方面…… and 存在争议: research weighed against other findings, a debate reported, no claim.
  if (weighed.test(s)) return false;
  // 基因研究表明，罗马人的祖先来自印度西北部: where a people came from is scholarship of the past, not their health or habits.
  return healthOrMarket.test(found) || (new RegExp(people, 'u').test(found) && !lineage.test(s));
}
const weighed = /^\s*一方面|存在争议|尚有争议|仍有争议|尚无定论/u;
const sequence = /同源性|序列|基因组|核苷酸|氨基酸|碱基/u;
const dates = /\d+\s*(?:年|月|日|号|时|点|分)/gu;
const healthOrMarket = /患|病|健康|风险|寿命|疫情|消费|市场|经济|支持|满意|民意|喜欢|愿意|习惯|选择|购买|食用|饮用|喝|吃|服用|睡|减肥|瘦/u;
/** A people's descent and origins (祖先、起源、后裔、迁徙): history told by genetics or archaeology. */
const lineage = /祖先|先祖|始祖|祖籍|起源|发源|后裔|后代|血统|血缘|族源|迁徙|演化|进化/u;
/** 调查 as an inquiry into someone (因涉嫌违纪被调查、配合中方调查), not a survey of people. */
const investigation = /涉嫌|违纪|违法|犯罪|贿赂|受贿|行贿|腐败|立案|警方|检察|纪委|监委|审查|嫌疑|被捕|拘留|起诉|指控|调查内容|配合[^，。；]{0,4}调查/u;
/** The places a world statistic is counted over, when they are the scope and not part of a name (中国公司、中国铁路总公司). */
const scopeInClause = new RegExp(`(?:${worldScope.source})(?![^，。；、]{0,8}?(?:公司|集团|研究院|科学院|社科院|银行|政府|部队|解放军|队|领导人|官员|官媒))`, 'u');
/** Where the clause holding `at` starts. */
function clauseStart(sentence: string, at: number): number {
  let from = at;
  while (from > 0 && !/[，,；;。！？!?]/u.test(sentence[from - 1]!)) from--;
  return from;
}
/** The clause of a sentence around `at`. */
function clauseOf(sentence: string, at: number): string {
  let from = at;
  while (from > 0 && !/[，,；;。！？!?]/u.test(sentence[from - 1]!)) from--;
  let to = at;
  while (to < sentence.length && !/[，,；;。！？!?]/u.test(sentence[to]!)) to++;
  return sentence.slice(from, to);
}
/** A figure in a stretch of text; 之一、一些、一定、唯一 are words, not numbers. */
const figureIn = (text: string) => /\d|[一二两三四五六七八九十百千万]/u.test(text.replace(/之一|一[些定般直起样切致度]|统一|唯一|万一/gu, ''));
/**
 * A group someone owns, counted (黑豹队的三名首发线卫中有两人入选、他们的五个孩子里有两个): the members of one named set,
 * not a share of people in the world; a survey's sample (被调查的一百家店中) or a scope (全国的) is still a statistic.
 */
function namedGroup(before: string): boolean {
  const owner = /([\p{Script=Han}A-Za-z·]{1,12})的\s*$/u.exec(before)?.[1];
  return owner !== undefined && !/调查|受访|被访|统计|抽查|抽样|问卷|全国|全球|世界|我国|国内|城市|农村|中国|各地|全省|全市/u.test(owner);
}
/** A size given in units before a multiple: 高达 5.8 米的大手套，是一般手套的 256 倍 compares sizes, not the world. */
const measured = /\d\s*(?:米|公尺|厘米|公分|毫米|公里|千米|公斤|千克|吨|克|升|毫升|平方|立方|英尺|英寸)/u;
/** A program's or a machine's measured property before a multiple (代码量少三倍、启动时间缩短一半): a measurement. */
const propertyBefore = new RegExp(`${property}[^，,。；]{0,10}$`, 'u');
/** A property measured on a thing, with no people or place in the clause (国内程序员的代码量 is still a statistic). */
const measuredThing = (clause: string) => propertyBefore.test(clause) && !new RegExp(people, 'u').test(clause) && !worldScope.test(clause);
/** A clause with no subject of its own (早晚高峰时期会翻倍) goes on with the one before it (平日客流量较大，…). */
const noSubject = /^\s*(?:[^，,。；]{0,6}?(?:时期|时段|期间|时候|高峰|周末|节假日|假期|旺季|淡季|时))?\s*(?:会|将|可|能|还|也|都|就|则|甚至|往往|通常)*\s*$/u;
const propertyIn = new RegExp(property, 'u');
/** The measured thing a multiple at `at` is said of: in its own clause, or the clause before when its own has no subject. */
function multipleOfThing(s: string, at: number): boolean {
  const start = clauseStart(s, at);
  const own = s.slice(start, at);
  if (measuredThing(own)) return true;
  if (start === 0 || !noSubject.test(own)) return false;
  const before = s.slice(clauseStart(s, start - 1), start);
  return propertyIn.test(before) && !new RegExp(people, 'u').test(before) && !worldScope.test(before);
}
/** The load a system is built for (每天处理数百万请求): a design figure of the software, not a count of people or sales. */
const workload = /^\s*(?:次|条|个)?(?:请求|查询|调用|消息|事件|日志|写入|读取|连接|数据包|api)/iu;
/**
 * The traffic a transport system carries (铁路系统……每年承载超过 3700 万乘客、每天运送 20 万吨货物): the operating record
 * of one line or port, as its operator counts it, not a count of people in the world. A firm's transactions (每天处理数十亿
 * 次交易) are its business volume, and stay a figure that needs a source.
 */
const inCharge = /负责管理|管理着|负责保护|负责维护|管辖着?/u;
/**
 * 心理危机干预热线：各地 12320: bare digits after the line that answers them are a number to dial, not a count.
 * 拨打急救电话超过 5000 万次 counts calls, and stays.
 */
const dialled = (s: string, m: RegExpMatchArray) => /^\d+$/u.test(m[0]) && /(?:热线|电话|专线|拨打|致电|号码)[^,，。；;\d]{0,8}$/u.test(s.slice(0, m.index));
const carriage = /承载|运送|运载|输送|载运|运输|搭载/u;
const carried = /^\s*(?:名|位|人次|次)?(?:乘客|旅客|游客|人次|吨|标箱|航班|车次)/u;
/** A part of a thing's size (头骨长度的一半): a proportion of an object, not a share of people. */
const dimensionBefore = /(?:长度|面积|体积|重量|高度|宽度|直径|周长|厚度|深度|容量|体长|身长)的?$/u;

const patterns: Pattern[] = [
  // 调查显示、研究发现、数据表明、临床试验证实 …: a research conclusion, with or without a figure.
  {
    gate: /显示|表明|发现|指出|证实|证明|揭示|得出|称/u, kind: '调查或研究结论', when: aboutPeopleOrFigures,
    // 共报告发现 44839 例、累计报告病例: 报告 as the verb of a case register, not a report that found something.
    pattern:
      /(?:调查|研究|统计|数据|(?<![共累计新已均])报告|调研|民调|普查|抽查|抽样|问卷|测评|试验|实验|检测|监测|测试|研究人员|科学家|研究者)(?:结果|数据|报告)?(?:均|也|都|还|同样|再次|进一步)?(?:显示|表明|发现|指出|证实|证明|揭示|得出|称)(?![屏器栏框区板灯面模台幕出不成为])/gu,
  },
  { gate: /据/u, kind: '调查或研究结论', pattern: /据(?:不完全)?统计|据[^，。；]{0,8}?(?:调查|调研|统计|测算|估算)|(?:根据|依据)[^，。；]{0,8}?(?:调查|统计|研究|调研|测算|估算)/gu, when: aboutPeopleOrFigures },
  // 被访者 is a respondent; 被访问 is a thing being read (缓存最久没有被访问), as docs say.
  // 被调查者、被调查的一百家店: the sample of a survey; 她会被调查很多年、其他人也可能被调查 is an inquiry into someone.
  {
    gate: /调查|受访|被访/u, kind: '调查或研究结论',
    pattern: /被调查(?=者|对象|人群|样本|的[^，。；]{0,8}?(?:\d|[一二两三四五六七八九十百千万]|人|者|家庭|企业|学生|用户|消费者|家长|居民|中|里))|受访|接受调查|参与调查|问卷调查|抽样调查|被访(?!问)/gu,
    when: (_r, s) => !investigation.test(s),
  },
  // 业内估计、专家指出、据悉: a claim from an unnamed source, when it carries a figure.
  { gate: /专家|业内|分析师|学者|人士|据/u, kind: '未具名来源的估计', pattern: /(?:专家|业内人士|业内|分析师|学者|有关人士|行业人士)(?:估计|估算|预测|测算|指出|表示|称)|据(?:了解|悉|估计|估算|测算)/gu, when: hasNumber },
  // 三成、近八成、九成以上: a share in tenths (not 油温六成热、七成熟、九成新、三五成群).
  {
    gate: /成/u, kind: '成数比例',
    pattern: /(?<![变做切分达制搓拌合组构形完养促造写练当赞])(?:近|将近|接近|超过|约|逾|不到|不足)?(?:[一二两三四五六七八九十]|\d(?:\.\d)?)(?:[至到~-][一二三四五六七八九十])?成(?:[一二三四五六七八九](?![成]))?(?![熟热新满干饱为功本绩品立长果就交员型份都了群时高深宽软烂透开黄焦稠浓色不等]|年(?!轻))/gu,
    // 八成是他、八成会下雨: “probably”, not a share.
    when: (r, s, m) =>
      !r.cooking &&
      !r.personal &&
      !contractShare.test(s) &&
      !/^的?(?:把握|可能|希望|胜算|信心)/u.test(s.slice(m.index! + m[0].length)) &&
      !(m[0].endsWith('八成') && /^(?:是|会|要|又|得|就|在|没|不|忘|也|还|能)/u.test(s.slice(m.index! + m[0].length))),
  },
  // 近半数、超过一半、一半以上、减少了一半 (not 切一半、煮到一半、当汤汁减少一半时).
  {
    gate: /半/u, kind: '半数比例',
    pattern: new RegExp(
      `(?<![不别勿])(?:近|将近|接近|超过|超|逾|多于|不到|不足|少于)一半|一半以上|过半数|半数(?:以上)?|(?:减少|增加|下降|降低|缩减|缩水|下滑|上涨|增长)了?(?:近|约)?一半(?![时后的])`,
      'gu',
    ),
    when: (r, s, m) => !r.personal && !r.instruction && !dimensionBefore.test(s.slice(0, m.index)),
  },
  // 对所有从中国出口到美国的商品征收了一半的关税: a levy set by law, like 税率, not a share of the world.
  { gate: /一半的/u, kind: '半数比例', pattern: /一半的/gu, when: (r, s) => !r.personal && worldScope.test(s) && !/征收|加征|关税/u.test(s) },
  // 三分之一的成年人、万分之一的概率、四分之一的外卖包装 (not 锅的三分之二、捞三分之一出来).
  { gate: /分之/u, kind: '分数比例', pattern: new RegExp(`(?:${cn}|\\d+)分之(?:${cn}|\\d+)`, 'gu'), when: (r, s, m) => !r.personal && !m[0].startsWith('百分之') && fractionIsShare(s, m.index!, m.index! + m[0].length) },
  // 每十个年轻人中就有七个、十个人里有八个、一百家奶茶店中有三十二家、每三秒就卖出一台.
  {
    gate: /有/u, kind: '每 N 个中有 M 个',
    pattern: new RegExp(
      `每?${num}(?:个|位|名|户|家)?[^，。；]{0,10}?(?:中|里|当中|之中)[，,]?\\s*(?:就|便|即)?(?:有|会有)(?:近|约)?${num}(?:个|位|名|户|家|人)`,
      'gu',
    ),
    when: (r, s, m) => !r.personal && new RegExp(`${people}|[位名户家]`, 'u').test(m[0]) && !namedGroup(s.slice(0, m.index)),
  },
  { gate: /每/u, kind: '每 N 个中有 M 个', pattern: new RegExp(`每${num}(?:个|位|名)?${people}(?:中|里)?[，,]?\\s*(?:就|便)?有${num}(?:个|位|名|人)?`, 'gu'), when: notPersonal },
  { gate: /每/u, kind: '频率统计', pattern: new RegExp(`每${num}?(?:秒|分钟|小时|天)钟?(?:就|便)?(?:卖出|售出|成交|卖掉|有)${num}(?:台|件|份|单|瓶|个|盒|人)`, 'gu') },
  // 翻了一番、翻两番、翻倍、多了一倍、高出两倍、是线下的三倍、1.5 倍于.
  {
    gate: /倍|番/u, kind: '倍数变化',
    pattern: new RegExp(
      `(?:翻了?(?:${cn}|\\d+)番|(?:一夜|一年|几年|${num}年)?翻了?一?倍|(?:增长|上涨|涨|增加|提高|提升|上升|高出|多出|多|延长|扩大|减少|下降|降低|缩小|少|偏多|偏少|高|低)了?(?:近|约|超过|将近|足足)?\\s*${num}\\s*倍|是[^，。；]{1,16}?的(?:近|约)?\\s*${num}\\s*倍|${num}\\s*倍于)(?![重大长宽高厚粗深])`,
      'gu',
    ),
    when: (r, s, m) => reportedChange(r, s, m) && !(m[0].startsWith('是') && measured.test(s)) && !multipleOfThing(s, m.index!),
  },
  // 全国有将近一亿人、我国茶叶年产量超过三百万吨、每年有超过一千万人.
  // NTS 负责管理全国 270 多座历史建筑……和 7.6 万公顷土地: what a body has in its charge is its record; 全国 is its remit.
  {
    gate: worldScope, kind: '总量', pattern: new RegExp(big, 'gu'),
    when: (r, s, m) => !r.personal && scopeInClause.test(clauseOf(s, m.index!)) && !inCharge.test(clauseOf(s, m.index!)) && !dialled(s, m),
  },
  {
    gate: /每[年天月日]/u, kind: '总量', pattern: new RegExp(`每(?:年|天|月|日)[^，。；]{0,12}?(?:近|将近|接近|超过|超|逾|约|高达|多达|上|数|几|有)\\s*${magnitude}`, 'gu'),
    when: (r, s, m) => {
      const after = s.slice(m.index! + m[0].length);
      return notPersonal(r) && !workload.test(after) && !(carriage.test(m[0]) && carried.test(after));
    },
  },
  // 年销百万瓶、用户突破 1000 万、十万患者亲证.
  {
    gate: /销|售|营|用户|会员|粉丝|服务|帮助|覆盖/u, kind: '销量或用户数',
    pattern: new RegExp(
      `(?:年销|月销|日销|销量|销售额|累计销售|已售|卖出|售出|营收|营业额|用户数|用户量|注册用户|会员数|粉丝数|服务|帮助|覆盖)(?:已|累计)?(?:超|超过|突破|破|达|达到|近|逾|高达|多达)?\\s*(?:${magnitude}|百万|千万)`,
      'gu',
    ),
  },
  { gate: /用户|会员|粉丝|学员|客户|顾客/u, kind: '销量或用户数', pattern: new RegExp(`(?:用户|会员|粉丝|学员|客户|顾客)(?:数|量)?(?:已|累计)?(?:超|超过|突破|破|达到|达|近|逾|高达|多达)\\s*(?:${magnitude}|百万|千万)`, 'gu') },
  {
    gate: /[万亿]|上[百千]|数[十百千]|几[十百千]|\d{5}/u, kind: '销量或用户数',
    pattern: new RegExp(`${magnitude}(?:名|位|个|户)?(?:用户|患者|客户|顾客|学员|家长|会员|粉丝|买家|消费者|家庭|读者|宝妈|妈妈|人次|女性)的?(?:选择|好评|亲证|见证|认证|推荐|使用|购买|复购|回购|验证|体验|认可|青睐|都在用)`, 'gu'),
  },
  // 人均每年、城市白领的平均通勤时间达到 50 分钟 (not 这家店人均 89 元).
  // 人均收入 with no figure names a measure (较低的人均收入是动乱的起因), not a statistic.
  {
    gate: /人均/u, kind: '平均数', pattern: /人均(?=[^，。；]{0,6}?(?:每[年天月]|收入|可支配|寿命|GDP|存款|支出|住房|面积|消费支出))/gu,
    when: (r, s, m) => notPersonal(r) && figureIn(clauseOf(s, m.index!).slice(clauseOf(s, m.index!).indexOf('人均'))),
  },
  {
    gate: /平均/u, kind: '平均数',
    pattern: new RegExp(`${people}的?平均[^，。；]{0,12}?(?:达到?|超过|高达|为|是|约|近|有|提分|提高|增加|减少|长达|不足|在)?\\s*(?:\\d|[一二两三四五六七八九十百千万])`, 'gu'),
    when: (r) => !r.personal && !r.instruction,
  },
  // 通过率最高、好孕率领先全省、复购率排名第一、在国内消费中排在第二位、收益率在同类中排名中等.
  // (销量第一、回购率遥遥领先 are absolute terms, 广告法第九条第三项, and left to that rule.)
  { gate: /最高|最低|最快|领先|居首|位居|名列|位列|排名|排在|高于行业|低于行业/u, kind: '排名比较', pattern: new RegExp(`${rankedRate}[^，。；]{0,8}?(?:最高|最低|最快|领先全[国省市球]|领先行业|居首|位居|名列|位列|排名|排在|高于行业|低于行业)`, 'gu') },
  {
    gate: /排名|排在|位居|名列|位列|位于/u, kind: '排名比较',
    pattern: new RegExp(`(?:国内|全国|全球|世界|行业|同类|同行|全省|全市|市场|业内)[^，。；]{0,10}?(?:排名|排在|位居|名列|位列|位于)(?:第${num}|前${num}|中等|靠前|中游|前列|首位|榜首)`, 'gu'),
    // 世界排名第一的球员: a player's place in a sport's ranking is a record of the game, not a market figure.
    when: (_r, s, m) => !sportRanked.test(s.slice(m.index! + m[0].length, m.index! + m[0].length + 8)),
  },
  // 连续七年下降.
  { gate: /连续/u, kind: '变化趋势', pattern: new RegExp(`连续${num}年[^，。；]{0,4}?(?:下降|上升|增长|减少|下滑|上涨|攀升|走低|走高|递增|递减)`, 'gu'), when: notPersonal },
];

const sportRanked = /^的?(?:球员|选手|球手|棋手|种子|运动员|球队|网球|高尔夫)/u;

const percentGate = /%|百分之/u;
const shareNoun = new RegExp(`^的?(?:${people}|概率|几率|可能|机会|风险|人口|比例)`, 'u');
const recipeNoun = /^的?(?:水|油|糖|盐|面粉|面|米|汤|汤汁|酱|醋|奶|蛋|肉|菜|料|粉|酒|汁|量|分量|食材|时间|长度|高度|宽度|深度|容量|锅|碗|杯|勺|块|段|片|部分|位置|处|时)/u;
const clauseOpening = /(?:^|[，,；;：:。！？!?])\s*(?:其中|约|大约|近|将近|超过|有|只有|仅有)?\s*$/u;

/** A fraction is a share of people or things in the world, not a part of the pan or the dough. */
function fractionIsShare(sentence: string, from: number, to: number): boolean {
  const after = sentence.slice(to);
  if (shareNoun.test(after)) return true;
  if (recipeNoun.test(after)) return false;
  const before = sentence.slice(0, from);
  if (/(?:占|比例为?|只有|仅有|不到|不足)\s*$/u.test(before)) return true;
  return clauseOpening.test(before) && /^的/u.test(after);
}

/** Every statistic in a sentence, in order; overlapping finds are merged into the first. */
export function findClaims(sentence: string): Claim[] {
  let reading: Reading | undefined;
  const read = () => (reading ??= readSentence(sentence));
  const claims: Claim[] = [];
  for (const { gate, kind, pattern, when } of patterns) {
    if (!gate.test(sentence)) continue;
    for (const match of sentence.matchAll(pattern)) {
      if (when && !when(read(), sentence, match)) continue;
      claims.push({ start: match.index, end: match.index + match[0].length, kind });
    }
  }
  if (percentGate.test(sentence)) {
    for (const match of sentence.matchAll(percentage)) {
      const found = percentageKind(sentence, match.index, match.index + match[0].length, read());
      if (found) claims.push({ start: found.start, end: match.index + match[0].length, kind: found.kind });
    }
  }
  // A plan's target or a definition holds no figure about the world; asked only once a claim is seen.
  if (!claims.length || setsTarget(sentence) || definesTerm(sentence)) return [];
  const kept: Claim[] = [];
  for (const claim of claims.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (inRefutedQuote(read(), claim.start)) continue;
    const last = kept.at(-1);
    if (last && claim.start < last.end) continue;
    kept.push(claim);
  }
  return kept;
}
