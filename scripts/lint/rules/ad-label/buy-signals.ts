/**
 * Ways to buy that a sentence carries (SOURCES.md decision 4; 《互联网广告管理办法》第九条: 知识介绍、体验分享、消费测评
 * 等形式推销商品并附加购物链接等购买方式的，应当显著标明“广告”). Strong signals are a way to buy on their own: a coupon
 * code or 口令, a call to buy (立即购买、马上下单), a channel with a buy verb (点击链接购买、扫码下单、私信下单), a
 * purchase link, 下单立减. Weak ones (预约、报名、开户、领券) count with a channel or a call and a price or perk
 * (扫码预约享九折、立即报名 ¥1999、扫码加微信领取优惠券). 拍下自己的后背、拍下照片 is a pat or a photo, not an order. A price alone (这款手机 3999 元起) or a buy verb alone (请提前下单) is not.
 */
export interface BuySignal {
  start: number;
  end: number;
  kind: string;
}

const code = /(?:优惠码|优惠券码|折扣码|券码|兑换码|口令|暗号)\s*[:：]?\s*[“"「]?[A-Za-z0-9]{3,}|淘口令|[¥￥$€]\s*[A-Za-z0-9]{8,}\s*[¥￥$€]/gu;
const spokenCode = /(?:报|说出?|提)[^，。；]{0,6}?(?:名字|名号|暗号|昵称)[^。；！？]{0,10}?(?:打[^，。；]{0,2}折|优惠|立减|减|送|享)/gu;
const call = /(?:立即|马上|立刻|赶紧|赶快|现在就|速来|快来|一键)(?:购买|下单|抢购|入手|订购|抢|买|加购)|限时抢购|限时秒杀|手慢无/gu;
/** What the reader clicks, scans or messages in the article itself: a way to buy on its own with a buy verb. */
const actionWords = '点击|点这里|点此|戳|扫码|扫描|二维码|长按|链接|商品卡片|下方卡片|阅读原文|橱窗|小黄车|购物车|私信|加微信?';
/** Places in the article or the account (小程序、文末、评论区): a way to buy when a call goes with them (可以直接下单、就能下单). */
const placeWords = '小程序|评论区|置顶|文末|下方';
const channelWords = `${actionWords}|${placeWords}`;
const channel = `(?:${channelWords})`;
const placeCall = '(?:可以|可|就能|就可以|即可|直接|立即|马上|去|来|进入|一键)';
/** Shops elsewhere count when the sentence names or searches one (淘宝搜索店铺“小明茶舍”), not in 直接淘宝购买即可. */
const venue = '(?:淘宝|天猫|京东|拼多多|微店|有赞|抖音|快手|小红书|闲鱼)';
const purchase =
  '(?:(?:购买|下单|抢购|加购|订购|拍下(?!自己|了?(?:照片|视频|画面|这一幕))|入手)(?![流程页面记录过程入口按钮时后前])|(?<!值得|不|别|没|该|要不要|买不|想)买(?![家卖方单过了房车票的菜不]))';
const channelPurchase = new RegExp(
  `(?:${actionWords})[^。！？；]{0,16}?${purchase}|(?:${placeWords})[^。！？；]{0,10}?${placeCall}[^。！？；]{0,4}?${purchase}|${purchase}[^。！？；]{0,4}?(?:链接|卡片|小程序)|${venue}[^。！？；]{0,4}?(?:搜索|搜)[^。！？；]{0,16}?${purchase}`,
  'gu',
);
const privatePrice = /(?:私信|加微信?|加我微信)(?:我|小编)?[^。！？；]{0,6}?(?:内部价|优惠价|底价|团购价|拿货价|折扣|报价|优惠)/gu;
const goodsDirect = new RegExp(`(?:好物|同款|商品|宝贝|清单)[^。！？；]{0,8}?${channel}[^。！？；]{0,6}?直达`, 'gu');
const link = /(?:购买|购物|团购|下单|商品|同款|预订|优惠|领券|带货)链接/gu;
const orderPerk = /(?<!已|[^现]在)下单(?![后时的])(?:即|就|立|还|可|再|就能|即可)?(?:减|享|送|返|赠|打|领|得|免|发货|立减|立享|有礼)/gu;
const pricedBuy = /(?<!满\s*)\d+(?:\.\d+)?\s*元(?:购|秒杀)|[¥￥]\s*\d+(?:\.\d+)?\s*(?:万\s*)?(?:元\s*)?(?:包邮|到手|秒杀)/gu;
const booking = /(?:预约|预订|报名(?![表时人前页资咨])|登记|开户|认购|领券|领取优惠券|抢券|参团|拼团)/gu;
const bookingChannel = new RegExp(`立即|马上|现在|速|赶紧|${channelWords}`, 'u');
const perk =
  /[¥￥]\s*\d|\d+(?:\.\d+)?\s*(?:元|块)|[一二三四五六七八九十百千万]+(?:元|块)|\d+(?:\.\d+)?\s*折|[一二三四五六七八九]{1,2}折|半价|立减|直降|满\s*\d+\s*减|特价|专享|专属|内部价|会员价|折扣|优惠价|福利价|到手价|包邮|送|赠|返现|免佣|加息|礼包|券/u;
const negated = /(?:不|没有|没|无|未|别|拒绝|谢绝)[^，。；]{0,8}$/u;

/** Each pattern with a cheap test the sentence must pass first: most sentences carry no way to buy. */
const signals: Array<[RegExp, RegExp, string]> = [
  [/码|令|[¥￥$€]/u, code, '优惠码或口令'],
  [/名字|名号|暗号|昵称/u, spokenCode, '报暗号优惠'],
  [/立即|马上|立刻|赶紧|赶快|现在就|速来|快来|一键|限时|手慢/u, call, '购买号召'],
  [/购|单|抢|买|拍下|入手/u, channelPurchase, '购买渠道'],
  [/直达/u, goodsDirect, '购买渠道'],
  [/链接/u, link, '购物链接'],
  [/私信|微信/u, privatePrice, '私信拿价'],
  [/下单/u, orderPerk, '下单优惠'],
  [/元|[¥￥]/u, pricedBuy, '价格与购买方式'],
];
const bookingGate = /预约|预订|报名|登记|开户|认购|领券|领取优惠券|抢券|参团|拼团/u;

/** Every way to buy in a sentence, in order, overlapping ones merged. */
export function buySignals(sentence: string): BuySignal[] {
  const found: BuySignal[] = [];
  const add = (pattern: RegExp, kind: string) => {
    for (const m of sentence.matchAll(pattern)) {
      if (negated.test(sentence.slice(0, m.index))) continue;
      found.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  };
  for (const [gate, pattern, kind] of signals) if (gate.test(sentence)) add(pattern, kind);
  if (bookingGate.test(sentence) && bookingChannel.test(sentence) && perk.test(sentence)) add(booking, '预约或报名优惠');
  if (!found.length) return [];
  const kept: BuySignal[] = [];
  for (const s of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept.at(-1);
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

/** Link text that is itself a buy call: 去购买、立即下单、同款链接、领券购买. */
export const buyLinkText = /^(?:去|立即|马上|点击|点我|点此|戳我?)?(?:领券)?(?:购买|下单|抢购|买|入手|加购|购物|预订|抢)(?:同款)?$|同款|购买链接|商品链接|购买入口|购物车/u;
