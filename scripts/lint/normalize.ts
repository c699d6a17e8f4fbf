import type { Disguise } from './evasion/index.ts';
import { toSimplified } from './simplified.ts';

/** Normalised text and, for each of its UTF-16 units, the index in the input it came from. */
export interface Normalized {
  text: string;
  map: number[];
  /** Where each unit's original ends, when a unit can stand for several characters (zui restored as 最). */
  ends?: number[];
  /** Disguised terms written plainly in `text` (see evasion/restore.ts). */
  disguises?: readonly Disguise[];
}

/** The input range `[from, to)` that normalised units `[start, end)` came from. */
export function originalRange(normalized: Normalized, input: string, start: number, end: number): [number, number] {
  const last = normalized.map[end - 1]!;
  const to = normalized.ends?.[end - 1] ?? last + (input.codePointAt(last)! > 0xffff ? 2 : 1);
  return [normalized.map[start]!, to];
}

/** What a folded character is to the matcher: a character to keep, noise to drop, or a clause mark (，、：) that is dropped only between spaced-out characters. */
const Kind = { keep: 0, noise: 1, clause: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** One character of folded output, with what `normalize` asks of it, worked out once per distinct input character. */
interface FoldedChar {
  char: string;
  kind: Kind;
  han: boolean;
}

const charCache = new Map<string, FoldedChar[]>();
/** The same, by code unit, for characters of the Basic Multilingual Plane: looked up without making a string. */
const bmpCache: Array<FoldedChar[] | undefined> = [];

const digits: Record<string, string> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
  壹: '1', 贰: '2', 叁: '3', 肆: '4', 伍: '5', 陆: '6', 柒: '7', 捌: '8', 玖: '9',
};
for (let i = 0; i < 10; i++) {
  // ❶–❿ and ➀–➉ are not folded by NFKC.
  digits[String.fromCodePoint(0x2776 + i)] = String((i + 1) % 10);
  digits[String.fromCodePoint(0x2780 + i)] = String((i + 1) % 10);
}

/**
 * What writers (or evaders) put between the characters of a word: spaces, zero-width and format characters
 * (U+200B–U+200D, U+2060, U+FEFF), combining marks, any punctuation or symbol, emoji with their variation
 * selectors, skin tones, keycaps, tags and flags, and the stroke characters used as bars (丨丶丿, U+31C0–U+31EF).
 * Kept: letters and digits, `%`, `‰` and `+` (terms such as 100%、+V need them) and the breaker U+FFFC.
 */
const noise = /^[\s\p{Cf}\p{Mn}\p{Me}\p{P}\p{S}\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}\uFE00-\uFE0F\u20E3\u{E0020}-\u{E007F}\u31C0-\u31EF丨丶丿]$/u;
const kept = /^[%‰+\uFFFC]$/u;
/** Marks that end a clause: kept, so words never join across them, except between spaced-out characters (最、佳、选、择). */
const clause = /^[,、:;。!?]$/u;
const han = /^\p{Script=Han}$/u;

function kindOf(char: string): Kind {
  if (clause.test(char)) return Kind.clause;
  return noise.test(char) && !kept.test(char) ? Kind.noise : Kind.keep;
}

function foldChar(char: string): FoldedChar[] {
  let folded = charCache.get(char);
  if (folded === undefined) {
    const text = [...char.normalize('NFKC').toLowerCase()].map((c) => digits[c] ?? digits[toSimplified(c)] ?? toSimplified(c)).join('');
    folded = [...text].map((c) => ({ char: c, kind: kindOf(c), han: han.test(c) }));
    charCache.set(char, folded);
  }
  return folded;
}

/**
 * Whether a run of clause marks and noise from `from` on (by `step`) ends at a clause mark or the end of the text
 * rather than at a kept character: one side of a character that stands alone (the 佳 of 最、佳、选).
 */
function alone(chars: readonly FoldedChar[], from: number, step: number): boolean {
  for (let i = from; i >= 0 && i < chars.length; i += step) {
    const kind = chars[i]!.kind;
    if (kind !== Kind.noise) return kind === Kind.clause;
  }
  return true;
}

/** The nearest kept character from `from` on (by `step`) before any other clause mark, or -1. */
function nearKept(chars: readonly FoldedChar[], from: number, step: number): number {
  for (let i = from; i >= 0 && i < chars.length; i += step) {
    const kind = chars[i]!.kind;
    if (kind === Kind.keep) return i;
    if (kind === Kind.clause) return -1;
  }
  return -1;
}

/** A clause mark is dropped between two characters that each stand alone: 最、佳 is spaced out, 第一、 is not. */
function dropClause(chars: readonly FoldedChar[], j: number): boolean {
  const before = nearKept(chars, j - 1, -1);
  if (before < 0) return false;
  const after = nearKept(chars, j + 1, 1);
  // Both sides alone: 最、佳、选 is spaced out; 蒜、姜、白芝麻 is a list.
  return after >= 0 && alone(chars, before - 1, -1) && alone(chars, before + 1, 1) && alone(chars, after - 1, -1) && alone(chars, after + 1, 1);
}

/**
 * Folds what evasion varies so one dictionary entry catches them all: full and half width, case, traditional
 * characters, digit styles (①, 一, 壹, 1), noise between characters (最*佳, 国 家 级, 顶🔥级, 最\u200d佳, 最、佳)
 * and repeated Han characters (最最最好). Dictionary terms go through the same function, so both sides agree.
 */
export function normalize(input: string): Normalized {
  const chars: FoldedChar[] = [];
  const origins: number[] = [];
  for (let i = 0; i < input.length; ) {
    const code = input.charCodeAt(i);
    // A surrogate pair is one character; any other unit is looked up by its code, without making a string.
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length && input.charCodeAt(i + 1) >= 0xdc00 && input.charCodeAt(i + 1) <= 0xdfff;
    let folded = pair ? undefined : bmpCache[code];
    if (folded === undefined) {
      folded = foldChar(pair ? input.slice(i, i + 2) : input[i]!);
      if (!pair) bmpCache[code] = folded;
    }
    for (const c of folded) {
      chars.push(c);
      origins.push(i);
    }
    i += pair ? 2 : 1;
  }
  let text = '';
  const map: number[] = [];
  let last = '';
  for (let k = 0; k < chars.length; k++) {
    const c = chars[k]!;
    if (c.kind === Kind.noise || (c.kind === Kind.clause && dropClause(chars, k)) || (c.char === last && c.han)) continue;
    text += c.char;
    for (let u = 0; u < c.char.length; u++) map.push(origins[k]!);
    last = c.char;
  }
  return { text, map };
}

/**
 * `normalize(input).text`, for terms and patterns, whose positions nobody asks for: without the position map, and at
 * once for text that folding leaves as it is (most of a 20,000-word list), which is then returned unchanged.
 */
export function foldText(input: string): string {
  let last = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) return normalize(input).text;
    const folded = (bmpCache[code] ??= foldChar(input[i]!));
    const c = folded[0];
    if (folded.length !== 1 || !c || c.kind !== Kind.keep || c.char !== input[i] || (c.han && c.char === last)) return normalize(input).text;
    last = c.char;
  }
  return input;
}
