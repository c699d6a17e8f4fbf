import type { Reading } from './reading.ts';
import { changeVerb, outcomeRate, people, worldScope } from './vocabulary.ts';

/**
 * Whether a percentage is a statistic, read from the words around it in its clause. Most percentages in ordinary
 * prose are not: 酒精度 12%、糖占 5%、电量 20%、税率 13%、首付 30%、音量调到 30%. A percentage is a claim about the
 * world when it is an outcome rate (通过率 100%、离婚率 40%), a change (上涨了 12%、血压降低 20%), a share of
 * people (90% 的人、学员 92% 通过), an effect (去除 99% 的细菌), a guarantee (本息 100% 安全) or past returns
 * (历史年化收益 9%).
 */
export const percentage = /\d+(?:\.\d+)?\s*%|百分之(?:百|[零一二两三四五六七八九十]+(?:点[零一二三四五六七八九]+)?)/gu;

const clauseBreak = /[，,；;：:、（()）。！？!?\n]/u;
const filler = /(?:高达|多达|达到|已达|可达|达|约为|约等于|≈|约|为|是|近|接近|超过|超|逾|仅|只有|不到|不足|突破|保持在|控制在|在|了|\s)+$/u;

const rateHead = new RegExp(`${outcomeRate}$`, 'u');
const pastReturns = /(?:历史|过去|以往|成立以来|近[一二三四五六七八九十\d]+年|去年|前年)[^，。]*(?:年化|收益率?|回报率?|涨幅)/u;
const changeHead = new RegExp(`${changeVerb}了?$`, 'u');
/** 患病的风险低 15%、中奖概率提高 20%: a risk or chance that differs by a figure. */
const riskHead = /(?:风险|概率|几率|可能性)[^，。]{0,2}?(?:低|高|降低|增加|升高|提高|减少|下降|上升)了?$/u;
const comparedHead = /比[^，。]{1,12}?(?:高|低|多|少|快|慢)(?:了|出)?$/u;
const peopleTail = new RegExp(`^\\s*(?:以上|左右|以下)?的?(?:中国|国内|城市|农村|年轻|中老年|老年|成年)?${people}`, 'u');
const peopleHead = new RegExp(`${people}$`, 'u');
const outcomeTail =
  /^\s*(?:的人?)?(?:都|均|全部)?(?:通过|拿到|考上|考入|进入?|上岸|满意|复购|回购|好评|推荐|选择|认为|表示|支持|反对|喜欢|愿意|不知道|不会|患|死于|录取|就业|入职)/u;
const allTail = /^\s*(?:都|均|全部|全都)(?:通过|拿|考|进|上|录取|就业|入职|满意|好评|复购|回购|推荐|选择|有|会|能|不知道|不会)/u;
const effectHead = /(?:去除|杀灭|杀死|清除|抑制|消灭|过滤|阻隔|阻挡|隔绝|吸收|淡化|抗|除|杀)$/u;
const guaranteeTail = /^\s*的?(?:安全|有效|治愈|见效|成功|通过|满意|好评|录取|上岸|就业|入职|拿证|回本|保本|到账|兑付|正品)/u;
/** 人体 70% 是水、地球 71% 的表面: the make-up of nature, a claim about the world. */
const worldHead = /(?:人体|人脑|大脑|地球|地表|海洋|大气|宇宙)$/u;
const deniedHead = /(?:不|没有|并非|无法|未必|难以)[^，,。；]{0,8}$/u;
const range = /^\s*(?:-|~|～|—|–|至|到)\s*\d/u;
/** A trading session's quote (截至收盘，沪指报收 2011 点，涨幅 1.06%): a figure of record the exchange publishes. */
const marketQuote = /报收|收盘|收报|开盘|盘中|收市/u;
/** A rate of play in a season or a match (这支球队上赛季的胜率只有 35%): a record of the game, like its score. */
const playRate = /(?:胜率|命中率|射正率|成功率|扑救率|控球率|得分率|上座率)$/u;
const sport = /球队|队|赛季|比赛|球员|选手|联赛|主场|客场|决赛|锦标赛|杯赛/u;
/** A traded price moving (股价下跌 3.2%、油价上涨 5%): the market's own record, like a quote. */
const tradedPrice = /股价|股指|汇率|油价|金价|期货|币价/u;
/**
 * A change of a thing's physical property (亮度增加了 20%、增加了 2% 的亮度), or of a line's or a station's traffic (客流量):
 * a measurement of that thing, not a claim about people.
 */
export const property =
  '(?:亮度|温度|湿度|速度|重量|体积|长度|高度|面积|密度|浓度|压力|电压|转速|质量|光度|性能|效率|吞吐量|功耗|续航|带宽|延迟|分辨率|代码量|代码行数|内存|耗时|运行时间|启动时间|响应时间|执行时间|文件大小|包大小|客流量|客运量|货运量|载客量)';
const propertyTail = new RegExp(`^\\s*的?${property}`, 'u');
const propertyHead = new RegExp(`${property}[^，,。；]{0,10}$`, 'u');
/** A property that changed, measured on one thing: 全国铁路客流量、国内程序员的代码量 are counted over a country, a statistic. */
const measuredProperty = (head: string, tail: string) => (propertyTail.test(tail) || propertyHead.test(head)) && !worldScope.test(head);

/** What kind of statistic the percentage at `from..to` of `sentence` is, and where its claim starts (复购率 92%). */
export function percentageKind(sentence: string, from: number, to: number, reading: Reading): { kind: string; start: number } | undefined {
  const kind = classify(sentence, from, to, reading);
  if (!kind) return undefined;
  if (kind !== '比率') return { kind, start: from };
  let start = from;
  while (start > 0 && !clauseBreak.test(sentence[start - 1]!)) start--;
  const rate = new RegExp(outcomeRate, 'u').exec(sentence.slice(start, from));
  return { kind, start: rate ? start + rate.index : from };
}

function classify(sentence: string, from: number, to: number, reading: Reading): string | undefined {
  if (reading.ownMeasure) return undefined;
  let start = from;
  while (start > 0 && !clauseBreak.test(sentence[start - 1]!)) start--;
  let end = to;
  while (end < sentence.length && !clauseBreak.test(sentence[end]!)) end++;
  const rawHead = sentence.slice(start, from);
  const head = rawHead.replace(filler, '');
  const tail = sentence.slice(to, end);
  const token = sentence.slice(from, to);
  if (rateHead.test(head)) return marketQuote.test(sentence) || (playRate.test(head) && sport.test(sentence)) ? undefined : '比率';
  if (pastReturns.test(rawHead)) return '历史收益';
  if (changeHead.test(head) || comparedHead.test(head) || riskHead.test(head)) {
    const ranged = range.test(tail) || /[-~～—–至到]\s*$/u.test(rawHead);
    const past = reading.historical || /了\s*$/u.test(rawHead);
    // 升值 50%、回报 8% without a past are what a seller promises (广告法第二十五、二十六条), not a statistic.
    const promised = (reading.offer || /(?:升值|增值|涨价)$/u.test(head)) && !past;
    const quoted = marketQuote.test(sentence) || tradedPrice.test(rawHead);
    if (!reading.personal && !reading.instruction && !reading.cooking && !ranged && !promised && !quoted && !measuredProperty(head, tail)) return '变化幅度';
  }
  if (peopleTail.test(tail)) return '人群比例';
  if (worldHead.test(head)) return '构成比例';
  if ((peopleHead.test(head) && outcomeTail.test(tail)) || (head === '' && allTail.test(tail))) return '人群比例';
  if (effectHead.test(head) && /^\s*的/u.test(tail)) return '功效比例';
  // 永远不能被认为是 100% 安全的: a guarantee denied is a warning, not a promise.
  if (/^(?:100|百分之百)/u.test(token) && guaranteeTail.test(tail) && !deniedHead.test(rawHead)) return '保证';
  return undefined;
}
