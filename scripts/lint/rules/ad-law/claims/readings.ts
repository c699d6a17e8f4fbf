import { hasAny, medicalIndustries, type AccountFacts } from './context.ts';
import type { Family } from './pattern.ts';

/** Which reading of the account's industry a finding took, and the law that follows from it. */
export interface Reading {
  /** e.g. 按账号行业“茶、食品”读作普通食品广告. */
  reading: string;
  basis: string;
}

const names: Record<string, string> = {
  food: '食品', tea: '茶', alcohol: '酒类', 'health-food': '保健食品', medical: '医疗', pharma: '药品', 'medical-device': '医疗器械',
  'medical-beauty': '医疗美容', cosmetics: '化妆品', education: '教育培训', finance: '金融理财', 'real-estate': '房地产', ecommerce: '电商',
  media: '媒体', other: '其他',
};

function industryText(facts: AccountFacts, only?: readonly string[]): string {
  const list = [...facts.industries].filter((i) => !only || only.includes(i)).map((i) => names[i] ?? i);
  return list.length ? `“${list.join('、')}”` : '';
}

const foodIndustries = ['food', 'tea', 'alcohol'];

/** Disease and efficacy claims: the law depends on what the account sells. A non-medical seller is never exempt. */
function medical(facts: AccountFacts): Reading {
  if (hasAny(facts, medicalIndustries)) {
    return { reading: `按账号行业${industryText(facts, medicalIndustries)}读作医疗、药品、医疗器械广告`, basis: '《广告法》第十六条；《医疗广告管理办法》第七条' };
  }
  if (facts.industries.has('health-food')) return { reading: '按账号行业“保健食品”读作保健食品广告', basis: '《广告法》第十八条第一款第（二）项' };
  if (hasAny(facts, foodIndustries)) {
    return { reading: `按账号行业${industryText(facts, foodIndustries)}读作普通食品广告`, basis: '《广告法》第十七条；《食品安全法》第七十三条' };
  }
  if (facts.industries.has('cosmetics')) return { reading: '按账号行业“化妆品”读作化妆品广告', basis: '《广告法》第十七条；《化妆品监督管理条例》第三十七条、第四十三条' };
  const declared = industryText(facts);
  return { reading: declared ? `账号行业${declared}不含医疗，读作非医疗广告` : '账号未声明行业，读作非医疗广告', basis: '《广告法》第十七条' };
}

/** Health functions: allowed only to registered health food, within the 2023 catalogue; never to ordinary food. */
function health(facts: AccountFacts): Reading {
  if (facts.industries.has('health-food')) return { reading: '按账号行业“保健食品”读作保健食品广告', basis: '《广告法》第十八条；《允许保健食品声称的保健功能目录》（2023 年版）' };
  if (hasAny(facts, foodIndustries)) {
    return { reading: `按账号行业${industryText(facts, foodIndustries)}读作普通食品广告`, basis: '《食品安全法实施条例》第三十八条第一款；《广告法》第二十八条' };
  }
  if (facts.industries.has('cosmetics')) return { reading: '按账号行业“化妆品”读作化妆品广告', basis: '《化妆品监督管理条例》第二十二条、第四十三条' };
  if (hasAny(facts, medicalIndustries)) return { reading: `按账号行业${industryText(facts, medicalIndustries)}读作医疗、药品广告`, basis: '《广告法》第十六条' };
  return { reading: '读作普通商品广告', basis: '《食品安全法实施条例》第三十八条第一款；《广告法》第十八条' };
}

/** Special-use and medical cosmetics claims: a cosmetics seller needs the licence; anyone else may not claim them at all. */
function cosmetics(facts: AccountFacts): Reading {
  if (facts.industries.has('cosmetics')) return { reading: '按账号行业“化妆品”读作化妆品广告，未见特殊化妆品注册信息', basis: '《化妆品监督管理条例》第十六条、第三十七条、第四十三条；《化妆品分类规则和分类目录》' };
  if (hasAny(facts, medicalIndustries)) return { reading: `按账号行业${industryText(facts, medicalIndustries)}读作医疗广告`, basis: '《广告法》第十六条；《化妆品监督管理条例》第四十三条' };
  if (facts.industries.has('health-food') || hasAny(facts, foodIndustries)) return { reading: `按账号行业${industryText(facts)}读作食品广告`, basis: '《食品安全法实施条例》第三十八条第一款；《广告法》第十七条' };
  return { reading: '读作化妆品宣称', basis: '《化妆品监督管理条例》第十六条、第四十三条' };
}

const fixed: Partial<Record<Family, Reading>> = {
  education: { reading: '读作教育、培训广告', basis: '《广告法》第二十四条' },
  finance: { reading: '读作有投资回报预期的广告', basis: '《广告法》第二十五条' },
  'real-estate': { reading: '读作房地产广告', basis: '《广告法》第二十六条' },
  state: { reading: '读作广告', basis: '《广告法》第九条' },
  superstition: { reading: '读作广告', basis: '《广告法》第九条第（八）项' },
  minors: { reading: '读作面向未成年人的广告', basis: '《广告法》第十条、第四十条' },
  online: { reading: '读作互联网广告', basis: '《互联网广告管理办法》第五条' },
  appearance: { reading: '读作医疗美容广告', basis: '《医疗美容广告执法指南》（2021）；《广告法》第九条第（七）项' },
};

export function readingFor(family: Family, facts: AccountFacts): Reading {
  if (family === 'medical') return medical(facts);
  if (family === 'health') return health(facts);
  if (family === 'cosmetics') return cosmetics(facts);
  return fixed[family] ?? { reading: '读作广告', basis: '《广告法》' };
}
