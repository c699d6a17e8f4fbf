import type { DictionaryEntry, DictionaryMatch } from '../../../dictionary.ts';
import type { Severity } from '../../../../shared/finding.ts';
import { claimPatterns } from './all-patterns.ts';
import { advertised, isMeta, negated, speaksOfUse, type AccountFacts } from './context.ts';
import { approvedFunction } from './health-food.ts';
import { has, type ClaimPattern, type Family, type MatchView } from './pattern.ts';
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

/** Regulated claims in one block: the word list's matches read in their sentence, and the industry sentence patterns. */
export function findClaims(text: string, matches: readonly DictionaryMatch[], facts: AccountFacts): Claim[] {
  const found: Claim[] = [];
  for (const sentence of sentences(text)) {
    if (isMeta(sentence.text)) continue;
    const view = { sentence: sentence.text, advertised: advertised(sentence.text, facts), uses: speaksOfUse(sentence.text), industries: facts.industries };
    const end = sentence.start + sentence.text.length;
    for (const match of matches) {
      if (match.start < sentence.start || match.end > end) continue;
      const claim = fromEntry(match.entry, { ...view, start: match.start - sentence.start, end: match.end - sentence.start }, facts);
      if (claim) found.push({ ...claim, start: match.start, end: match.end });
    }
    for (const pattern of claimPatterns) found.push(...fromPattern(pattern, sentence, view, facts));
  }
  return keepOutermost(found);
}

function fromEntry(entry: DictionaryEntry, view: MatchView, facts: AccountFacts): Omit<Claim, 'start' | 'end'> | undefined {
  if (negated(view.sentence, view.start)) return undefined;
  const family = familyOf(families[entry.category] ?? 'medical', view.sentence);
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

function fromPattern(pattern: ClaimPattern, sentence: Sentence, base: Omit<MatchView, 'start' | 'end'>, facts: AccountFacts): Claim[] {
  const claims: Claim[] = [];
  pattern.regex.lastIndex = 0;
  for (const match of sentence.text.matchAll(pattern.regex)) {
    if (!match[0]) continue;
    const view: MatchView = { ...base, start: match.index, end: match.index + match[0].length };
    if (negated(view.sentence, view.start)) continue;
    const accepted = pattern.accept ? pattern.accept(view) : pattern.requires === 'always' || view.advertised;
    if (!accepted) continue;
    const family = familyOf(pattern.family, view.sentence);
    if ((family === 'medical' || family === 'health') && approvedFunction(view, facts)) continue;
    const reading = readingFor(family, facts);
    claims.push({
      start: sentence.start + view.start,
      end: sentence.start + view.end,
      label: pattern.label,
      reading: reading.reading,
      basis: pattern.basis ?? reading.basis,
      message: pattern.message,
      severity: 'error',
    });
  }
  return claims;
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
