import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Ordinary words, to tell a disguise from a word that only shares a reading or a shape with a term: 根植 is not
 * 根治, 国家集中 is 国家 + 集中, 油温过高 is 油温 + 过高. The words and their frequencies are @pinyin-pro/data's
 * complete dictionary (about 350,000 words and characters, ISC licence), read the first time a disguise is
 * suspected. Its rarest entries (frequency 3e-12 and below: 关住, 转法) are not counted as words.
 */

let dictionary: object | undefined;
const floor = 3e-12;

function dictionaryData(): object {
  if (!dictionary) {
    const data: unknown = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@pinyin-pro/data/complete.json'), 'utf8'));
    dictionary = data && typeof data === 'object' ? data : {};
  }
  return dictionary;
}

/** How often the dictionary sees a word or character, or 0 for never (or too rarely to count). */
export function frequencyOf(word: string): number {
  const entry: unknown = Object.hasOwn(dictionaryData(), word) ? Reflect.get(dictionaryData(), word) : undefined;
  const frequency: unknown = Array.isArray(entry) ? entry[1] : undefined;
  return typeof frequency === 'number' && frequency > floor ? frequency : 0;
}

/** A character the dictionary does not know scores below any word, so a listed word beats its characters. */
const unknown = Math.log(1e-12);
const longest = 6;

/** The most likely split of a text into listed words and single characters, as [from, to) ranges. */
export function segment(text: string): Array<[number, number]> {
  const score = new Float64Array(text.length + 1).fill(-Infinity);
  const back = new Int32Array(text.length + 1);
  score[0] = 0;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - longest); start < end; start++) {
      const frequency = frequencyOf(text.slice(start, end));
      const word = frequency ? Math.log(frequency) : end - start === 1 ? unknown : undefined;
      if (word === undefined || score[start]! + word <= score[end]!) continue;
      score[end] = score[start]! + word;
      back[end] = start;
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let end = text.length; end > 0; end = back[end]!) ranges.unshift([back[end]!, end]);
  return ranges;
}

const han = /\p{Script=Han}/u;

/**
 * Whether `[from, to)` of the (original) text reads as ordinary words rather than a disguised term: the Han text
 * around it, split into words, either has a word crossing one of its edges or makes it one word by itself.
 */
export function readsAsWords(text: string, from: number, to: number): boolean {
  let start = from;
  while (start > 0 && from - start < longest && han.test(text[start - 1]!)) start--;
  let end = to;
  while (end < text.length && end - to < longest && han.test(text[end]!)) end++;
  for (const [a, b] of segment(text.slice(start, end))) {
    const [wordFrom, wordTo] = [a + start, b + start];
    if (wordTo - wordFrom < 2) continue;
    if ((wordFrom < from && wordTo > from) || (wordFrom < to && wordTo > to) || (wordFrom === from && wordTo === to)) return true;
  }
  return false;
}

/** Characters used this often on their own (为、和、与、及、将、至、于、的) are themselves, not a stand-in for a term's. */
const functionWord = 4e-8;

export function isFunctionWord(char: string): boolean {
  return frequencyOf(char) >= functionWord;
}

/** Whether a kept character is rare enough to show which term is meant (一、的、时 are everywhere; 佳、级 are not). */
export function anchors(char: string): boolean {
  return frequencyOf(char) < 1e-7;
}
