import { compiledTargets } from './patterns.ts';
import { lookalikesOf } from './tables.ts';
import type { Unit } from './units.ts';
import { allReadings, contextReadings, tones } from './readings.ts';
import { anchors, frequencyOf, isCommon, isFunctionWord, readsAsWords } from './words.ts';

/** How one character of a term was written instead. */
export type PieceKind = 'homophone' | 'lookalike' | 'pinyin' | 'initials' | 'emoji';

export interface Piece {
  written: string;
  /** What it stands for, as the list writes it. */
  stands: string;
  kind: PieceKind;
}

/** A target found in a block's units: plainly (`pieces` empty) or in disguise. */
export interface Found {
  target: number;
  /** The units spelling it, one per character of the folded term. */
  units: readonly Unit[];
  pieces: Piece[];
  /** A common character in another tone (抗爱): kept only beside another disguise of its family in the sentence. */
  needsCompany?: boolean;
}

/** The term as written in its list, one character per folded character (第一 for 第1), for messages. */
export function display(target: number): string[] {
  const { term, folded } = compiledTargets().targets[target]!;
  return [...term].length === [...folded].length ? [...term] : [...folded];
}

type Kind = 'exact' | PieceKind;

function kindOf(unit: Unit, char: string, keys: ReadonlySet<string>): Kind | undefined {
  if (unit.kind === 'emoji') return keys.has(unit.key) || unit.text === char ? 'emoji' : undefined;
  if (unit.text === char) return 'exact';
  if (unit.kind === 'latin') return keys.has(unit.key) ? 'pinyin' : undefined;
  if (lookalikesOf(char).includes(unit.text)) return 'lookalike';
  return unit.kind === 'han' && keys.has(unit.key) ? 'homophone' : undefined;
}

/** A pinyin syllable or letter at an edge must be where its Latin run starts or ends (not the xin of weixin alone). */
function cutsRun(units: readonly Unit[], first: number, last: number): boolean {
  const head = units[first]!.run;
  const tail = units[last - 1]!.run;
  return (head !== undefined && !head.starts) || (tail !== undefined && !tail.ends);
}

/**
 * A common character read in another tone than the term's (受 shòu for 首 shǒu, 温 wēn for 稳 wěn) is far more
 * often itself than a stand-in; a rare one (醉, 锅 guō for 过) is not. Any of its readings counts: 转 is zhuǎn and
 * zhuàn, so it sounds like 赚 zhuàn (躺转, 只转不赔) but not like 专 zhuān.
 */
function commonInAnotherTone(char: string, target: number, index: number): boolean {
  if (!isCommon(char)) return false;
  const folded = compiledTargets().targets[target]!.folded;
  const tone = tones(folded)[index];
  if (tones(char)[0] === tone) return false;
  const syllable = contextReadings(folded)[index];
  return !allReadings(char).some((reading) => reading === `${syllable}${tone}`);
}

/**
 * A kept character too common to anchor (最, 关) still shows the term when every other character is a rare one drawn
 * like the term's (最隹): nobody writes 隹 for itself beside 最, while a homophone (蕞好) may be a word of its own.
 */
function rareLookalikes(span: readonly Unit[], kinds: readonly Kind[]): boolean {
  return kinds.includes('exact') && span.every((u, i) => kinds[i] === 'exact' || (kinds[i] === 'lookalike' && !isCommon(u.text)));
}

/** Whether a character makes a listed word with the character before or after it in the original (制定 in 政府制定的). */
function inWord(input: string, unit: Unit): boolean {
  const [from, to] = unit.origin;
  return frequencyOf(input.slice(Math.max(0, from - 1), to)) > 0 || frequencyOf(input.slice(from, to + 1)) > 0;
}

/** Brackets or a slash between two characters set off an aside or an alternative: 攒(zǎn) is not 攒赞, 文／卦山 not 问卦. */
const brackets = /[()（）[\]【】《》「」〈〉/／]/;

function bracketed(units: readonly Unit[], input: string): boolean {
  for (let i = 1; i < units.length; i++) if (brackets.test(input.slice(units[i - 1]!.origin[1], units[i]!.origin[0]))) return true;
  return false;
}

/**
 * Whether units `[first, last)` spell the target, and how. A homophone or look-alike needs a character kept as it
 * is beside it, one that is not a mere function word (醉佳 yes; 罪加, 盐时 no), may not itself be a function word
 * (为一 is not 唯一), and must not make an ordinary word or part of one (根植, 国家集中, 二楼奉 are not 根治, 国家级,
 * 楼凤). Pinyin and emoji may stand for a whole term.
 */
export function spelling(units: readonly Unit[], first: number, last: number, target: number, input: string): Found | undefined {
  const { targets, keys } = compiledTargets();
  const chars = [...targets[target]!.folded];
  if (last - first !== chars.length || cutsRun(units, first, last)) return undefined;
  const stands = display(target);
  const kinds: Kind[] = [];
  for (let i = 0; i < chars.length; i++) {
    const kind = kindOf(units[first + i]!, chars[i]!, keys[target]![i]!);
    if (!kind) return undefined;
    kinds.push(kind);
  }
  const span = units.slice(first, last);
  if (kinds.every((k) => k === 'exact')) return { target, units: span, pieces: [] };
  // One emoji may be a whole term (🧧 红包); emoji side by side, each read by a syllable (🛰 卫), are just emoji.
  if (kinds.every((k) => k === 'emoji') && span.some((u) => u.origin[0] !== span[0]!.origin[0])) return undefined;
  if (targets[target]!.contextOnly) return undefined;
  const alike = kinds.some((k) => k === 'homophone' || k === 'lookalike');
  if (bracketed(span, input)) return undefined;
  if (alike && !span.some((u, i) => kinds[i] === 'exact' && anchors(u.text)) && !rareLookalikes(span, kinds)) return undefined;
  if (alike && span.some((u, i) => (kinds[i] === 'homophone' || kinds[i] === 'lookalike') && isFunctionWord(u.text))) return undefined;
  const shifted = span.filter((u, i) => kinds[i] === 'homophone' && commonInAnotherTone(u.text, target, i)).length;
  // A common character in another tone (爱 ài for 癌 ái, 法 fǎ for 发 fā) is mostly itself: one such change, the rest
  // written plainly, making no word with its neighbours, and beside another disguise of its family (抗爱防爱, restore.ts).
  if (shifted && (kinds.filter((k) => k !== 'exact').length > 1 || span.some((u, i) => kinds[i] === 'homophone' && inWord(input, u)))) return undefined;
  if (alike && readsAsWords(input, span[0]!.origin[0], span.at(-1)!.origin[1], span.map((u) => u.text).join(''), targets[target]!.term)) return undefined;
  return { target, units: span, pieces: piecesOf(span, kinds, stands), ...(shifted ? { needsCompany: true } : {}) };
}

/** Consecutive characters disguised the same way (zhuan fa, 🧧 for 红包) make one piece. */
function piecesOf(units: readonly Unit[], kinds: readonly Kind[], stands: readonly string[]): Piece[] {
  const pieces: Piece[] = [];
  for (let i = 0; i < units.length; i++) {
    const kind = kinds[i]!;
    if (kind === 'exact') continue;
    const previous = pieces.at(-1);
    const sameEmoji = kind === 'emoji' && i > 0 && kinds[i - 1] === 'emoji' && units[i - 1]!.origin[0] === units[i]!.origin[0];
    const joins = previous && previous.kind === kind && kinds[i - 1] === kind && (kind === 'pinyin' || sameEmoji);
    if (joins) {
      if (kind === 'pinyin') previous.written += units[i]!.text;
      previous.stands += stands[i]!;
    } else pieces.push({ written: units[i]!.shown ?? units[i]!.text, stands: stands[i]!, kind });
  }
  return pieces;
}

/** Every spelling of a target in the units, plain or disguised, by one pass over their keys. */
export function spellingsIn(units: readonly Unit[], input: string): Found[] {
  const { matcher } = compiledTargets();
  let keys = '';
  const unitAt: number[] = [];
  units.forEach((unit, index) => {
    for (let k = 0; k < unit.key.length; k++) unitAt.push(index);
    keys += unit.key;
  });
  const found: Found[] = [];
  for (const hit of matcher.search(keys)) {
    const first = unitAt[hit.start]!;
    if (hit.start > 0 && unitAt[hit.start - 1] === first) continue;
    const spelt = spelling(units, first, unitAt[hit.end - 1]! + 1, hit.data, input);
    if (spelt && !found.some((f) => f.target === spelt.target && f.units[0] === spelt.units[0])) found.push(spelt);
  }
  return found;
}

/** Latin runs written in lower case that are a target's initials (zj 最佳, wzbp 稳赚不赔); every target they could be. */
export function initialsIn(units: readonly Unit[], input: string): Found[] {
  const { initials } = compiledTargets();
  const found: Found[] = [];
  for (let i = 0; i < units.length; i++) {
    if (!units[i]!.run?.starts || units[i]!.kind !== 'letter') continue;
    let end = i;
    while (!units[end]!.run!.ends) end++;
    const span = units.slice(i, end + 1);
    const letters = span.map((u) => u.text).join('');
    // Capitals are an acronym (DJ, SD 卡, HB 铅笔); chat-style initials are written small.
    const [from, to] = [span[0]!.origin[0], span.at(-1)!.origin[1]];
    const written = input.slice(from, to).normalize('NFKC');
    // Letters from separate words (x = y) or a unit or suffix after a digit or dot (1 kg, main.rs) are not initials.
    if (written !== written.toLowerCase() || written.length !== letters.length || /[0-9.]$/.test(input.slice(Math.max(0, from - 2), from).trimEnd())) continue;
    // One name in a list of Latin words (jobs，fg，bg，kill): command names, not chat initials; a list of initials
    // (jxy、jxt) is still one.
    const before = /([A-Za-z]+)[\s，,、/|]*$/u.exec(input.slice(Math.max(0, from - 16), from))?.[1];
    const after = /^[\s，,、/|]*([A-Za-z]+)/u.exec(input.slice(to, to + 16))?.[1];
    if ([before, after].some((word) => word !== undefined && !initials.has(word.toLowerCase()))) continue;
    for (const target of initials.get(letters) ?? []) found.push({ target, units: span, pieces: [{ written: letters, stands: display(target).join(''), kind: 'initials' }] });
  }
  return found;
}
