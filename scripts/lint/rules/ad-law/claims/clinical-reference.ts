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

// 经激素治疗、手术治疗的跨性别者、雌二醇单药治疗、GAHT 治疗: a therapy named by its kind, with no disease it cures.
const therapyKind = /(?:激素|手术|药物|单药|联合|替代|对症|支持|维持|预防性|[a-z]{2,})\s*$/iu;

// 中医治未病服务、在治未病中的主导作用: a field of care or a service named, not an effect claimed.
const serviceAfter = /^(?:服务|健康工程|工程|工作|体系|理念|领域|模式|中的|科室)/u;

/** True when the health words at [start, end) name a drug's indication, a medicine, a therapy or a service. */
export function namesCare(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(0, start);
  const after = sentence.slice(end);
  const term = sentence.slice(start, end);
  if ((indication.test(before) && !everydayGoods.test(sentence)) || medicineAfter.test(after) || serviceAfter.test(after)) return true;
  return term === '治疗' && therapyKind.test(before);
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
