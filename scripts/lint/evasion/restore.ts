import type { Normalized } from '../normalize.ts';
import { display, initialsIn, spellingsIn, type Found, type Piece } from './find.ts';
import { compiledTargets } from './patterns.ts';
import { emojiWords, lookalikesOf } from './tables.ts';
import { keyOf, keysOf, unitsOf, type Unit } from './units.ts';
import { anchors, isCommon, isFunctionWord } from './words.ts';

/** A high-risk term found in an altered spelling: where it is written (original text) and how. */
export interface Disguise {
  from: number;
  to: number;
  /** The term as its list writes it. */
  term: string;
  pieces: Piece[];
}

/** Where a found spelling is in the normalised text (empty for an emoji alone), and in the original text. */
const range = (f: Found): [number, number] => [f.units[0]!.from, f.units.at(-1)!.to];
const origin = (f: Found): [number, number] => [Math.min(...f.units.map((u) => u.origin[0])), Math.max(...f.units.map((u) => u.origin[1]))];

const overlaps = ([a, b]: [number, number], [c, d]: [number, number]) => a < d && c < b;
const contains = ([a, b]: [number, number], [c, d]: [number, number]) => a <= c && d <= b;

/** The longest term has fewer characters than this. */
const reach = 12;

/** Emoji the fold dropped, each read as each word it stands for (🧧 as 红包), as extra units where it stood. */
function emojiSpellings(units: readonly Unit[], normalized: Normalized, input: string): Found[] {
  const found: Found[] = [];
  for (let k = 0; k <= units.length; k++) {
    const gapFrom = k > 0 ? units[k - 1]!.origin[1] : 0;
    const gapTo = k < units.length ? units[k]!.origin[0] : input.length;
    const at = k < units.length ? units[k]!.from : normalized.text.length;
    for (let i = gapFrom; i < gapTo; ) {
      const emoji = String.fromCodePoint(input.codePointAt(i)!);
      const end = i + emoji.length + (input[i + emoji.length] === '\uFE0F' ? 1 : 0);
      for (const word of emojiWords(emoji)) {
        const inserted = [...word].map((char): Unit => ({ text: char, key: keyOf(char), kind: 'emoji', from: at, to: at, origin: [i, end], shown: input.slice(i, end) }));
        // Only the units near the emoji can spell a term with it.
        const spelt = spellingsIn([...units.slice(Math.max(0, k - reach), k), ...inserted, ...units.slice(k, k + reach)], input);
        found.push(...spelt.filter((f) => f.pieces.length && f.units.some((u) => inserted.includes(u))));
      }
      i = end;
    }
  }
  return found;
}

const pictograph = /\p{Extended_Pictographic}/u;

/** Whether a block needs a closer look: a key match that is not plain (醉佳, zui佳), a run of initials, or an emoji. */
function mayHoldDisguise(text: string, input: string): boolean {
  const { keys, starts, runs } = keysOf(text);
  const { matcher, targets, initials } = compiledTargets();
  if (runs.some((run) => initials.has(run)) || pictograph.test(input)) return true;
  return matcher.search(keys).some((hit) => {
    const target = targets[hit.data]!;
    const written = text.slice(starts[hit.start], starts[hit.end] ?? text.length);
    if (target.contextOnly || written === target.folded) return false;
    if (/\p{Script=Latin}/u.test(written)) return true;
    // The cheap half of `spelling`'s checks: 同事 keeps nothing of 通便, 温过 keeps only the everywhere-word 过.
    const chars = [...written];
    const term = [...target.folded];
    const rareAlike = chars.some((char, i) => char === term[i]) && chars.every((char, i) => char === term[i] || (!isCommon(char) && lookalikesOf(term[i]!).includes(char)));
    return (rareAlike || chars.some((char, i) => char === term[i] && anchors(char))) && chars.every((char, i) => char === term[i] || (hanChar.test(char) && !isFunctionWord(char)));
  });
}

const hanChar = /^\p{Script=Han}$/u;

/** Which sentence each normalised position is in, to read a disguise by the plain words around it. */
function sentenceIds(text: string): Uint16Array {
  const ids = new Uint16Array(text.length + 1);
  let id = 0;
  for (let i = 0; i < text.length; i++) {
    ids[i] = id;
    if ('。!?;\n'.includes(text[i]!)) id++;
  }
  ids[text.length] = id;
  return ids;
}

const sentenceEnd = /[。!?;\n]/u;

/** The sentence of the normalised text holding `at`. */
function sentenceAround(text: string, at: number): string {
  let from = at;
  while (from > 0 && !sentenceEnd.test(text[from - 1]!)) from--;
  let to = at;
  while (to < text.length && !sentenceEnd.test(text[to]!)) to++;
  return text.slice(from, to);
}

/** The seller naming itself or its goods (本店、我们店的、这款): the few words the claim rules also read as the seller. */
const seller = /本(?:店|品|院|馆|产品)|我们(?:店|家|的)|我(?:店|家|院)|这款|此款|这家店/u;
const sellerSpeaks = (sentence: string) => seller.test(sentence);

/**
 * Of disguises that overlap, the longest term wins, then the one whose family the sentence's plain words share
 * (gz is 关注 beside 公众号 and 根治 beside 鼻炎), then the one with fewer changes; none may cut a plain term.
 */
function choose(found: readonly Found[], text: string): Found[] {
  const { targets } = compiledTargets();
  const plain = found.filter((f) => !f.pieces.length);
  const sentence = sentenceIds(text);
  const affinity = (f: Found) => plain.filter((p) => sentence[range(p)[0]] === sentence[range(f)[0]] && targets[p.target]!.family === targets[f.target]!.family).length;
  // 抗爱防爱: a term with a common character in another tone is read so only beside another disguise of its family in
  // the sentence, or where the seller speaks of its own goods (我们店的这串手链就能转云); a plain term beside it (治咳润肺)
  // shows no writer hiding words, who would have hidden both.
  const company = (f: Found) =>
    sellerSpeaks(sentenceAround(text, range(f)[0])) ||
    found.some((g) => g !== f && g.pieces.length > 0 && !overlaps(origin(g), origin(f)) && sentence[range(g)[0]] === sentence[range(f)[0]] && targets[g.target]!.family === targets[f.target]!.family);
  const candidates = found
    .filter((f) => f.pieces.length && !plain.some((p) => overlaps(origin(p), origin(f)) && !contains(origin(f), origin(p))))
    .filter((f) => !f.needsCompany || company(f))
    .map((f) => ({ f, length: f.units.length, affinity: affinity(f) }))
    .sort((a, b) => b.length - a.length || b.affinity - a.affinity || a.f.pieces.length - b.f.pieces.length || a.f.target - b.f.target);
  const chosen: Found[] = [];
  for (const { f } of candidates) if (!chosen.some((c) => overlaps(origin(c), origin(f)))) chosen.push(f);
  return chosen.sort((a, b) => range(a)[0] - range(b)[0]);
}

/** The normalised text with each chosen disguise written as its term, each unit mapped back to what it replaced. */
function rewrite(normalized: Normalized, input: string, chosen: readonly Found[]): Normalized {
  const { targets } = compiledTargets();
  const widthAt = (index: number) => (input.codePointAt(index)! > 0xffff ? 2 : 1);
  let text = '';
  const map: number[] = [];
  const ends: number[] = [];
  const disguises: Disguise[] = [];
  let next = 0;
  const copy = (to: number) => {
    for (; next < to; next++) {
      text += normalized.text[next];
      map.push(normalized.map[next]!);
      ends.push(normalized.map[next]! + widthAt(normalized.map[next]!));
    }
  };
  for (const f of chosen) {
    const [from, to] = range(f);
    copy(from);
    [...targets[f.target]!.folded].forEach((char, i) => {
      const unit = f.units[i]!;
      text += char;
      for (let u = 0; u < char.length; u++) {
        map.push(unit.origin[0]);
        ends.push(unit.origin[1]);
      }
    });
    next = Math.max(next, to);
    const [start, end] = origin(f);
    disguises.push({ from: start, to: end, term: display(f.target).join(''), pieces: f.pieces });
  }
  copy(normalized.text.length);
  return { text, map, ends, disguises };
}

/**
 * The normalised text with disguised spellings of the high-risk terms written plainly, so every rule that reads it
 * (word lists and sentence patterns alike) sees 最佳 where the writer put 醉佳, zui佳, zj or 最隹. Positions still
 * lead to the original characters, and `disguises` says what was found and how it was written.
 */
export function restore(normalized: Normalized, input: string): Normalized {
  if (!normalized.text || !mayHoldDisguise(normalized.text, input)) return normalized;
  const units = unitsOf(normalized, input);
  const found = [...spellingsIn(units, input), ...initialsIn(units, input), ...emojiSpellings(units, normalized, input)];
  if (!found.some((f) => f.pieces.length)) return normalized;
  const chosen = choose(found, normalized.text);
  return chosen.length ? rewrite(normalized, input, chosen) : normalized;
}
