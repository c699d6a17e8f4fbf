import { tellsLongPast } from '../era.ts';
import * as cue from './absolute-cues.ts';
import type { Site } from './absolute-context.ts';
import { commercialNouns, goodsIn, industryNames, type AccountProfile } from './industry-goods.ts';

/** An absolute term as found: the listed term it matched (or 最 + grade), its category, and whether it sells by itself. */
export interface Candidate {
  term: string;
  category: string;
  /** The term is a sales claim whatever its subject (销量第一、全网最低价、第一品牌): unclear at worst, never ordinary. */
  commercial: boolean;
}

/**
 * How a term reads in its sentence: `advertised` (describes what the account sells: an error), `unclear` (could be
 * the goods, the sentence does not say: a warning), or `ordinary` (a person, a fact, a tip, a parameter: nothing).
 * `label` is the reading as the message names it; `cue` the words that decided it.
 */
export type Reading =
  | { kind: 'advertised'; label: string; cue: string }
  | { kind: 'unclear'; label: string; cue: string }
  | { kind: 'ordinary'; label: string };

const ordinary = (label: string): Reading => ({ kind: 'ordinary', label });
const first = (re: RegExp, text: string) => re.exec(text)?.[0];

interface Parts {
  before: string;
  after: string;
  clauseBefore: string;
  clauseAfter: string;
  surface: string;
}

function partsOf(site: Site): Parts {
  return {
    before: site.sentence.slice(0, site.at),
    after: site.sentence.slice(site.end),
    clauseBefore: site.sentence.slice(site.clause[0], site.at),
    clauseAfter: site.sentence.slice(site.end, site.clause[1]),
    surface: site.sentence.slice(site.at, site.end),
  };
}

/** The seller named in the sentence: 本店、我们的…, or the account's own name and products. */
function sellerIn(text: string, profile: AccountProfile): string | undefined {
  return first(cue.selfMarker, text) ?? profile.own.find((own) => text.includes(own));
}

/** 最高、最大 …, or 全国最 / 世界最 grading a dimension (世界最高峰): a measure, not a judgement of quality. */
function isDimension(term: string, clauseAfter: string): boolean {
  return cue.dimensionTerm.test(term) || (term.endsWith('最') && /^[高低大小多少长短早晚远近深浅重轻老]/.test(clauseAfter));
}

/** Readings the form of the words settles, whoever the subject: names, ordinals, adverbs, parameters, tips, grades. */
function formReading(candidate: Candidate, p: Parts, seller: string | undefined): string | undefined {
  const { term } = candidate;
  if (term === '第一' || term === '第1') {
    if (cue.properNameAfter.test(p.clauseAfter)) return '专有名称';
    const firstTo = cue.firstToAfter.test(p.clauseAfter) && (seller !== undefined || cue.scopeJustBefore.test(p.clauseBefore));
    if (cue.ordinalAfter.test(p.clauseAfter) && !firstTo) return '序数';
  }
  if (/最高$/.test(term) && /^人民(?:法院|检察院)/.test(p.clauseAfter)) return '专有名称';
  if (!seller && cue.reckonedBefore.test(p.clauseBefore) && cue.reckonedAfter.test(p.clauseAfter)) return '计算的依据（按最低价计），不是报价';
  if (/皇家$/.test(term) && cue.properNameAfter.test(p.clauseAfter)) return '专有名称';
  // 皇家伯克希尔医院、北京大学医学院第一附属医院: a body's name, unless the seller names itself so (本院是皇家…).
  if ((/皇家$/.test(term) || term === '第一') && !seller && cue.institutionNameAfter.test(p.clauseAfter)) return '机构名称';
  // Sino1-11: letters and digits inside a longer code, not NO.1.
  if (/^[a-z]/iu.test(term) && /[a-z]$/iu.test(p.before)) return '较长编号或单词的一部分';
  // 全球最新疫情报告: 最 of 最新, which orders things in time; 达到顶峰 is a curve's peak reached, no grade of goods.
  if (term.endsWith('最') && /^新/u.test(p.clauseAfter) && !seller) return '时间先后（最新）';
  if (term === '顶峰' && !seller && /(?:达到|到达|达至|升至|推向|攀上)$/u.test(p.clauseBefore)) return '说的是峰值（达到顶峰）';
  if (term === '最好' && !cue.adjectivalZuihao.test(p.clauseAfter)) return '副词“最好”（表示建议）';
  if (term === '绝对' && cue.adverbialJueduiAfter.test(p.clauseAfter)) return '语气副词';
  if (term === '永不' && cue.dispositionAfter.test(p.clauseAfter)) return '描述人的态度（永不满足、永不言败），不是对商品的保证';
  if (/^(?:100%|百分之?百|百分百)$/.test(term) && (cue.figureBefore.test(p.clauseBefore) || !cue.guaranteeAfter.test(p.clauseAfter))) return '数字或比例';
  if (cue.dimensionTerm.test(term) && cue.parameterAfter.test(p.clauseAfter) && !cue.scopeJustBefore.test(p.clauseBefore)) return '参数名称或数值';
  if (cue.periodAfter.test(p.clauseAfter) && !cue.choiceTerm.test(term)) return '说的是某个时期（最盛时期、最冷的时候）';
  if (cue.tipAfter.test(p.clauseAfter)) return '消费提示（最佳方法、时间、温度等）';
  if (cue.choiceTerm.test(term) && cue.timeBefore.test(p.clauseBefore)) return '消费提示（最佳时间）';
  if (cue.gradeAfter.test(p.clauseAfter)) return '标准分级';
  if (/级$/.test(term) && cue.titleAfter.test(p.clauseAfter)) return '依法评定的称号';
  if (cue.abstractHeadAfter.test(p.clauseAfter)) return '修饰抽象名词（最大的问题、最大的特点）';
  if (cue.disfavour.test(term)) return '说的是不受欢迎（贬义），不是夸耀';
  // 它是你的唯一: 唯一 as a noun, someone's only one, ending the clause.
  if (term === '唯一' && !seller && /的$/u.test(p.clauseBefore) && p.clauseAfter.trim() === '') return '名词“唯一”（某人的唯一），不是商品';
  return undefined;
}

/** Readings of the sentence around the term: negation, self-comparison, quotation. */
function sentenceReading(candidate: Candidate, p: Parts, site: Site): string | undefined {
  if (cue.negationBefore.test(p.clauseBefore)) return '否定';
  if (cue.onlyAfterNegation.test(p.clauseBefore) && cue.negationBefore.test(site.sentence.slice(0, site.clause[0]).replace(/[，,]$/, ''))) return '否定（没有最好，只有…）';
  if (cue.selfComparison.test(site.sentence)) return '自我比较（同一款茶的各泡）';
  if (!candidate.commercial && cue.amongThem.test(p.before)) return '自我比较（其中哪一样最…，比的是同一组）';
  return undefined;
}

/** Softer readings: 最…之一, history and order in time, awards, contests. The seller's own are warnings, others nothing. */
function softReading(candidate: Candidate, p: Parts, site: Site, seller: string | undefined): Reading | undefined {
  const soft = (label: string): Reading => (seller ? { kind: 'unclear', label: `${label}，须有证据并写明时间、范围`, cue: seller } : ordinary(label));
  if ((cue.oneOf.test(p.after) && !cue.noneOf.test(p.after)) || cue.manyOf.test(p.clauseBefore)) return soft('“最…之一”');
  if (cue.awardBefore.test(p.clauseBefore) || cue.awardAfter.test(p.clauseAfter)) return soft('奖项或称号');
  if (cue.rankTerm.test(candidate.term) && cue.history.test(p.before + p.after)) return soft(seller ? '描述本店历史' : '历史或先后顺序');
  if (!candidate.commercial && cue.titleWon.test(candidate.term) && (cue.wonBefore.test(p.clauseBefore) || cue.countedTitleBefore.test(p.clauseBefore))) return soft('比赛或评选的名次、成绩（说的是选手或队伍）');
  // Sales words (销量冠军、全网最低价) stay claims in any setting; the rest reads as the contest or the history it is in.
  if (candidate.commercial || cue.salesCue.test(withoutTerm(site))) return undefined;
  // A thing of the long past (1851 年前后最有用的蒸汽机指示器) is history; the seller's own history stays its claim.
  if (!seller && !cue.productMarker.test(site.sentence) && tellsLongPast(site.sentence, site.paragraph)) return ordinary('过去年代的事（1950 年以前），不是所售商品');
  if (cue.contest.test(site.outsideQuotes)) return soft('比赛或评选的名次、成绩（说的是选手或队伍）');
  if (cue.domainHistory.test(p.before + p.surface)) return soft('某一领域历史上的比较（赛马史上、建筑史上）');
  return undefined;
}

/** The sentence with the term itself blanked, so a cue never comes from the words being judged (独家 is a sales word). */
function withoutTerm(site: Site): string {
  return site.sentence.slice(0, site.at) + ' '.repeat(site.end - site.at) + site.sentence.slice(site.end);
}

/** A dozen characters either side of the term, the term blanked: where the noun it grades stands (最佳的口感，国家级品质). */
function nearTerm(site: Site): string {
  return withoutTerm(site).slice(Math.max(0, site.at - nearChars), site.end + nearChars);
}

const nearChars = 12;

/** Who the term describes: the seller, the promoted item, a price, the goods of an industry — or nobody said. */
function subjectReading(candidate: Candidate, p: Parts, site: Site, profile: AccountProfile, seller: string | undefined): Reading {
  if (seller) return { kind: 'advertised', label: '描述本店或本品', cue: seller };
  const agent = candidate.commercial ? undefined : first(cue.namedAgentBefore, p.before);
  if (agent) return ordinary(`说的是具名的他方（${agent}）`);
  const maker = candidate.commercial ? undefined : cue.namedAgentAfter.exec(p.after)?.[0];
  if (maker) return ordinary(`说的是具名的他方（${maker.replace(/^[^由]*/u, '')}）`);
  const other = candidate.commercial ? undefined : first(cue.thirdPersonBefore, p.clauseBefore);
  if (other) return ordinary(`说的是他人（${other.replace(/的?\s*$/u, '')}）`);
  const rest = withoutTerm(site);
  const product = first(cue.productMarker, rest);
  if (product) return { kind: 'advertised', label: '描述所推广的商品', cue: product };
  // 最新 orders things in time (最新的诊疗指南); only the seller's own 最新 is a claim.
  if (candidate.term === '最新') return ordinary('时间先后');
  if (cue.priceTerm.test(candidate.term)) {
    const offer = candidate.term.includes('价') ? candidate.term : first(cue.priceCue, rest) ?? first(cue.offerTimeBefore, p.clauseBefore);
    if (offer) return { kind: 'advertised', label: '描述价格或优惠', cue: offer };
  }
  const place = thirdPartyPlace(candidate, p, rest, profile);
  if (place) return ordinary(`描述某个地方或事物（“${place}”），不是所售商品`);
  return goodsReading(candidate, p, site, rest, profile);
}

/** The place, building or thing a term grades when it is nobody's goods here (世界上最长的河、全国第一座观光工厂). */
function thirdPartyPlace(candidate: Candidate, p: Parts, rest: string, profile: AccountProfile): string | undefined {
  if (candidate.commercial || cue.salesCue.test(rest) || cue.tradeScope.test(p.clauseBefore + p.surface)) return undefined;
  const found = cue.placeHead.exec(p.clauseAfter);
  const head = found?.[1];
  if (!found || !head || goodsIn(head, profile)?.own || commercialNouns.some((n) => head.includes(n))) return undefined;
  return found[0].replace(/^的/, '');
}

/** The goods of an industry, goods words (品质、品牌), or sales words and market ranges with no subject named. */
function goodsReading(candidate: Candidate, p: Parts, site: Site, rest: string, profile: AccountProfile): Reading {
  const market = first(cue.marketScope, p.clauseBefore + (candidate.term.endsWith('级') ? '' : p.surface));
  const sales = first(cue.salesCue, rest);
  const strong = candidate.commercial || Boolean(sales) || (Boolean(market) && !isDimension(candidate.term, p.clauseAfter));
  // 产品、品质 name the goods a term grades when they stand by it, not half a sentence away (……的公司，邀请消费者了解……产品).
  const noun = commercialNouns.find((n) => nearTerm(site).includes(n));
  if (noun) return { kind: 'advertised', label: '描述所售商品', cue: noun };
  // 世界上最高的咖啡产区: a measure of a place, not of the goods; a grade on goods (顶级咖啡豆) is.
  const attributive = isDimension(candidate.term, p.clauseAfter) ? undefined : goodsIn(p.clauseAfter.slice(0, 12), profile);
  const goods = attributive ?? (strong ? goodsIn(rest, profile) : undefined);
  const shop = first(cue.shopMarker, rest);
  if (!goods && shop && goodsIn(rest, profile)) return { kind: 'unclear', label: `主体不明（说到“${shop}”的商品，不知是不是本店）`, cue: shop };
  if (goods?.own) return { kind: 'advertised', label: `描述所售商品（${industryNames[goods.industry]}）`, cue: goods.noun };
  if (goods) return { kind: 'unclear', label: `主体不明（说的是${industryNames[goods.industry]}，本账号未声明这一行业）`, cue: goods.noun };
  if (strong) return { kind: 'unclear', label: '主体不明（是商业宣传用语，但看不出说的是谁）', cue: sales ?? market ?? candidate.term };
  return ordinary('一般叙述，未指向所推广的商品');
}

/** A possessor right before the term that is not the seller (平台的、国家发布的): 本店的、我们推出的 are the seller's own. */
function othersOwn(clauseBefore: string): boolean {
  const owner = /([^，,。；;]{1,12})的$/u.exec(clauseBefore)?.[1];
  return owner !== undefined && !cue.selfMarker.test(owner) && !/我|咱|自己|本/u.test(owner);
}

/** The reading of one candidate in its sentence, for an account that sells what `profile` says. */
export function readingOf(candidate: Candidate, site: Site, profile: AccountProfile): Reading {
  const p = partsOf(site);
  const seller = sellerIn(site.outsideQuotes, profile);
  if (site.quoted) {
    if (seller) return { kind: 'advertised', label: '引用的话用来描述本店或本品', cue: seller };
    return ordinary('引述或名称（引号内）');
  }
  // 紧跟 Web 平台的最新标准: the newest of someone else's things orders them in time, whoever else the sentence names.
  if (candidate.term === '最新' && othersOwn(p.clauseBefore)) return ordinary('时间先后（他方的最新…）');
  const form = formReading(candidate, p, seller);
  if (form) return ordinary(form);
  const sentence = sentenceReading(candidate, p, site);
  if (sentence) return ordinary(sentence);
  const thirdParty = !seller && !cue.productMarker.test(site.sentence);
  // 酒吧增长最为强劲: a change in a report graded against the others; the seller's own growth stays its claim.
  if (thirdParty && !candidate.commercial && cue.changeBefore.test(p.clauseBefore)) return ordinary('比较报告中的增减（行情、数据），不是所售商品');
  const soft = softReading(candidate, p, site, seller);
  if (soft) return soft;
  if (thirdParty && !cue.firstPerson.test(site.sentence) && !cue.salesCue.test(withoutTerm(site)) && cue.planAimBefore.test(p.before.split(/[，,；;。]/u).pop() ?? '') && cue.planWords.test(site.paragraph)) return ordinary('规划要建设的目标，不是所售商品');
  if (thirdParty && (cue.reported.test(p.before) || cue.namedSpeakerBefore.test(p.before) || cue.attributedAfter.test(p.after))) return ordinary('引述他人的看法');
  return subjectReading(candidate, p, site, profile, seller);
}
