import type { Span } from '../../../content/index.ts';
import { findInBlock, normalizedBlock } from '../../define-rule.ts';
import { foldText, originalRange as rangeOf } from '../../normalize.ts';
import type { Dictionary, DictionaryEntry } from '../../dictionary.ts';
import { blockSpan, type TextBlock } from '../../prose.ts';
import { straddlesWords } from '../../evasion/words.ts';
import { gatePatterns, mentionAfter, mentionBefore, rewardPatterns } from './patterns.ts';

/**
 * Word classes of the platform lexicon, by the category (and tag) names dictionaries/platform.yaml uses. Some exist
 * only to take a longer match from a shorter word of another class (红包封面 from 红包, 微信搜一搜 from 微信).
 */
const roleNames = {
  分享: 'share',
  '分享·需对象': 'share-to',
  分享任务: 'share-task',
  关注: 'follow',
  点赞在看: 'like',
  '点击·需广告': 'click',
  广告: 'ad',
  集赞: 'collect',
  拉票: 'canvass',
  投票: 'vote',
  奖励: 'reward',
  门槛: 'gate',
  胁迫: 'threat',
  否定: 'negation',
  红包: 'money',
  非现金红包: 'voucher',
  冒充通知: 'impersonation',
  通知: 'notice',
  拆红包: 'open-packet',
  打开: 'open',
  进群: 'group',
  留信息: 'personal-data',
  导流: 'divert',
  导流去处: 'offsite',
  站外平台: 'platform',
  站内功能: 'onsite',
  标题党: 'bait',
  '标题党·弱': 'bait-weak',
} as const;

export type Role = (typeof roleNames)[keyof typeof roleNames];

/** Whether a lexicon category or tag names a word class the platform rules use. */
export const isRoleName = (name: string): name is keyof typeof roleNames => Object.hasOwn(roleNames, name);

/** A word of the lexicon (or a pattern) found in a sentence. Offsets are in the block's normalised text. */
export interface Token {
  start: number;
  end: number;
  roles: ReadonlySet<Role>;
  /** Normalised text of the match. */
  text: string;
  /** The lexicon term it matched, normalised: the same for every spelling the engine folds onto it (关住 → 关注). */
  term: string;
}

/** A sentence of a block: its range in the block's normalised text, its tokens, and the sentence before it. */
export interface Sentence {
  block: TextBlock;
  /** The block's whole normalised text; `start`/`end` delimit this sentence in it. */
  text: string;
  start: number;
  end: number;
  tokens: readonly Token[];
  previous?: Sentence;
  /** Maps normalised offsets back to the block's text. */
  map: readonly number[];
  /** Per normalised offset: 2 when a sentence ends after it, 1 when a clause does, else 0 (empty: no words, not split). */
  breaks: Uint8Array;
}

// Read on the original text too, so a boundary holds even where folding drops the punctuation itself.
const sentenceEnd = new Set([...'。！？；!?;\n'].map((c) => c.charCodeAt(0)));
const clauseEnd = new Set([...'，,：:（）()、\uFFFC'].map((c) => c.charCodeAt(0)));
const latin = /[a-z]/;

const breakAt = (code: number): number => (sentenceEnd.has(code) ? 2 : clauseEnd.has(code) ? 1 : 0);

/** Where sentences and clauses end, by the punctuation at or after each normalised character in the block. */
function breaksOf(block: TextBlock, text: string, map: readonly number[]): Uint8Array {
  const breaks = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    let kind = breakAt(text.charCodeAt(i));
    const next = i + 1 < text.length ? map[i + 1]! : block.text.length;
    for (let k = map[i]! + 1; k < next && kind < 2; k++) kind = Math.max(kind, breakAt(block.text.charCodeAt(k)));
    breaks[i] = kind;
  }
  return breaks;
}

/** Rewards and gates only matter beside an action, a vote or a destination; most sentences have none. */
const askingRoles: ReadonlySet<Role> = new Set(['share', 'share-to', 'share-task', 'follow', 'like', 'click', 'vote', 'group', 'offsite', 'platform']);

interface EntryInfo {
  roles: ReadonlySet<Role>;
  term: string;
  asks: boolean;
}

const entryInfo = new WeakMap<DictionaryEntry, EntryInfo>();

function infoOf(entry: DictionaryEntry): EntryInfo {
  let info = entryInfo.get(entry);
  if (!info) {
    const roles = new Set([entry.category, ...(entry.tags ?? [])].filter(isRoleName).map((name) => roleNames[name]));
    info = { roles, term: foldText(entry.term), asks: [...roles].some((r) => askingRoles.has(r)) };
    entryInfo.set(entry, info);
  }
  return info;
}

const patternRoles: ReadonlyArray<[readonly RegExp[], ReadonlySet<Role>]> = [
  [rewardPatterns, new Set(['reward'])],
  [gatePatterns, new Set(['gate'])],
];

/** Rewards and gates the patterns find, unless they overlap a lexicon word (领取 is one token, not 可领 + 取). */
function patternTokens(text: string, start: number, end: number, words: readonly Token[]): Token[] {
  const slice = text.slice(start, end);
  const found: Token[] = [];
  for (const [patterns, roles] of patternRoles) {
    for (const pattern of patterns) {
      for (const match of slice.matchAll(pattern)) {
        const from = start + match.index;
        const to = from + match[0].length;
        if (words.some((w) => w.start < to && w.end > from) || found.some((w) => w.start < to && w.end > from)) continue;
        found.push({ start: from, end: to, roles, text: match[0], term: match[0] });
      }
    }
  }
  return found;
}

const analyses = new WeakMap<Dictionary, WeakMap<TextBlock, Sentence[]>>();

/** The sentences of a block with the lexicon's words in each; computed once per block for all platform rules. */
export function sentencesOf(block: TextBlock, dictionary: Dictionary): readonly Sentence[] {
  let byBlock = analyses.get(dictionary);
  if (!byBlock) analyses.set(dictionary, (byBlock = new WeakMap()));
  let sentences = byBlock.get(block);
  if (!sentences) byBlock.set(block, (sentences = analyse(block, dictionary)));
  return sentences;
}

function analyse(block: TextBlock, dictionary: Dictionary): Sentence[] {
  const { text, map } = normalizedBlock(block);
  // Through findInBlock, the engine's own matching, so whatever it folds (variants, look-alikes) the lexicon gets.
  const words: Array<Token & { asks: boolean }> = [];
  for (const m of findInBlock(dictionary, block)) {
    const { roles, term, asks } = infoOf(m.entry);
    // A Latin term inside a longer word (app in application, vx in a code) is not the term.
    if (!roles.size || (latin.test(text[m.start - 1] ?? '') && latin.test(text[m.start]!)) || (latin.test(text[m.end] ?? '') && latin.test(text[m.end - 1]!))) continue;
    if (cutThrough(text, m.start, m.end, roles)) continue;
    words.push({ start: m.start, end: m.end, roles, text: text.slice(m.start, m.end), term, asks });
  }
  // Most blocks hold none of the lexicon's words: one sentence is enough for the checks that need no word.
  if (!words.length) return text.trim() ? [{ block, text, start: 0, end: text.length, tokens: [], map, breaks: new Uint8Array(0) }] : [];
  const breaks = breaksOf(block, text, map);
  const sentences: Sentence[] = [];
  let start = 0;
  let next = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && breaks[i] !== 2) continue;
    const end = Math.min(i + 1, text.length);
    const first = next;
    while (next < words.length && words[next]!.start < end) next++;
    if (text.slice(start, end).trim()) {
      const inside = words.slice(first, next);
      const tokens = inside.some((w) => w.asks) ? [...inside, ...patternTokens(text, start, end, inside)].sort((a, b) => a.start - b.start) : inside;
      const previous = sentences.at(-1);
      sentences.push({ block, text, start, end, tokens, map, breaks, ...(previous ? { previous } : {}) });
    }
    start = end;
  }
  return sentences;
}

/**
 * An urgent word of two or three characters that the sentence's words cut through at both ends (速转 in 迅速转化为抑郁、
 * 迅速转换) was not written. Asked of urgency and bait words only, which are few, so most lints never load the word list.
 */
function cutThrough(text: string, start: number, end: number, roles: ReadonlySet<Role>): boolean {
  if (!roles.has('threat') && !roles.has('bait')) return false;
  return /^\p{Script=Han}{2,3}$/u.test(text.slice(start, end)) && straddlesWords(text, start, end);
}

/**
 * A reward word the sentence's words cut through at both ends (免单 in 避免单一身份) was not written. Asked only of an
 * incentive beside a share or follow word, so copy without one never loads the word list.
 */
export function cutByWords(sentence: Sentence, token: Token): boolean {
  if (!/^\p{Script=Han}{2,3}$/u.test(token.text)) return false;
  // Read in the original: folding writes 一 as 1, which would end the Han run the words are read from.
  const from = sentence.map[token.start]!;
  const to = sentence.map[token.end - 1]! + 1;
  return straddlesWords(sentence.block.text, from, to);
}

/** The clause (between commas, colons, brackets) around a normalised offset, with the mark that ends it. */
export function clauseAround(sentence: Sentence, at: number): [number, number] {
  let from = at;
  while (from > sentence.start && !sentence.breaks[from - 1]) from--;
  let to = at;
  while (to < sentence.end && !sentence.breaks[to]) to++;
  return [from, Math.min(to + 1, sentence.end)];
}

export const has = (token: Token, role: Role): boolean => token.roles.has(role);

export function tokensWith(sentence: Sentence, role: Role): Token[] {
  return sentence.tokens.filter((t) => t.roles.has(role));
}

/** The sentence's normalised text. */
export const sentenceText = (sentence: Sentence): string => sentence.text.slice(sentence.start, sentence.end);

/** Block-text range of a normalised range. */
function originalRange(sentence: Sentence, from: number, to: number): [number, number] {
  return rangeOf(normalizedBlock(sentence.block), sentence.block.text, from, to);
}

/** The words as written, for messages. */
export function original(sentence: Sentence, from: number, to: number): string {
  const [a, b] = originalRange(sentence, from, to);
  return sentence.block.text.slice(a, b);
}

/**
 * The block's text between the kept characters around a normalised range, so what folding dropped at its edges
 * (the quotation marks of 下载“青禾”App) is there; `original` gives the words alone.
 */
export function originalText(sentence: Sentence, from: number, to: number): string {
  const { map, block } = sentence;
  const previous = from > 0 ? map[from - 1] : undefined;
  const start = previous === undefined ? 0 : previous + (block.text.codePointAt(previous)! > 0xffff ? 2 : 1);
  return block.text.slice(start, to < map.length ? map[to] : block.text.length);
}

/** The file span of a normalised range. */
export function spanOf(sentence: Sentence, from: number, to: number): Span {
  const [a, b] = originalRange(sentence, from, to);
  return blockSpan(sentence.block, a, b);
}

/** The block as one sentence, for checks of a whole title. */
export function wholeBlock(sentences: readonly Sentence[]): Sentence | undefined {
  const first = sentences[0];
  const last = sentences.at(-1);
  if (!first || !last) return undefined;
  return { block: first.block, text: first.text, start: first.start, end: last.end, tokens: sentences.flatMap((s) => s.tokens), map: first.map, breaks: first.breaks };
}

/** Whether a word stands in a quotation that names a tactic (用“转发领红包”吸粉) rather than in a call to the reader. */
export function mentioned(sentence: Sentence, token: Token): boolean {
  const before = originalText(sentence, sentence.start, token.start);
  const after = originalText(sentence, token.end, sentence.end);
  const open = before.lastIndexOf('“');
  if (open < 0 || before.slice(open).includes('”')) return false;
  const close = after.indexOf('”');
  if (close < 0) return false;
  return mentionBefore.test(before.slice(Math.max(0, open - 2), open)) || mentionAfter.test(after.slice(close + 1, close + 5));
}
