import { evasionTables } from './tables.ts';
import { wordFrequencies } from './word-frequencies.ts';

/**
 * Ordinary words, to tell a disguise from a word that only shares a reading or a shape with a term: 根植 is not
 * 根治, 国家集中 is 国家 + 集中, 油温过高 is 油温 + 过高. The words and their frequencies are @pinyin-pro/data's
 * complete dictionary (about 350,000 words and characters, ISC licence), read the first time a disguise is
 * suspected (word-frequencies.ts). Its rarest entries (frequency 3e-12 and below: 关住, 转法) are not counted as words.
 */

let dictionary: Map<string, number> | undefined;
const floor = 3e-12;

/** How often the dictionary sees a word or character, or 0 for never (or too rarely to count). */
export function frequencyOf(word: string): number {
  dictionary ??= wordFrequencies(floor);
  return dictionary.get(word) ?? 0;
}

/** A character the dictionary does not know scores below any word, so a listed word beats its characters. */
const unknown = Math.log(1e-12);
const longest = 6;

/** The log-likelihood of the best split of a text into listed words and single characters; `placeholder` scores `prior`. */
function bestSplit(text: string, placeholder?: { char: string; prior: number }): number {
  const score = new Float64Array(text.length + 1).fill(-Infinity);
  score[0] = 0;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const piece = text.slice(start, end);
      const frequency = placeholder && piece === placeholder.char ? placeholder.prior : frequencyOf(piece);
      const word = frequency ? Math.log(frequency) : end - start === 1 ? unknown : undefined;
      if (word !== undefined && score[start]! + word > score[end]!) score[end] = score[start]! + word;
    }
  }
  return score[text.length]!;
}

const han = /\p{Script=Han}/u;
/** How much likelier the text must read with the term than as written: a thousand times (地衣 stays 地衣, not 第一). */
const margin = Math.log(1000);

/**
 * Whether the characters `written` (a homophone or look-alike spelling, at `[from, to)` of the original text) read
 * better as ordinary words than as `term`: the Han text around them is split into words both ways, the term counting
 * as a word as common as the list's dictionary says (at least 1e-10), and the term must win by the margin. 国家集中
 * stays 国家 + 集中, 先将血压计 stays 将 + 血压计, 根植 stays 根植; 醉佳 becomes 最佳, 笫一名 becomes 第一 + 名.
 */
export function readsAsWords(input: string, from: number, to: number, written: string, term: string): boolean {
  let start = from;
  while (start > 0 && from - start < longest && han.test(input[start - 1]!)) start--;
  let end = to;
  while (end < input.length && end - to < longest && han.test(input[end]!)) end++;
  const [left, right] = [input.slice(start, from), input.slice(to, end)];
  const placeholder = { char: '\uE000', prior: Math.max(frequencyOf(term), 1e-10) };
  return bestSplit(left + written + right) + margin > bestSplit(left + placeholder.char + right, placeholder);
}

/** How common a character is on its own, by the thresholds the matcher uses (from tables.json, so no dictionary load). */
export const charThresholds = { function: 4e-8, unanchored: 5e-8, common: 5e-9 } as const;

/** Characters used this often on their own (为、和、与、及、将、至、于、的) are themselves, not a stand-in for a term's. */
export function isFunctionWord(char: string): boolean {
  return evasionTables().frequentChars.function.has(char);
}

/** Whether a kept character is rare enough to show which term is meant (一、的、过、好 are everywhere; 佳、级 are not). */
export function anchors(char: string): boolean {
  return !evasionTables().frequentChars.unanchored.has(char);
}

/** Whether a character is common enough (like 受、温) to be read as itself when its tone differs from the term's. */
export function isCommon(char: string): boolean {
  return evasionTables().frequentChars.common.has(char);
}

/** The Han characters at or above each threshold, for `npm run gen:evasion`. */
export function frequentChars(): Record<keyof typeof charThresholds, string> {
  dictionary ??= wordFrequencies(floor);
  const chars = [...dictionary.keys()].filter((word) => /^\p{Script=Han}$/u.test(word));
  const above = (threshold: number) => chars.filter((c) => frequencyOf(c) >= threshold).sort().join('');
  return { function: above(charThresholds.function), unanchored: above(charThresholds.unanchored), common: above(charThresholds.common) };
}

/** Where the best split of a Han text into listed words and single characters puts its word boundaries. */
function boundaries(text: string): Set<number> {
  const score = new Float64Array(text.length + 1).fill(-Infinity);
  const from = new Int32Array(text.length + 1);
  score[0] = 0;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const frequency = frequencyOf(text.slice(start, end));
      const word = frequency ? Math.log(frequency) : end - start === 1 ? unknown : undefined;
      if (word !== undefined && score[start]! + word > score[end]!) {
        score[end] = score[start]! + word;
        from[end] = start;
      }
    }
  }
  const cuts = new Set<number>([0, text.length]);
  for (let end = text.length; end > 0; end = from[end]!) cuts.add(from[end]!);
  return cuts;
}

/** `[from, to)` widened by up to a word's length of Han characters on each side: the words a term could sit in. */
function hanAround(input: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && from - start < longest && han.test(input[start - 1]!)) start--;
  let end = to;
  while (end < input.length && end - to < longest && han.test(input[end]!)) end++;
  return [start, end];
}

/**
 * Whether a term found at `[from, to)` of `input` lies across two ordinary words, both its ends inside them: 法事 in
 * 方法事件 (方法 + 事件), 延时 nowhere in 延时和超时. One end on a word boundary keeps the term (做法事: 做法 + 事 could be
 * 做 + 法事), so only a term the words clearly cut through is read as not written.
 */
export function straddlesWords(input: string, from: number, to: number): boolean {
  const [start, end] = hanAround(input, from, to);
  if (start === from || end === to) return false;
  const cuts = boundaries(input.slice(start, end));
  return !cuts.has(from - start) && !cuts.has(to - start);
}

/** The log-likelihood of the text's best split with a word boundary forced at each of `cuts` (offsets into it). */
function splitAt(text: string, cuts: readonly number[]): number {
  let total = 0;
  let last = 0;
  for (const cut of [...cuts, text.length]) {
    if (cut > last) total += bestSplit(text.slice(last, cut));
    last = Math.max(last, cut);
  }
  return total;
}

/**
 * Whether a word that starts before a term found at `[from, to)` runs into it, and the text reads a thousand times
 * likelier so than split at the term's ends: 延时 in 蔓延时 (蔓延 + 时), 治 in 收治、乔治城. Only the start counts: a
 * pattern may end inside a word by design (不提分全额退 in 全额退款). Weaker than straddlesWords, so the caller asks it
 * only where nothing is sold; 做法事 in a seller's sentence stays.
 */
export function cutByWords(input: string, from: number, to: number): boolean {
  const [start, end] = hanAround(input, from, to);
  const text = input.slice(start, end);
  const cuts = boundaries(text);
  if (cuts.has(from - start)) return false;
  return bestSplit(text) > splitAt(text, [from - start, to - start]) + margin;
}
