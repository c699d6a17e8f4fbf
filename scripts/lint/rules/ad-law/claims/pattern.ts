import type { Quoted } from './quotes.ts';
import { foldText } from '../../../normalize.ts';

/** Which sentences a claim pattern needs before it counts as a claim about what is sold. */
export type Requirement =
  /** A claim on its face (治愈率 95%、保证通过): reported unless negated or quoted as a warning. */
  | 'always'
  /** A claim only when the sentence is about what is sold (本品、我们、这款、a price or buy call). */
  | 'advertised';

/** A claim family: which law applies depends on it and on the account's industry. */
export type Family =
  | 'medical'
  | 'health'
  | 'cosmetics'
  | 'education'
  | 'finance'
  | 'real-estate'
  | 'state'
  | 'superstition'
  | 'minors'
  | 'online'
  | 'appearance';

export interface ClaimPattern {
  /** Short Chinese label shown in the message, e.g. 疾病治疗功能. */
  label: string;
  family: Family;
  regex: RegExp;
  requires: Requirement;
  /** Why it is not allowed, and what to write instead; the legal basis is added by the family's reading. */
  message: string;
  /** Overrides the family's basis. */
  basis?: string;
  /** Only for accounts of these industries (e.g. travel times apply to real-estate advertising). */
  industries?: readonly string[];
  /** A cheap test the sentence must pass before the pattern is tried (most sentences name no disease at all). */
  gate?: (sentence: string) => boolean;
  /** Replaces `requires` with a test of its own (e.g. a product named as the subject of the clause). */
  accept?: (match: MatchView) => boolean;
}

/** A match as an `accept` test sees it: the normalised sentence, where the match is, and the account. */
export interface MatchView {
  sentence: string;
  start: number;
  end: number;
  /** The sentence speaks of what is sold: the seller (本品、我们、这款), its products, a price or buy call. */
  advertised: boolean;
  /** The sentence speaks of eating, drinking or using something (喝了、涂一周、做完手术). */
  uses: boolean;
  industries: ReadonlySet<string>;
  /** Whether the match stands in a short quotation of the original text, all of it or its end (quotes.ts). */
  quoted: Quoted;
}

/** True when `regex` matches somewhere in `text` (a global regex's position is reset first). */
export function has(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as the lint engine folds text (traditional characters, digits 一→1, repeated characters). */
export const fold = (term: string): string => foldText(term);

/** An alternation of the folded terms, longest first so the regex prefers 高血压 to 血压. */
export function alt(terms: readonly string[]): string {
  const folded = [...new Set(terms.map(fold).filter(Boolean))].sort((a, b) => b.length - a.length);
  return `(?:${folded.map(escape).join('|')})`;
}

/**
 * A regex from a readable source: `{name}` is replaced by the named table's alternation, and every run of Chinese
 * characters is folded the way lint folds the text it searches (so 一次 in a pattern matches 一次 in the text,
 * which the engine sees as 1次).
 */
export function compile(source: string, tables: Readonly<Record<string, readonly string[]>> = {}): RegExp {
  const folded = source.replace(/\p{Script=Han}+/gu, (run) => fold(run));
  const expanded = folded.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const table = tables[name];
    if (!table) throw new Error(`受限宣传规则的模式引用了不存在的词表 ${name}：${source}`);
    return alt(table);
  });
  return new RegExp(expanded, 'gu');
}

/** Numbers as lint folds them: 3、15、2十、百分之百 stays as written, 两、半、几 too. */
export const NUM = '(?:[0-9]+(?:[十百千万亿][0-9]*)*|[两半几十百千万][0-9十百千万]*)';

/** Whether a compiled (global) pattern matches `text`, from its start whatever an earlier search left in lastIndex. */
export function matches(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  return regex.test(text);
}
