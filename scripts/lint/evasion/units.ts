import type { Normalized } from '../normalize.ts';
import { plainLatin, readingOf, splitPinyin, syllableKey } from './readings.ts';

/**
 * The normalised text as the evasion matcher reads it: one unit per character, except that a run of Latin letters
 * that is pinyin throughout becomes one unit per syllable (zhuanfa → zhuan, fa). A unit's key is its reading where
 * it has one, so 醉, 最 and zui all key the same; other characters key as themselves.
 */
export interface Unit {
  text: string;
  key: string;
  kind: 'han' | 'latin' | 'letter' | 'other' | 'emoji';
  /** Range in the normalised text; an emoji the fold dropped has an empty one where it stood. */
  from: number;
  to: number;
  /** Range in the original text. */
  origin: [number, number];
  /** For letters and syllables: whether the unit starts, and whether it ends, its Latin run. */
  run?: { starts: boolean; ends: boolean };
  /** For an emoji read as a word: the emoji as written (its unit's text is a character of the word). */
  shown?: string;
}

const han = /^\p{Script=Han}$/u;
const latin = /^\p{Script=Latin}$/u;

/** Per BMP code unit, the code unit of its key (0: not worked out yet); keys are one code unit each. */
const keyCodes = new Uint16Array(0x10000);

const isHanCode = (code: number) => (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);

function keyCode(code: number): number {
  let key = keyCodes[code]!;
  if (key === 0) {
    const reading = isHanCode(code) || (code >= 0x30 && code <= 0x39) ? readingOf(String.fromCharCode(code)) : null;
    keyCodes[code] = key = reading ? syllableKey(reading).charCodeAt(0) : code;
  }
  return key;
}

/** The key a folded character matches by: its reading's code unit, or itself. */
export function keyOf(char: string): string {
  return char.length === 1 ? String.fromCharCode(keyCode(char.charCodeAt(0))) : char;
}

const splitCache = new Map<string, string[] | undefined>();

function syllablesOf(plain: string): string[] | undefined {
  if (!splitCache.has(plain)) splitCache.set(plain, splitPinyin(plain));
  return splitCache.get(plain);
}

/**
 * The units' keys as one string and where each key's unit starts in the text, without building the units: most
 * blocks have no disguise, and this is all it takes to see that.
 */
export function keysOf(text: string): { keys: string; starts: number[]; runs: string[] } {
  const codes = new Uint16Array(text.length);
  const starts: number[] = [];
  const runs: string[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const isLatin = (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f && latin.test(text[i]!));
    if (!isLatin) {
      // A surrogate pair keys as itself, unit for unit.
      codes[starts.length] = code >= 0xd800 && code <= 0xdfff ? code : keyCode(code);
      starts.push(i++);
      continue;
    }
    let end = i;
    while (end < text.length && latin.test(text[end]!)) end++;
    const plain = [...text.slice(i, end)].map(plainLatin).join('');
    runs.push(plain);
    const syllables = plain.length === end - i ? syllablesOf(plain) : undefined;
    for (const piece of syllables ?? [...plain]) {
      codes[starts.length] = (syllables ? syllableKey(piece) : piece).charCodeAt(0);
      starts.push(i);
      i += piece.length;
    }
    i = end;
  }
  let keys = '';
  for (let k = 0; k < starts.length; k += 4096) keys += String.fromCharCode(...codes.subarray(k, Math.min(k + 4096, starts.length)));
  return { keys, starts, runs };
}

function widthAt(input: string, index: number): number {
  return input.codePointAt(index)! > 0xffff ? 2 : 1;
}

/** The original range of normalised units `[from, to)`. */
export function originOf(normalized: Normalized, input: string, from: number, to: number): [number, number] {
  const last = normalized.map[to - 1]!;
  return [normalized.map[from]!, last + widthAt(input, last)];
}

export function unitsOf(normalized: Normalized, input: string): Unit[] {
  const { text } = normalized;
  const units: Unit[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (latin.test(char)) {
      let end = i;
      while (end < text.length && latin.test(text[end]!)) end++;
      pushRun(units, normalized, input, i, end);
      i = end;
      continue;
    }
    const isHan = han.test(char);
    units.push({ text: char, key: keyOf(char), kind: isHan ? 'han' : 'other', from: i, to: i + char.length, origin: originOf(normalized, input, i, i + char.length) });
    i += char.length;
  }
  return units;
}

/** A Latin run: its syllables when it is pinyin throughout, else its letters. */
function pushRun(units: Unit[], normalized: Normalized, input: string, from: number, to: number): void {
  const plain = [...normalized.text.slice(from, to)].map(plainLatin).join('');
  const first = units.length;
  // Tone marks come off one for one, so positions in `plain` are positions in the run.
  const syllables = plain.length === to - from ? syllablesOf(plain) : undefined;
  if (syllables) {
    let at = from;
    for (const syllable of syllables) {
      units.push({ text: syllable, key: syllableKey(syllable), kind: 'latin', from: at, to: at + syllable.length, origin: originOf(normalized, input, at, at + syllable.length) });
      at += syllable.length;
    }
  } else {
    for (let i = from; i < to; i++) units.push({ text: plain[i - from] ?? '', key: plain[i - from] ?? '', kind: 'letter', from: i, to: i + 1, origin: originOf(normalized, input, i, i + 1) });
  }
  for (let u = first; u < units.length; u++) units[u]!.run = { starts: u === first, ends: u === units.length - 1 };
}
