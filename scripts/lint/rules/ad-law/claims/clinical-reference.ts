import { compile, matches as test } from './pattern.ts';

// Readings for a medical reference, a clinical guideline or a law that sells nothing (MtF.wiki's medicine pages, a
// diagnosis and treatment plan, a public-health law). The caller has already kept every sentence in which the seller
// speaks (本品、本院、这款、a price or a buy call), so these ask only how the health words are used.

// 螺内酯……用于治疗心衰、将 MPA 用于治疗多毛症、与炔雌醇联用治疗痤疮: a drug's indication, as a reference states it.
// A food, a drink or a cosmetic given an indication (某某山楂茶用于治疗高血压) is the claim the law forbids them.
const indication = /(?:用于|用来|适用于|可用于|联用|合用|单用|联合用药)\s*$/u;
const everydayGoods = /茶|咖啡|酒(?!精)|奶|饮|果汁|粥|汤(?!剂)|蜂蜜|醋|面膜|面霜|乳液|精华|保健品|食品|零食|糖果/u;

// 防治传染病的药品、治疗重大疾病的专利到期药物: a medicine named by what it treats, a noun phrase and no promise.
const medicineAfter = /^的?[^,。!?;]{0,6}?(?:药物|药品|药剂|制剂|医疗器械|疫苗|药)(?![到效])/u;

// 经激素治疗、手术治疗的跨性别者、雌二醇单药治疗、GAHT 治疗、认知行为治疗、住院治疗: a therapy named by its kind or its
// setting, with no disease it cures.
const therapyKind = /(?:激素|手术|药物|单药|联合|替代|对症|支持|维持|预防性|住院|门诊|共病|物理|心理|康复|行为|家庭|团体|整合|急性期|巩固期|[a-z]{2,})\s*$/iu;

// 中医治未病服务、在治未病中的主导作用: a field of care or a service named, not an effect claimed.
const serviceAfter = /^(?:服务|健康工程|工程|工作|体系|理念|领域|模式|中的|科室)/u;

const regimenBefore = /(?:疗|疗法|通气|手术|训练|用药|[a-z]{2,})\s*\+\s*$/iu;

/** True when the health words at [start, end) name a drug's indication, a medicine, a therapy or a service. */
export function namesCare(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const term = sentence.slice(start, end);
  if ((indication.test(before) && !everydayGoods.test(sentence)) || medicineAfter.test(after) || serviceAfter.test(after)) return true;
  // 住院治疗:适用于……、共病治疗:针对……: a kind of care heading what the text says of it, a section's label.
  if (/^治疗\s*:/u.test(term)) return therapyKind.test(before);
  // 整合治疗抑郁、焦虑、自我治疗抑郁或焦虑症状: how care is organised or what people do, no remedy anyone sells.
  if (/^治疗/u.test(term) && /(?:整合|自我|共病)\s*$/u.test(before)) return true;
  // 无创正压通气（NIPPV）+ 治疗肺部/神经肌肉疾病、氧疗 + 治疗原发病: a regimen, one named therapy plus care of the cause, as a guideline lists it.
  if (/^治疗/u.test(term) && regimenBefore.test(before)) return true;
  return term === '治疗' && therapyKind.test(before);
}

// 锂盐、拉莫三嗪可减少复发、持续药物治疗可显著减少复发、强调长期维持治疗以预防复发、康复期:维持与预防复发: what a
// treatment aims at, said of the treatment by its kind, as a reference or a guideline says it. Goods in the sentence
// (茶、胶囊、鱼油) keep it a claim; a promise (不复发、根治) is another pattern's, and no reading of this one.
const careKind = /治疗|疗法|干预|药物|用药|稳定剂|抗抑郁药|抗精神病药|维持|随访|康复期|持续支持/u;
const aimTerm = /^(?:治疗\s*(?:以|来|并|可|能)?)?(?:预防|防|减少|降低|控制)/u;
const goods = new RegExp(`${everydayGoods.source}|胶囊|片剂|冲剂|颗粒|鱼油|益生菌|酵素|精油|理疗仪|治疗仪`, 'u');

export function treatmentAims(sentence: string, start: number, end: number): boolean {
  const term = sentence.slice(start, end);
  const before = sentence.slice(0, start);
  // 物理治疗防止关节挛缩与压疮: the match starts at 治疗, so the kind of therapy is the word before it.
  const named = careKind.test(before) || (/^治疗/u.test(term) && therapyKind.test(before));
  return aimTerm.test(term) && named && !goods.test(sentence);
}

// 起病与物质使用、停药或医学状况有时间相关性、复发与自行停药有关: a result word (停药、好转) listed as what something is
// linked to, as a diagnostic criterion or a study of causes says it; nothing is promised of it.
const linkedAfter = /^[^,。!?;]{0,14}?(?:有关|相关|无关|关联|有联系)/u;

export function namesLink(sentence: string, start: number, end: number): boolean {
  const clause = sentence.slice(0, end).split(/[,;:]/u).pop() ?? '';
  return /与[^与]*$/u.test(clause) && linkedAfter.test(sentence.slice(end)) && !goods.test(sentence);
}

// 疗程通常 16–20 次，有效率约 40–60%、有效率与 CBT 相当、有效率约 50-70%，但不如 CPAP: a treatment's response rate as
// the evidence gives it, a range of estimates or set beside another treatment. A seller names one figure, and a high
// one (有效率高达 95%、临床有效率 98.7%); the word that compares upwards (优于、领先) stays a claim.
const rateTerm = /^(?:治愈率|有效率|好转率|显效率|康复率)/u;
const evidenceShape = /^[^。!?;]{0,8}?(?:[0-9.]+%?(?:至|到|~)?[0-9.]+%|与[^,。!?;]{1,12}?(?:相当|相近|类似)|[^,。!?;]{0,12}?不如)/u;
// Taking a remedy, or praise and an invitation (口碑很好、欢迎咨询), make the figure a pitch again.
const taken = /喝|吃|服用|服下|涂|抹|敷|用了|口碑|好评|放心|信赖|首选|亲测|见证|欢迎|咨询/u;

/** Lint's folding drops a range's dash (40–60% reads 4060%); a rate above 100% can only be such a range. */
function foldedRange(after: string): boolean {
  const figure = /^[^0-9。!?;]{0,4}?(\d{3,4})%/u.exec(after);
  return figure !== null && Number(figure[1]) > 100;
}

export function reportsRate(sentence: string, start: number, end: number): boolean {
  if (!rateTerm.test(sentence.slice(start, end)) || taken.test(sentence) || goods.test(sentence)) return false;
  const after = sentence.slice(start + 3);
  return (evidenceShape.test(after) || foldedRange(after)) && (careKind.test(sentence) || /疗效|疗程/u.test(sentence));
}

// 在对症治疗的基础上，积极防治并发症，治疗基础疾病、应在开始治疗之前阅读说明书: a guideline's instruction to those
// who give care, a duty, not a product's effect. It must come before the words in the sentence.
const duty = compile('应当|(?<![反效供适相响对呼答顺感])应(?!用|急)|须|必须|宜|积极|及时|尽早|酌情|对症|给予|予以');
// 如果发现患者心率突发增加……或血压下降: a sign to watch for in a patient, a condition, not a result promised.
const patientSign = compile('(?:如果|若|一旦|当)[^。!?]{0,12}?(?:患者|病人|病例)');

export function instructsCare(sentence: string, start: number): boolean {
  const before = sentence.slice(0, start);
  return test(duty, before) || test(patientSign, before);
}

// （二）病原携带者:指感染病原体……的人、本法所称……是指: a law or a glossary defining a word.
const definition = /(?:是指|系指|所称|[:：]\s*指(?![出导定挥南标数甲]))/u;

export function defines(sentence: string): boolean {
  return definition.test(sentence);
}

// 关于推荐在中西医结合救治……中使用清肺排毒汤的通知: words in the title of an official document cited (lint's folded
// text has lost the title marks, so the title is known by the kind of document that ends it).
const officialTitle = /^[^,。!?;:]{0,12}?的(?:通知|意见|指导意见|决定|公告|通告|批复|函)/u;

export function inDocumentTitle(after: string): boolean {
  return officialTitle.test(after);
}
