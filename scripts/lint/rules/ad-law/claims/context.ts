import { compile, fold, matches as test } from './pattern.ts';

/** What the account declares it sells (account.yaml `industry:` and `products:`), parsed from the plain object. */
export interface AccountFacts {
  industries: ReadonlySet<string>;
  /** Own brand, product and shop names, folded as lint folds text. */
  products: readonly string[];
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : []);

export function accountFacts(account: Record<string, unknown>): AccountFacts {
  return { industries: new Set(strings(account['industry'])), products: strings(account['products']).map(fold).filter((p) => p.length >= 2) };
}

export const medicalIndustries = ['medical', 'pharma', 'medical-device', 'medical-beauty'] as const;
export const hasAny = (facts: AccountFacts, industries: readonly string[]) => industries.some((i) => facts.industries.has(i));

// Who speaks of the thing sold: the seller (本品、我们、本院), a demonstrative on a product (这款、这瓶), a price or buy
// call. 这道/这种 are left out: recipes and explainers use them for dishes and kinds. A guide's 我们 advising or
// knowing (我们建议、我们从上文知道、在我们的视野之内、我们还有资料可供参考) is the writer's voice, not a seller's.
const seller = compile(
  '本(?:品|店|院|产品|项目|课程|机构|校|公司|中心|诊所|药店|楼盘|茶|款|团队|平台|基金)|' +
    '我们(?!建议|认为|知道|从(?:上文|前文|上表|上图|图表|表中)|可以看到|看到|还有资料|的视野|(?:仅|只|一般|通常)推荐)|我院|我司|我店|我家|咱家|咱们|' +
    '这款|此款|该款|这个(?:牌子|产品|品牌|项目|课|班)|这[瓶支盒杯套块台罐袋包粒片剂贴]|这家(?:医院|诊所|医馆|中医馆|机构|门诊|店)',
);
const sales = compile('[¥￥]|[0-9]+元|立即购买|点击购买|扫码|下单|抢购|包邮|到手|预订|预约|限时|特价|优惠|立减|报名|咨询电话|免费试用|速来|速上车');
const consumption = compile('喝|吃|服用|服下|涂|抹|敷|贴上|用了|用我们|戴上|佩戴|泡水|含1片|照射|做完|打完|按摩|疗程');

/** True when the sentence talks about what is advertised: the seller, one of its products, a price or buy call. */
export function advertised(sentence: string, facts: AccountFacts): boolean {
  return test(seller, sentence) || test(sales, sentence) || facts.products.some((p) => sentence.includes(p));
}

/** True when the sentence speaks of eating, drinking or using something: the way a remedy is claimed. */
export function speaksOfUse(sentence: string): boolean {
  return test(consumption, sentence);
}

export function sellerSpeaks(sentence: string, facts: AccountFacts): boolean {
  return test(seller, sentence) || facts.products.some((p) => sentence.includes(p));
}

// A sentence that talks about claims instead of making one: a warning, a myth, a rule, a disclaimer, a regulator.
const meta = compile(
  '误区|骗局|谣言|传言|传闻|流言|谣传|辟谣|被(?:自行)?删除|违法|违规|虚假|不现实|不等于|不代表|只是(?:一种)?(?:民间)?(?:说法|风俗|习俗|心愿|口头禅|心理安慰)|民间说法|民间有|' +
    '注意[^,。!?]{0,6}?风险|立即停药|没有科学依据|轻信|警惕|当心|谨防|提防|小心|识别|辨别|分清|不承诺|不作承诺|不作任何承诺|不提供|不组织|不推荐|允许|经注册|注册的|' +
    '备案的|注册证|声称的|字样|被罚|处罚|罚款|查处|禁止|不得|严禁|依法|法规定|规定|可能损失|风险等级|谨慎|(?<![没无])有风险|仅供参考|' +
    '不构成|不是药|不是药物|并没有|科普|请到正规|请就医|及时就医|遵医嘱|要看医生|咨询医生|问医生|不要自行',
);

/** True when the sentence warns, explains or disclaims rather than claims (化妆品不能治疗皮肤病、谨防保本骗局). */
export function isMeta(sentence: string): boolean {
  return test(meta, sentence);
}

const negator = /(?:不|没|无法|未|非|别|勿|难以|拒绝)/u;
const notNegating = /不(?:错|少|断|同|久|仅|管|如|过|光|但|只|止|一样)/gu;

/**
 * True when the words just before `start` (same clause, quotation marks ignored) negate what follows:
 * 没有药物能治愈近视、非保本、我们没有“包过班”.
 */
export function negated(sentence: string, start: number): boolean {
  let from = start;
  while (from > 0 && start - from < 8 && !/[,:;()!?、]/u.test(sentence[from - 1]!)) from--;
  const window = sentence.slice(from, start).replace(/[“”"'「」‘’]/gu, '').replace(notNegating, '');
  return negator.test(window);
}

// A custom, a rite or a belief told as what others do or did (举行开光仪式、据说可以带来财运、家人希望他转转运、
// 闰月生的，五行缺土，所以他的父亲叫他闰土): 广告法第九条第（八）项 bans claiming such effects, not describing a custom.
// Wearing, placing or buying the thing (戴上、摆上、请回家) is using it, and stays a claim.
const custom = compile('据说|相传|传说|民间|习俗|风俗|信仰|信众|香客|善信|参拜|供奉|祭祀|祭拜|仪式|举行|落成|庙会|希望|生的|名叫|叫他|叫她');
const usingIt = compile('戴上|戴着|佩戴|摆上|摆在|放在|随身|带上|请回家|请1|购买|下单|只要|就能|即可');

export function describesCustom(sentence: string): boolean {
  return test(custom, sentence) && !test(usingIt, sentence);
}

// Science reported, or a body that is not a person's: 科学家将试验一种治疗方法、果蝇抵抗病毒侵袭、兰花的病虫害防治.
// A remedy or food in the sentence (喝茶的人、咖啡能降低抑郁风险、茶多酚) keeps it a health claim whoever found it.
const science = compile('科学家|研究|临床试验|试验|实验室|论文|期刊|被证明|被证实|有猜测|猜测认为|推测');
const notPeople = compile('果蝇|小鼠|老鼠|大鼠|实验动物|动物实验|作物|农作物|庄稼|病虫害|虫害|果树|苗木|家禽|家畜|牲畜');

export function reportsScience(sentence: string, remedy: RegExp, uses: boolean): boolean {
  if (test(notPeople, sentence)) return true;
  // 为研发新的抗病毒药物提供线索: a drug still to be developed is nobody's product; Cas13d 蛋白 is a molecule named by
  // its code, no protein powder.
  const named = sentence.replace(/(?:研发|开发|研制|正在研究|在研究)[^,。!?]{0,16}/gu, '').replace(/[a-z][a-z0-9-]*[0-9][a-z0-9-]*\s*(?:蛋白|酶|受体)/giu, '');
  return test(science, sentence) && !uses && !test(remedy, named);
}

// A health authority reporting or deciding (美国食品药品监督管理局批准这种药物用于治疗肺癌、卫生部长表示疫苗的有效率超过
// 90%): public health news, not a seller's claim. 推荐、认证 by an authority are a state-organ endorsement, and stay.
const authority = compile(
  '(?:卫生部|卫生部长|卫生部门|卫健委|疾控中心|疾病预防控制中心|疾病控制与预防中心|世卫组织|世界卫生组织|药监局|药品监督管理局|食品药品监督管理局|药品管理局|fda|cdc|who|ema)' +
    '[^,。!?]{0,8}?(?:批准|宣布|表示|称|发布|通报|警告|指出|说|确认|公布)',
);

// A researcher of a named research body reporting a trial (美国国家癌症研究所研究员博卓夫斯基表示：“我们的试验结果显示……”):
// science news. A hospital's or a clinic's doctor is not in it: their word on a cure is an endorsement (广告法第十六条).
const researcher = compile(
  '(?:研究所|研究院|研究中心|科学院|实验室|大学)[^,。!?；;]{0,8}?(?:研究员|研究人员|科学家|研究团队|教授)[^,。!?；;]{0,10}?(?:表示|说|称|指出)',
);

export function reportsAuthority(sentence: string): boolean {
  return test(authority, sentence);
}

/** Whether the sentence is a research body's researcher speaking; their 我们 is the team, not the seller. */
export function reportsResearcher(sentence: string): boolean {
  return test(researcher, sentence);
}

// A firm's own people speaking of its goods, attributed after the words as news writes it (这种产品能帮助您入睡，来自
// 丹佛市公司总部的 Dietrich 说): the writer reports what another company says. A hospital's or a doctor's word is left
// out (an endorsement, 广告法第十六条), and 本品、这款 keep the sentence the seller's own before this is asked.
const companySpeaker = compile(
  '^[^。!?;]*?[,，—]\\s*[^,，。!?;；“”"]{0,30}?(?:公司|集团|企业|总部|厂商|制造商|生产商)[^,，。!?;；“”"]{0,12}?(?:说道|说|表示|称|介绍)(?=[,，。!?;；]|$)',
);

/** True when the text after a claim attributes it to a company's speaker (……，该公司总部的 Dietrich 说). */
export function reportsCompanySpeech(after: string): boolean {
  return test(companySpeaker, after);
}
