import type { TextBlock } from '../../prose.ts';
import { isContiguous } from '../block-matches.ts';

const han = /^\p{Script=Han}$/u;
/** Full-width punctuation a Chinese sentence uses; a half-width mark right after one belongs to the sentence. */
const cjkPunctuation = /^[，。！？；：、（）「」『』“”‘’《》【】…—～·]$/u;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && han.test(char);
}

export function isCjkPunctuation(char: string | undefined): boolean {
  return char !== undefined && cjkPunctuation.test(char);
}

/** The code point that ends just before `index`, and where it starts. */
export function before(text: string, index: number): { char: string; at: number } | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const at = index >= 2 && low >= 0xdc00 && low <= 0xdfff && text.charCodeAt(index - 2) >= 0xd800 && text.charCodeAt(index - 2) <= 0xdbff ? index - 2 : index - 1;
  return { char: text.slice(at, index), at };
}

/** The code point that starts at `index`. */
export function at(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** Up to `count` Han characters right before `index`, touching in the source; returns where they start. */
export function hanBefore(block: TextBlock, index: number, count: number): number {
  let start = index;
  for (let n = 0; n < count; n++) {
    const prev = before(block.text, start);
    if (!prev || !isHan(prev.char) || !isContiguous(block, prev.at, index)) break;
    start = prev.at;
  }
  return start;
}

/** Up to `count` Han characters from `index` on, touching in the source; returns where they end. */
export function hanAfter(block: TextBlock, index: number, count: number): number {
  let end = index;
  for (let n = 0; n < count; n++) {
    const next = at(block.text, end);
    if (!next || !isHan(next) || !isContiguous(block, index, end + next.length)) break;
    end += next.length;
  }
  return end;
}

/** Characters of a Latin or numeric token as written in prose (words, numbers, versions, units, URLs, emails). */
const tokenChar = /[A-Za-z0-9.,%‰°℃¥$€£￥@:/_+#&=?~'-]/;

/**
 * Whether a half-width mark at `[from, to)` stands in a Chinese sentence and so should be full width: right after a
 * Han character or a full-width mark, or after a Latin or numeric token (共有3, / iPhone,) when Chinese comes right
 * after it, or Chinese stands before the token and the sentence ends there (价格是25.).
 */
export function inChineseSentence(text: string, from: number, to: number): boolean {
  const prev = before(text, from)?.char;
  if (isHan(prev) || isCjkPunctuation(prev)) return true;
  if (!prev || !/[A-Za-z0-9%‰°℃]/.test(prev)) return false;
  const next = at(text, to);
  const chineseAfter = isHan(next) || isCjkPunctuation(next);
  const ends = next === undefined || next === '\n';
  let start = from;
  while (start > 0 && tokenChar.test(text[start - 1]!)) start--;
  if (text[start - 1] === ' ') start--;
  const chineseBefore = isHan(before(text, start)?.char);
  // A full stop after a bare number opening a clause is more often a list number (1.打开) than a sentence's end.
  if (text[from] === '.') return chineseBefore && (chineseAfter || ends);
  return chineseAfter || (chineseBefore && ends);
}
