// Disease, efficacy, safety and endorsement claims (广告法第十六、十七、十八条; 医疗广告管理办法第七条; 药品、医疗器械、
// 保健食品、特殊医学用途配方食品广告审查管理暂行办法第十一条; 互联网广告管理办法第五、六条). Sources: S01, S04–S06, S12–S17,
// S48 in scripts/lint/corpus/SOURCES.md. Patterns are sentence shapes over the tables in medical-terms.ts.
import { PatternMatcher } from '../../../pattern-matcher.ts';
import { compile, fold, has, NUM, type ClaimPattern, type MatchView } from './pattern.ts';
import { clauseEnd, clauseStart } from './sentences.ts';
import * as t from './medical-terms.ts';

export const procedures = [
  '水光针', '玻尿酸', '双眼皮', '隆鼻', '抽脂', '吸脂', '埋线', '种植牙', '干细胞', '热玛吉', '超声刀', '光子嫩肤', '激光', '瘦脸针',
  '肉毒素', '线雕', '植发', '医美', '整形', '隆胸', '磨骨', '削骨', '割双眼皮', '人流', '试管婴儿', '正骨', '针灸', '艾灸', '理疗',
] as const;

const tables: Record<string, readonly string[]> = {
  diseases: t.diseases, indicators: t.indicators, cureVerbs: t.cureVerbs, effectVerbs: t.effectVerbs, results: t.results,
  productNouns: t.productNouns, healthAdvice: t.healthAdvice, endorsers: t.endorsers, patients: t.patients, procedures,
};
/**
 * A disease: one of the table's, or a word ending the way disease names end (鼻窦炎、酒糟鼻 is in the table, 坐骨
 * 神经痛、甲状腺囊肿), so the next disease a seller names is caught without adding it by hand.
 */
const han = '(?:(?![这那个的了种得该此其他她我你们])\\p{Script=Han})';
const disease = `(?:{diseases}|${han}{1,4}?(?:炎(?![热夏])|症(?!状)|癌|瘤|疮|癣|疹|结石|结节|囊肿|溃疡|综合征|综合症|神经痛)|${han}{1,3}?病(?![人房例情历毒菌前程因史理变]))`;
const c = (source: string) => compile(source.replaceAll('{disease}', disease), tables);

const diseaseWords = new PatternMatcher([...t.diseases, ...t.indicators].map((w) => ({ pattern: fold(w), data: true })));
const diseaseEnding = /[炎症癌瘤疮癣疹病痛]|结石|结节|囊肿|综合征/u;
let lastSentence: string | undefined;
let lastMentions = false;

/** True when the sentence names a disease, symptom or indicator; the disease patterns are tried only then. */
export function mentionsDisease(sentence: string): boolean {
  if (sentence !== lastSentence) {
    lastSentence = sentence;
    lastMentions = diseaseEnding.test(sentence) || diseaseWords.search(sentence).length > 0;
  }
  return lastMentions;
}

export const productSubject = c('{productNouns}');
/** 新闻中心主任王想平介绍说：我们……: a press office's head speaks for a body, no doctor vouching for a remedy. */
const spokesman = (v: MatchView) => /(?:新闻中心|新闻办公室|新闻办|宣传部|宣传处)$/u.test(v.sentence.slice(0, v.start));
const productWithModal = c('(?:{productNouns})[^,。!?]{0,2}?(?:能|可以|可|有助于|帮助|具有)');
const adviceSubject = c('{healthAdvice}');
const dose = c(`${NUM}(?:个)?(?:天|周|个月|月|次|贴|盒|瓶|疗程|片|粒|包|针|周期)|当天|当场|立刻|马上|一夜|1夜`);
const medicalCue = c('{procedures}|手术|治疗|疗法|疗程|药|医院|本院|我院|诊所|门诊|专科|康复|理疗');

/** A product (桑叶茶、鱼油、治疗仪) is the subject of the clause the claim sits in, and no health advice is. */
export function productIsSubject(view: MatchView): boolean {
  const clause = view.sentence.slice(clauseStart(view.sentence, view.start), view.start);
  if (has(adviceSubject, clause)) return false;
  // 桑叶茶有助于…、陈年普洱能…: a product noun, or any short noun phrase with a modal, heads the clause.
  if (has(productSubject, clause) || /^[^,:]{1,10}(?:能|可以|可|有助于|能够|能有效|可有效)$/u.test(clause)) return true;
  // 蒲公英根茶能疏通乳腺，预防乳腺增生: the product named with a modal in the first clause carries the sentence.
  const head = view.sentence.slice(0, Math.min(clauseEnd(view.sentence, 0), view.start));
  return has(productWithModal, head) && !has(adviceSubject, head);
}

/** 治好了他的“恐高症”: a disease word in short quotation marks is a figure of speech, not a claim. */
const scareQuoted = (view: MatchView) => view.quoted !== 'none';

const byProductOrUse = (view: MatchView) => view.advertised || view.uses || productIsSubject(view) || has(dose, view.sentence);
const inMedicalSetting = (view: MatchView) => view.advertised || view.uses || has(medicalCue, view.sentence);

const cure = '本品不是药品，不得宣称治疗、治愈疾病；医疗机构和药品也不得保证疗效。';
const effect = '不得宣传预防、治疗疾病或改善病症的功能；如实描述商品本身（口感、成分、用法）。';
const guarantee = '不得对功效、安全性作断言或保证（如保证有效、无效退款、永不复发、无副作用）。';

export const medicalPatterns: ClaimPattern[] = [
  { label: '疾病治疗功能', gate: mentionsDisease, family: 'medical', requires: 'always', accept: (v) => !scareQuoted(v), message: cure,
    // A list (病虫害防治、病毒检测) holds separate items: the verb and the disease must stand in one.
    regex: c('(?:{cureVerbs})(?:了|好|掉|愈)?[^,、。!?]{0,4}?(?:{disease})') },
  { label: '疾病治疗功能', gate: mentionsDisease, family: 'medical', requires: 'always', message: cure,
    regex: c('(?:{disease})[^,。!?]{0,8}?(?:治好|治愈|痊愈|根治|断根|除根|能治|可治)') },
  { label: '疾病预防、治疗功能', gate: mentionsDisease, family: 'medical', requires: 'advertised', accept: byProductOrUse, message: effect,
    regex: c('(?:{effectVerbs})(?:了|掉|住|好)?[^,、。!?]{0,4}?(?:{disease}|{indicators})|杀灭[^,。!?]{0,6}?(?:菌|病毒|螨)') },
  { label: '疾病治疗效果', gate: mentionsDisease, family: 'medical', requires: 'advertised',
    accept: (v) => (byProductOrUse(v) || /[0-9]/u.test(v.sentence)) && !/不能|不要|不可|别|勿|擅自/u.test(v.sentence.slice(v.start, v.end)),
    regex: c('(?:{disease}|{indicators})[^。!?]{0,14}?(?:{results}|降了|下降|恢复到|稳稳|搞定|见效|复位)'), message: effect },
  { label: '使用后的疗效', family: 'medical', requires: 'always',
    regex: c('(?:喝|吃|用|服|涂|贴|做|照射)[^。!?]{0,20}?(?:能下地走路|重新走路|站起来|再也不用去医院|不用再去医院|没去过医院|再也没去过医院|摘掉眼镜|不用大声说话|恢复听力|不用打点滴|就不生病|不生病了|再也不感冒|不感冒了)'),
    message: effect },
  { label: '疾病机构宣传', gate: mentionsDisease, family: 'medical', requires: 'advertised',
    accept: (v) => v.advertised && !/^[^,。]*(?:怎么|如何|什么)/u.test(v.sentence),
    regex: c('(?:{disease})(?:的)?(?:治疗方案|治疗|专科|门诊|矫正|康复技术|康复)'),
    message: '医疗广告不得涉及疾病名称、诊疗方法（医疗广告管理办法第七条第（一）项），只能发布机构名称、地址、诊疗科目等基本信息。' },
  { label: '治愈率、有效率', family: 'medical', requires: 'always', message: '不得说明治愈率、有效率等诊疗效果。',
    regex: c(`(?:治愈率|有效率|好转率|显效率|好孕率|康复率|见效率|治愈|有效)[^,。!?]{0,4}?(?:${NUM}%|百分之|高达|达到|领先|超过|极高)|(?:百分百|百分之百|100%)(?:有效|治愈|见效|成功)`) },
  { label: '治愈率、有效率', family: 'medical', requires: 'always', accept: inMedicalSetting, message: '不得说明治愈率、有效率等诊疗效果。',
    regex: c(`(?:成功率|准确率|确诊率)[^,。!?]{0,4}?(?:${NUM}%|百分之|高达|领先)`) },
  { label: '功效保证', family: 'medical', requires: 'always', message: guarantee,
    regex: c('保证(?:有效|治愈|见效|疗效|康复|血压|血糖|恢复)|无效(?:全额)?退款|不(?:成功|见效|满意|灵)(?:全额)?退款|包(?:治|成功|你(?:戒|滴|好|瘦|康复)|愈)|(?:永不|不再|不会|再不)(?:复发|反弹)|不反弹|不复发|立竿见影|药到病除|保险公司承保') },
  { label: '功效保证', family: 'medical', requires: 'always', message: guarantee,
    regex: c(`(?:${NUM}|1)(?:个)?(?:疗程|次|贴|盒|天|周|片|粒|针)(?:就|即可|便)?(?:能|可)?(?:见效|搞定|根治|复位|治愈|除根|断根|痊愈|好转)|${NUM}(?:天|周|个月)(?:就|即)?见效|抗复发|防复发|预防复发`) },
  { label: '功效保证', family: 'health', requires: 'always', message: guarantee,
    regex: c(`(?:瘦|减|掉)了?${NUM}(?:斤|公斤|kg|磅)|(?:${NUM}|1)(?:个)?(?:天|周|个月|月)[^。!?]{0,6}?(?:瘦|减)了?${NUM}?(?:斤|公斤|kg)`) },
  { label: '功效保证', family: 'health', requires: 'advertised', message: guarantee, regex: c(`长高了?${NUM}(?:厘米|公分|cm)`) },
  { label: '疾病治疗效果', gate: mentionsDisease, family: 'medical', requires: 'always', message: effect,
    regex: c('对[^,。!?]{0,8}?(?:{disease})[^,。!?]{0,6}?(?:疗效|效果|作用|帮助)|(?:{disease}|{indicators})(?:患者|病人|人群|的人)?[^,。!?]{0,6}?(?:就对了|的福音|救星|好帮手|放心(?:喝|吃|用))') },
  { label: '保健功能', family: 'health', requires: 'advertised', accept: (v) => v.advertised || productIsSubject(v), message: '普通食品不得声称保健功能；保健食品只能按注册的功能、以目录用语声称。',
    regex: c('(?:提高|提升|开发|增强|改善)[^,。!?]{0,4}?(?:智力|记忆力|免疫力|抵抗力|性功能|精力|体力)|更聪明') },
  { label: '安全性保证', family: 'medical', requires: 'always', message: guarantee,
    regex: c('(?:绝对|完全|百分百|100%)?安全无(?:毒)?副作用|(?:无|没有|零|毫无|不含)(?:任何)?(?:毒)?副作用|(?:绝)?无后遗症|不留(?:疤痕|疤|痕迹)|看不出痕迹|不伤(?:身体|肝肾|肝|肾|胃|子宫|皮肤)') },
  { label: '安全性保证', family: 'medical', requires: 'always', accept: inMedicalSetting, message: guarantee,
    regex: c('(?:绝对|百分百|100%|完全)安全|无痛(?:无风险)?|(?:{procedures}|手术|治疗|疗法)[^,。!?]{0,8}?(?:零|无|0)风险') },
  { label: '效果断言', family: 'medical', requires: 'always', accept: inMedicalSetting, message: guarantee,
    regex: c(`永久(?:定型|有效|保持|去除|不)|终身(?:质保|有效|不)|(?:能)?用1辈子|效果维持${NUM}年|${NUM}年不(?:松动|反弹|复发|脱落)|嫩回${NUM}岁|重获新生|返老还童|当天(?:种|做)当天用|随做随走|今天做明天上班`) },
  { label: '与药品比较或替代药品', family: 'medical', requires: 'always',
    message: '不得与药品比较，不得声称或暗示可以替代药物、停药（广告法第十七条、第十八条第一款第（四）项）。',
    regex: c('比(?:西药|吃药|打针|阿司匹林|布洛芬|[^,。!?]{0,6}?(?:药|糖浆|药物|药品|针剂))[^,。!?]{0,4}?(?:还|更)?(?:好|强|管用|安全|快|有效)|(?:替代|代替|取代)(?:降压药|降糖药|降脂药|药物|药品|西药|药)|天然的?(?:降压药|降糖药|降脂药|替代品|药)|(?:胜过|堪比)[^,。!?]{0,4}?药|与其吃药|(?:不用|不必|无需)(?:吃药|打针|开刀|手术|截肢)|不开刀|不吃药|不打针|(?:停了|停掉)(?:降压|降糖|降脂)?药|(?:降压药|降糖药|降脂药|药)(?:都|也)?(?:停了|可以停|可以减半|减半)|吃了就能停药') },
  { label: '患者、医生、专家证明', family: 'medical', requires: 'always',
    message: '不得利用患者、医生、专家或代言人的名义、形象作推荐、证明（广告法第十六条第一款第（四）项、第十八条第一款第（五）项；医疗广告管理办法第七条第（六）项）。',
    // 推荐董事人选、推荐候选人 nominate people; 推荐轮换、推荐分次 recommend a way of doing, not a remedy.
    regex: c('(?:{endorsers})[^,。!?]{0,8}?(?:推荐(?!的?(?:人选|候选人|董事|理事|委员|代表|人才|名单)|轮换|交替|分次|定期|避免|减少|停用|尽早)|力荐|都在用|都在吃|也在用|也在吃|在用|偷偷吃|自己都在|亲测|代言|现身说法|联合研发|都说好|认证|亲传)|(?:{patients})[^,。!?]{0,4}?(?:亲证|亲测|见证|都在吃|都在用)|感谢锦旗|术后对比|前后对比|对比照|代言') },
  { label: '患者、医生、专家证明', family: 'medical', requires: 'advertised', accept: (v) => v.advertised && !spokesman(v),
    message: '不得利用患者、医生、专家或代言人的名义、形象作推荐、证明。',
    regex: c('(?:人人|都)(?:该|应该|要)(?:吃|喝|用)|(?:{endorsers})[^,。!?]{0,6}?(?:做了|用过|吃过|在我院|说)') },
  { label: '保障健康所必需', family: 'health', requires: 'always',
    message: '保健食品广告不得声称或者暗示为保障健康所必需（广告法第十八条第一款第（三）项）。',
    regex: c('(?:家庭|居家|中老年人?|三高人群|电脑族|心脏病人|备孕夫妻|孕妇|老人|全家)(?:的)?(?:健康)?(?:必备|必需品?|必吃|必喝)|健康必需品|每天都不能少|救命(?:宝|药|神器)|(?:{diseases}|{indicators}|身体|健康|肝脏?|胃|肠道?|血管|心脏|皮肤|眼睛|关节|骨骼|肺|肾|免疫力?)的?保护神|健康到老') },
  { label: '疾病风险宣称', family: 'medical', requires: 'always', message: effect,
    accept: (v) => (v.advertised || v.uses || productIsSubject(v)) && !has(adviceSubject, v.sentence),
    regex: c('(?:喝|吃)[^,。!?]{0,8}?的人[^,。!?]{0,8}?(?:寿命|长寿|患|发病|得病)|(?:降低|减少)[^,。!?]{0,4}?(?:{disease})(?:的)?(?:风险|几率|概率)') },
  { label: '量化疗效', family: 'medical', requires: 'always', message: guarantee,
    regex: c(`(?:{indicators}|皱纹|细纹|色斑|斑点|记忆力|免疫力|智力|精力|体力)[^,。!?]{0,4}?(?:下降|降低|减少|提升|提高|增强|改善)(?:了)?${NUM}%`) },
  { label: '排毒、清除垃圾', family: 'medical', requires: 'always', message: effect,
    regex: c('排(?:出)?[^,。!?]{0,3}?毒素|清除[^,。!?]{0,4}?(?:毒素|垃圾)|洗(?:黑)?肺|清理宿便|肺部垃圾|血管垃圾') },
  { label: '处方药', family: 'online', requires: 'advertised', accept: (v) => v.advertised,
    message: '禁止利用互联网发布处方药广告（互联网广告管理办法第五条；广告法第十五条）。',
    basis: '《互联网广告管理办法》第五条；《广告法》第十五条',
    regex: c('阿莫西林|头孢|阿奇霉素|左氧氟沙星|布洛芬缓释|处方(?:降糖|降压|降脂)?药|四联疗法|特效药|不用处方|无需处方|免处方') },
  { label: '以健康知识介绍发布医疗广告', family: 'online', requires: 'always',
    message: '介绍健康、养生知识时，不得在同一页面出现医疗机构、药品或医疗服务的联系方式、地址和购买方式（互联网广告管理办法第六条）。',
    basis: '《互联网广告管理办法》第六条',
    regex: c('(?:医生|专家|医师)(?:告诉你|教你|揭秘)[^。]{0,24}?(?:地址|预约|咨询电话|扫码|挂号|购买)|(?:{disease})[^。]{0,20}?(?:请拨打|咨询电话|附诊所地址)') },
];
