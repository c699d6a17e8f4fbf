/**
 * What each `industry:` of account.yaml sells, as the nouns copy uses for it, so a superlative on 岩茶 in a tea
 * account reads as describing the goods. The nouns are the goods and services named in the guidance and cases
 * the corpus cites (SOURCES.md S09–S30, S45, S48, S51): 茶叶、食品 (S14–S17), 化妆品 (S07–S10, S54), 保健食品 (S11–S13,
 * S55), 医疗与药品 (S04–S06, S48), 教育培训 (S18–S21), 金融理财 (S22–S25), 房地产 (S26–S30, S50–S52) and the
 * e-commerce goods of S45.
 */
const goods: Record<string, readonly string[]> = {
  tea: ['茶叶', '红茶', '白茶', '绿茶', '黑茶', '黄茶', '岩茶', '花茶', '春茶', '新茶', '茶饼', '茶', '大红袍', '龙井', '碧螺春', '铁观音', '金骏眉', '小种', '滇红', '单丛', '水仙', '普洱', '乌龙'],
  food: [
    '食品', '零食', '月饼', '糕点', '点心', '饼干', '坚果', '蜂蜜', '大米', '稻花香', '牛肉干', '肉干', '腊肉', '香肠', '辣酱',
    '调味酱', '酱料', '底料', '芝麻丸', '牛轧糖', '糖果', '巧克力', '鲜花饼', '桂花糕', '咖啡', '牛排', '牛奶', '奶粉', '酸奶',
    '果汁', '饮料', '饮品', '燕麦', '特产', '美食', '礼盒', '年货', '粽子', '罐头',
  ],
  alcohol: ['白酒', '红酒', '葡萄酒', '啤酒', '黄酒', '米酒', '威士忌', '酒水'],
  'health-food': ['保健品', '保健食品', '营养品', '补充剂', '鱼油', '益生菌', '蛋白粉', '维生素', '钙片', '胶原蛋白', '褪黑素', '酵素'],
  medical: ['医院', '诊所', '门诊', '医生', '医师', '专家', '名医', '科室', '疗法', '疗效', '诊疗', '体检', '坐诊', '专科', '男科', '眼科', '牙科', '种植牙'],
  pharma: ['药品', '药物', '新药', '特效药', '中药', '降压药', '降糖药', '胶囊', '冲剂', '药'],
  'medical-device': ['医疗器械', '器械', '血糖仪', '血压计', '按摩仪', '理疗仪', '助听器', '仪器'],
  'medical-beauty': ['医美', '整形', '玻尿酸', '热玛吉', '水光针', '美容院', '皮肤管理'],
  cosmetics: [
    '化妆品', '护肤品', '彩妆', '面霜', '乳液', '精华', '爽肤水', '化妆水', '面膜', '眼霜', '洁面', '洗面奶', '防晒', '口红', '唇膏',
    '粉底', '气垫', '眼影', '睫毛膏', '香水', '精油', '身体乳', '洗发水', '色号', '护肤',
  ],
  education: ['课程', '网课', '课', '培训', '辅导', '补习', '机构', '名师', '讲师', '师资', '题库', '教材', '训练营', '考研', '公考', '雅思'],
  finance: ['理财', '基金', '债券', '信托', '保险', '年金', '贷款', '借款', '存款', '收益', '利率', '投顾', '券商', '信用卡'],
  'real-estate': [
    '楼盘', '房源', '房子', '房产', '住宅', '豪宅', '别墅', '叠墅', '洋房', '公寓', '商铺', '旺铺', '写字楼', '小区', '户型', '得房率',
    '精装房', '学区房', '好房', '新房', '江景', '湖景', '海景', '景观', '地段',
  ],
  ecommerce: [
    '好物', '单品', '新品', '同款', '款式', '面料', '家电', '手机', '耳机', '电脑', '吸尘器', '扫地机', '破壁机', '空气炸锅', '洗碗机',
    '冰箱', '床垫', '冲锋衣', '羽绒服', '行李箱', '保温杯', '家具',
  ],
};

/** Nouns that name goods for sale whatever the industry: the superlative on them is a claim about what is sold. */
export const commercialNouns = ['产品', '商品', '品牌', '品质', '正品', '爆款', '好物', '神器', '单品', '性价比', '口碑', '销量', '大牌'];

export const industryNames: Record<string, string> = {
  tea: '茶叶', food: '食品', alcohol: '酒类', 'health-food': '保健食品', medical: '医疗', pharma: '药品', 'medical-device': '医疗器械',
  'medical-beauty': '医疗美容', cosmetics: '化妆品', education: '教育培训', finance: '金融理财', 'real-estate': '房地产', ecommerce: '电商商品',
};

/** What the rules know of the account: what it sells and what it calls itself. */
export interface AccountProfile {
  /** Declared industries; empty when account.yaml names none (then every industry's goods count). */
  industries: string[];
  /** The account's name and its `products:` (brands, products, shops), for 本店-like readings. */
  own: string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads `industry`, `products` and `name` of account.yaml as plain data; anything else is ignored. */
export function accountProfile(account: Record<string, unknown>): AccountProfile {
  const name = typeof account.name === 'string' ? [account.name] : [];
  const own = [...name, ...strings(account.products)].map((s) => s.trim().toLowerCase()).filter((s) => [...s].length >= 2);
  return { industries: strings(account.industry).filter((i) => i in goods), own };
}

export interface GoodsHit {
  noun: string;
  industry: string;
  /** Whether the account declares this industry (or declares none). */
  own: boolean;
}

/** Longer words a goods noun begins that are no goods: 基金会 is a foundation, 保险箱 a safe, 课题 a research topic. */
const otherWord: Record<string, RegExp> = { 基金: /^会/u, 保险: /^(?:丝|箱|柜|杠)/u, 课: /^(?:题|间)/u, 茶: /^几/u };

/** Where `noun` first stands in `text` as itself, not as the start of another word; -1 when nowhere. */
function indexOfNoun(text: string, noun: string): number {
  const other = otherWord[noun];
  for (let at = text.indexOf(noun); at >= 0; at = text.indexOf(noun, at + 1)) {
    if (!other?.test(text.slice(at + noun.length))) return at;
  }
  return -1;
}

/** The goods noun that comes first in `text` (the longer one where two start together), the account's industries first. */
export function goodsIn(text: string, profile: AccountProfile): GoodsHit | undefined {
  const declared = profile.industries.length ? profile.industries : Object.keys(goods);
  const others = Object.keys(goods).filter((i) => !declared.includes(i));
  for (const [industries, own] of [[declared, true], [others, false]] as const) {
    let best: (GoodsHit & { at: number }) | undefined;
    for (const industry of industries) {
      for (const noun of goods[industry]!) {
        const at = indexOfNoun(text, noun);
        if (at >= 0 && (!best || at < best.at || (at === best.at && noun.length > best.noun.length))) best = { noun, industry, own, at };
      }
    }
    if (best) return { noun: best.noun, industry: best.industry, own: best.own };
  }
  return undefined;
}
