import type { DictionaryEntry, DictionaryMatch } from '../../../dictionary.ts';
import type { Severity } from '../../../../shared/finding.ts';
import { claimPatterns as written } from './all-patterns.ts';
import { administersHealth, bodyNoun, namesDrugClass } from './health-register.ts';
import { countsCases, deniesEffect, fightsEpidemic, reportsBelief, reportsBriefing, standsTogether, tellsCourse } from './epidemic.ts';
import { endsName, inBodyName } from './names.ts';
import { defines, inDocumentTitle, instructsCare, namesCare, namesLink, reportsRate, treatmentAims } from './clinical-reference.ts';
import { advertised, describesCustom, isMeta, negated, reportsAuthority, reportsCompanySpeech, reportsResearcher, reportsScience, speaksOfUse, type AccountFacts } from './context.ts';
import { cutByWords, straddlesWords } from '../../../evasion/words.ts';
import { tellsLongPast } from '../../era.ts';
import { productSubject } from './medical.ts';
import { edgeChars, splitPattern } from './first-chars.ts';
import { approvedFunction } from './health-food.ts';
import { has, type ClaimPattern, type Family, type MatchView } from './pattern.ts';
import { noQuotes, type QuoteAt, type Quoted } from './quotes.ts';
import { readingFor } from './readings.ts';
import { propertyWords } from './real-estate.ts';
import { sentences, type Sentence } from './sentences.ts';

/** A regulated claim found in a block's normalised text. */
export interface Claim {
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
  label: string;
  /** Which reading of the account's industry was taken, and the law that follows. */
  reading: string;
  basis: string;
  message: string;
  severity: Severity;
  suggestions?: string[];
}

const families: Record<string, Family> = {
  医疗用语: 'medical', 保健功能: 'health', 保健食品: 'health', 化妆品: 'cosmetics', 教育培训: 'education', 投资理财: 'finance',
  房地产: 'real-estate', 迷信: 'superstition', 国家机关名义: 'state', 国家象征: 'state', 未成年人: 'minors', 烟草与处方药: 'online', 医美: 'appearance',
};

const defaultMessages: Record<Family, string> = {
  medical: '不得宣传疾病预防、治疗功能或使用医疗用语；医疗、药品广告也不得保证疗效。',
  health: '普通食品（包括茶）不得声称保健功能；保健食品只能按注册或备案的功能、以目录的用语声称，且不得保证功效。',
  cosmetics: '化妆品宣称特殊功效须取得注册证，且不得宣称医疗作用。',
  education: '不得对考试、升学、证书或培训效果作保证性承诺，不得暗示考试机构或命题人员参与。',
  finance: '不得承诺收益、保本或无风险，并应提示风险。',
  'real-estate': '不得承诺升值或投资回报，不得对学位、户口和规划配套作误导宣传。',
  state: '不得使用或变相使用国家机关及其工作人员的名义或形象。',
  superstition: '不得含有迷信内容。',
  minors: '不得损害未成年人身心健康。',
  online: '禁止利用互联网发布烟草和处方药广告。',
  appearance: '不得制造容貌焦虑。',
};

/**
 * For each UTF-16 unit, a bit per pattern whose matches can start with it, and one per pattern whose matches can
 * end with it; a pattern whose edge could be anything has that bit set for every sentence. A sentence is tried
 * against the patterns whose first and last characters it both holds: ordinary prose lights few of them.
 */
interface ClaimIndex {
  patterns: ClaimPattern[];
  words: number;
  edges: { first: Uint32Array; last: Uint32Array };
  always: { first: Uint32Array; last: Uint32Array };
  lit: { first: Uint32Array; last: Uint32Array };
}

let built: ClaimIndex | undefined;

/** Built on first use (about 50 ms): a build whose articles are all cached never matches a claim. */
function claimIndex(): ClaimIndex {
  if (built) return built;
  // Each alternative of a pattern becomes a pattern of its own, so the character index can be precise.
  const patterns: ClaimPattern[] = written.flatMap((pattern) =>
    splitPattern(pattern.regex.source).map((source) => ({ ...pattern, regex: new RegExp(source, pattern.regex.flags) })),
  );
  const words = Math.ceil(patterns.length / 32);
  const edges = { first: new Uint32Array(0x10000 * words), last: new Uint32Array(0x10000 * words) };
  const always = { first: new Uint32Array(words), last: new Uint32Array(words) };
  patterns.forEach((pattern, index) => {
    const bit = 1 << index % 32;
    const word = Math.floor(index / 32);
    const sets = edgeChars(pattern.regex.source);
    for (const side of ['first', 'last'] as const) {
      const chars = sets?.[side];
      if (!chars || [...chars].some((char) => char.length > 1)) always[side][word]! |= bit;
      else for (const char of chars) edges[side][char.charCodeAt(0) * words + word]! |= bit;
    }
  });
  built = { patterns, words, edges, always, lit: { first: new Uint32Array(words), last: new Uint32Array(words) } };
  return built;
}

/** The patterns that could match somewhere in the sentence, in their order. */
function candidates(sentence: string): ClaimPattern[] {
  const { patterns, words, edges, always, lit } = claimIndex();
  lit.first.set(always.first);
  lit.last.set(always.last);
  for (let i = 0; i < sentence.length; i++) {
    const base = sentence.charCodeAt(i) * words;
    for (let w = 0; w < words; w++) {
      lit.first[w]! |= edges.first[base + w]!;
      lit.last[w]! |= edges.last[base + w]!;
    }
  }
  const chosen: ClaimPattern[] = [];
  for (let w = 0; w < words; w++) {
    for (let bits = lit.first[w]! & lit.last[w]!; bits; bits &= bits - 1) chosen.push(patterns[w * 32 + 31 - Math.clz32(bits & -bits)]!);
  }
  return chosen;
}

/** What a sentence says about the thing sold, worked out only once something in it looks like a claim. */
class SentenceFacts {
  private cache: { advertised?: boolean; uses?: boolean } = {};
  constructor(
    readonly sentence: string,
    private readonly facts: AccountFacts,
    /** Where the sentence starts in the block's normalised text, and the block's quotations. */
    readonly offset = 0,
    readonly quoteAt: QuoteAt = noQuotes,
  ) {}
  get industries(): ReadonlySet<string> {
    return this.facts.industries;
  }
  get advertised(): boolean {
    return (this.cache.advertised ??= advertised(this.sentence, this.facts));
  }
  get uses(): boolean {
    return (this.cache.uses ??= speaksOfUse(this.sentence));
  }
}

/** A match as accept tests see it: its place, and the sentence's facts on demand. */
class MatchAt implements MatchView {
  constructor(
    private readonly facts: SentenceFacts,
    readonly start: number,
    readonly end: number,
  ) {}
  get sentence(): string {
    return this.facts.sentence;
  }
  get advertised(): boolean {
    return this.facts.advertised;
  }
  get uses(): boolean {
    return this.facts.uses;
  }
  get industries(): ReadonlySet<string> {
    return this.facts.industries;
  }
  get quoted(): Quoted {
    return this.facts.quoteAt(this.facts.offset + this.start, this.facts.offset + this.end);
  }
}

/** Regulated claims in one block: the word list's matches read in their sentence, and the industry sentence patterns. */
export function findClaims(text: string, matches: readonly DictionaryMatch[], facts: AccountFacts, quoteAt: QuoteAt = noQuotes): Claim[] {
  const parts = sentences(text);
  const said = parts.map((sentence) => new SentenceFacts(sentence.text, facts, sentence.start, quoteAt));
  const claims: Array<Claim & { sentence: number }> = [];
  for (const match of matches) {
    const index = sentenceAt(parts, match.start);
    const sentence = parts[index];
    if (!sentence || match.end > sentence.start + sentence.text.length) continue;
    const claim = fromEntry(match.entry, new MatchAt(said[index]!, match.start - sentence.start, match.end - sentence.start), facts);
    if (claim) claims.push({ ...claim, start: match.start, end: match.end, sentence: index });
  }
  // Patterns run sentence by sentence: a sentence lights only the patterns its characters can start.
  parts.forEach((sentence, index) => {
    for (const pattern of candidates(sentence.text)) {
      if (pattern.gate && !pattern.gate(sentence.text)) continue;
      const regex = pattern.regex;
      regex.lastIndex = 0;
      for (let match = regex.exec(sentence.text); match; match = regex.exec(sentence.text)) {
        if (!match[0]) {
          regex.lastIndex++;
          continue;
        }
        const end = match.index + match[0].length;
        const claim = fromPattern(pattern, new MatchAt(said[index]!, match.index, end), facts);
        if (claim) claims.push({ ...claim, start: sentence.start + match.index, end: sentence.start + end, sentence: index });
      }
    }
  });
  // Warnings, myths and disclaimers talk about claims rather than make them; checked only where a claim was seen.
  const meta = new Map<number, boolean>();
  const kept = claims.filter((claim) => {
    let isWarning = meta.get(claim.sentence);
    if (isWarning === undefined) meta.set(claim.sentence, (isWarning = isMeta(parts[claim.sentence]!.text)));
    // A remedy or a rite of the long past (中世纪的药典记载了治疗小病的方法) is history, unless the seller tells it of itself.
    return !isWarning && (said[claim.sentence]!.advertised || !tellsLongPast(parts[claim.sentence]!.text, text));
  });
  return keepOutermost(kept.map(({ sentence: _, ...claim }) => claim));
}

/** The index of the sentence holding `offset` (sentences are in order). */
function sentenceAt(parts: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (parts[middle]!.start <= offset) low = middle;
    else high = middle - 1;
  }
  return parts[low] && parts[low]!.start <= offset ? low : -1;
}

/**
 * Sentences that tell of something rather than sell it, read the same for word-list terms and sentence patterns: a
 * custom described (举行开光仪式), a sense of the word that is not the claim (转运站), science or farming reported
 * (科学家将试验一种治疗方法、果蝇抵抗病毒), another firm's claim reported as its speaker's (……，该公司总部的 Dietrich 说).
 * What the sentence sells (本品、这款、a price) keeps it a claim.
 */
function toldNotSold(family: Family, view: MatchView): boolean {
  const medicine = family === 'medical' || family === 'health' || family === 'cosmetics';
  if (medicine && reportsResearcher(view.sentence) && !/这款|本品|本店/u.test(view.sentence)) return true;
  if (medicine && !view.uses && standsTogether(view.sentence, view.start)) return true;
  if (view.advertised) return false;
  // 避免以“治愈”为核心目标、所谓“排毒”: a word in quotation marks on its own is named, not claimed, unless a remedy is taken.
  if (view.quoted === 'whole' && !view.uses) return true;
  const term = view.sentence.slice(view.start, view.end);
  if (otherSense[term]?.test(view.sentence.slice(view.end)) || otherSenseBefore[term]?.test(view.sentence.slice(0, view.start))) return true;
  if (family === 'superstition') return describesCustom(view.sentence);
  if (inBodyName(view.sentence, view.start, view.end) || endsName(view.sentence, view.start, view.end)) return true;
  if (medicine) {
    return (
      epidemicReading(view, term) ||
      reportsScience(view.sentence, productSubject, view.uses) ||
      reportsAuthority(view.sentence) ||
      reportsCompanySpeech(view.sentence.slice(view.end)) ||
      namesDrugClass(term, view.sentence.slice(view.end)) ||
      bodyNoun(term) ||
      administersHealth(view.sentence) ||
      referenceReading(view)
    );
  }
  return false;
}

/** Epidemic reporting (epidemic.ts): the cured counted, a measure against the spread, the course, a briefing, a belief. */
function epidemicReading(view: MatchView, term: string): boolean {
  const { sentence, start, end } = view;
  if (countsCases(sentence, start, end) || tellsCourse(term) || deniesEffect(term)) return true;
  return !view.uses && (fightsEpidemic(sentence, start, end) || reportsBriefing(sentence) || reportsBelief(sentence));
}

/**
 * A medical reference or a guideline that sells nothing: an indication, a medicine or a therapy named, a duty of those
 * who give care or a sign to watch for, a definition, a cited document's title. Using a remedy (喝、服用) keeps a claim.
 */
function referenceReading(view: MatchView): boolean {
  const { sentence, start, end } = view;
  // 根治、治愈、专治 promise a cure in any register; the readings are for the plain verbs (治疗、防治、缓解).
  if (promisesCure.test(sentence.slice(start, end))) return false;
  if (defines(sentence) || inDocumentTitle(sentence.slice(end)) || reportsRate(sentence, start, end)) return true;
  return !view.uses && (namesCare(sentence, start, end) || instructsCare(sentence, start) || treatmentAims(sentence, start, end) || namesLink(sentence, start, end));
}

const promisesCure = /^(?:根治|治愈|治好|治得好|专治|主治|包治|断根|除根|痊愈|药到病除|疗愈)/u;

/** Words the next characters give another sense: 转运站 moves goods, 保证就业稳定 is about the economy. */
const otherSense: Record<string, RegExp> = {
  // 多巴胺转运体: a molecule that carries another across a membrane, in biology.
  转运: /^(?:安全|途中|过程|站|舱|中心|仓|物资|货|旅客|乘客|车|船|港|枢纽|码头|至|到|往|工作|服务|体|蛋白|子)/u,
  保证就业: /^(?:稳定|形势|率|岗位|总量)/u,
  // 加载、报错、延时和超时: a delay in a program or a camera, not a sexual-health claim.
  延时: /^(?:和超时|与超时|、超时|或超时|毫秒|秒|时间|加载|执行|任务|函数|摄影|拍摄|播放|发送|开关|参数|选项|设置|器|退休|交付|发货|开学|到账|错误|问题|过高|过长|较高|较低|更高|更低|增加|降低|减少|抖动)/u,
};

/**
 * Words the characters before give another sense: 谷物被进一步转运 moves goods; 布朗特担任香水代言人 reports a person's
 * job, as news does, and 为运动员发声代言 speaks for people (a seller's own 本品代言人 is kept by the advertised test before this one).
 */
const otherSenseBefore: Record<string, RegExp> = {
  转运: /(?:被|进1步|负责|用于|集中|统1|中途|货物|物资|谷物|粮食|旅客|乘客|伤员|病人)[^,。!?]{0,4}$/u,
  // 为运动员发声代言: speaking for a group of people, an advocate's work, not an endorsement of goods.
  代言: /(?:担任|出任|成为|当选|签约|受邀担任|聘为)[^,。!?]{2,20}$|发声$|(?:为|替)[^,。!?]{1,10}?(?:员|者|们|民|群体|女性|儿童|工人|农民|百姓)$/u,
  // 无特效药物、尚无针对核心症状的特效药、目前没有治疗该病的特效药: a reference saying there is no such drug, not a
  // seller offering one.
  // 尚无可投入临床的疫苗与特效药物: the drug listed beside others that do not exist yet.
  特效药: /(?:尚无|并无|暂无|没有|(?<![需须])无(?![需须]))(?:(?:针对|治疗|可投入|可用于?|获批)[^,。!?]{0,14}?(?:的|与|和|及))?$/u,
  // 网络延时、DNS 传播延时、请求的延时: the delay of a network or a system, as docs say.
  延时: /(?:网络|传播|传输|通信|请求|响应|读写|读取|写入|复制|同步|查询|磁盘|服务器|服务端|客户端|接口|系统|数据库|dns|api|rpc|高|低)的?\s*$/iu,
};

function fromEntry(entry: DictionaryEntry, view: MatchView, facts: AccountFacts): Omit<Claim, 'start' | 'end'> | undefined {
  if (negated(view.sentence, view.start) || acrossWords(view)) return undefined;
  const family = familyOf(families[entry.category] ?? 'medical', view.sentence);
  if (toldNotSold(family, view)) return undefined;
  if (family === 'health' && approvedFunction(view, facts)) return undefined;
  const needsSubject = entry.tags?.includes('需主体') ?? false;
  const { reading, basis } = readingFor(family, facts);
  const asClaim = !needsSubject || view.advertised;
  return {
    label: entry.category,
    reading: asClaim ? reading : `${reading}；句中未见所推广的商品，描述本店商品时才算宣称`,
    basis: family === 'medical' || family === 'health' || family === 'cosmetics' ? basis : (entry.basis ?? basis),
    message: entry.message ?? defaultMessages[family],
    severity: asClaim ? entry.severity : 'info',
    ...(entry.suggestions ? { suggestions: entry.suggestions } : {}),
  };
}

/**
 * A term the sentence's words cut through at both ends (法事 in 方法事件) was not written; where nothing is sold, one
 * end cut by a much likelier word is enough (延时 in 蔓延时、治 in 收治全省危重症 and 乔治城大学).
 */
const acrossWords = (view: MatchView) => {
  if (!/^\p{Script=Han}+$/u.test(view.sentence.slice(view.start, view.end))) return false;
  return straddlesWords(view.sentence, view.start, view.end) || (!view.advertised && cutByWords(view.sentence, view.start, view.end));
};

function fromPattern(pattern: ClaimPattern, view: MatchAt, facts: AccountFacts): Omit<Claim, 'start' | 'end'> | undefined {
  if (negated(view.sentence, view.start) || acrossWords(view)) return undefined;
  const accepted = pattern.accept ? pattern.accept(view) : pattern.requires === 'always' || view.advertised;
  if (!accepted) return undefined;
  const family = familyOf(pattern.family, view.sentence);
  if (toldNotSold(family, view)) return undefined;
  if ((family === 'medical' || family === 'health') && approvedFunction(view, facts)) return undefined;
  const reading = readingFor(family, facts);
  return { label: pattern.label, reading: reading.reading, basis: pattern.basis ?? reading.basis, message: pattern.message, severity: 'error' };
}

/** Returns and appreciation of a property are read under art. 26, not art. 25. */
function familyOf(family: Family, sentence: string): Family {
  return family === 'finance' && has(propertyWords, sentence) ? 'real-estate' : family;
}

/** Of overlapping claims the one starting first (then the longest) is kept: one finding per stretch of text. */
function keepOutermost(claims: Claim[]): Claim[] {
  const sorted = [...claims].sort((a, b) => a.start - b.start || b.end - a.end || rank(b) - rank(a));
  const kept: Claim[] = [];
  for (const claim of sorted) {
    const last = kept.at(-1);
    if (last && claim.start < last.end) continue;
    kept.push(claim);
  }
  return kept;
}

const rank = (claim: Claim) => (claim.severity === 'error' ? 2 : claim.severity === 'warning' ? 1 : 0);
