import * as OpenCC from 'opencc-js/t2cn';

/** Normalised text and, for each of its UTF-16 units, the index in the input it came from. */
export interface Normalized {
  text: string;
  map: number[];
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

/** One character of folded output, with what `normalize` asks of it, worked out once per distinct input character. */
interface FoldedChar {
  char: string;
  noise: boolean;
  han: boolean;
}

const charCache = new Map<string, FoldedChar[]>();

const digits: Record<string, string> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
};
for (let i = 0; i < 10; i++) {
  // ❶–❿ and ➀–➉ are not folded by NFKC.
  digits[String.fromCodePoint(0x2776 + i)] = String((i + 1) % 10);
  digits[String.fromCodePoint(0x2780 + i)] = String((i + 1) % 10);
}

/** Characters writers (or evaders) put between the characters of a word: spaces, stars, dots, dashes, zero-width. */
const noise = /^[\s\u200b-\u200f\u2060\ufeff*·•・.\-_~|\\/'"`^=#@$&]$/u;
const han = /^\p{Script=Han}$/u;

function foldChar(char: string): FoldedChar[] {
  let folded = charCache.get(char);
  if (folded === undefined) {
    const text = [...char.normalize('NFKC').toLowerCase()].map((c) => digits[c] ?? digits[toSimplified(c)] ?? toSimplified(c)).join('');
    folded = [...text].map((c) => ({ char: c, noise: noise.test(c), han: han.test(c) }));
    charCache.set(char, folded);
  }
  return folded;
}

/**
 * Folds what evasion varies so one dictionary entry catches them all: full and half width, case, traditional
 * characters, digit styles (①, 一, 壹, 1), noise between characters (最*佳, 国 家 级) and repeated Han characters
 * (最最最好). Dictionary terms go through the same function, so both sides agree.
 */
export function normalize(input: string): Normalized {
  let text = '';
  const map: number[] = [];
  let last = '';
  for (let i = 0; i < input.length; ) {
    const char = String.fromCodePoint(input.codePointAt(i)!);
    for (const c of foldChar(char)) {
      if (c.noise || (c.char === last && c.han)) continue;
      text += c.char;
      for (let k = 0; k < c.char.length; k++) map.push(i);
      last = c.char;
    }
    i += char.length;
  }
  return { text, map };
}
