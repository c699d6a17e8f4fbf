import { createRequire } from 'node:module';
import type { pinyin as Pinyin } from 'pinyin-pro';
import { evasionTables } from './tables.ts';

/**
 * Readings from pinyin-pro, toneless with ü written v. A character's key is its most common reading, so homophones
 * (醉 and 最, 将 and 降) share one; a term's own reading in context (行 in 行业 is hang) is a second spelling of it.
 */

// Loaded on first use (require of the ES module, Node ≥ 20.19): a run served from its caches reads no pinyin.
const load = createRequire(import.meta.url);
let loaded: typeof Pinyin | undefined;
const pinyinPro = () => (loaded ??= (load('pinyin-pro') as typeof import('pinyin-pro')).pinyin);
/** Toneless readings of each character of `text`, ü written v. */
const readingsOf = (text: string): string[] => pinyinPro()(text, { toneType: 'none', type: 'array', v: true });

const syllableIds = new Map<string, number>();
let inventory: Set<string> | undefined;

/** Every syllable pinyin-pro gives a CJK character as its usual reading (computed by `npm run gen:evasion`). */
export function syllableInventory(): string[] {
  const found = new Set<string>();
  for (let code = 0x4e00; code <= 0x9fff; code++) {
    const reading = readingsOf(String.fromCharCode(code))[0];
    if (reading && /^[a-z]*[aeiouv][a-z]*$/.test(reading)) found.add(reading);
  }
  return [...found].sort();
}

/** The syllables Latin runs are split against, as tables.json stores them. */
export function syllables(): ReadonlySet<string> {
  return (inventory ??= new Set(evasionTables().syllables));
}

/** One code unit per syllable, in the private-use area, so key strings can go through the Aho-Corasick matcher. */
export function syllableKey(syllable: string): string {
  let id = syllableIds.get(syllable);
  if (id === undefined) syllableIds.set(syllable, (id = syllableIds.size));
  return String.fromCharCode(0xe000 + id);
}

const han = /^\p{Script=Han}$/u;
const primaryCache = new Map<string, string | null>();

/** The most common toneless reading of a Han character as pinyin-pro gives it, or null (it echoes what it cannot read). */
function computedPrimary(char: string): string | null {
  const got = han.test(char) ? readingsOf(char)[0] : undefined;
  return got && /^[a-z]+$/.test(got) ? got : null;
}

/** The range of Han characters whose readings tables.json keeps: Extension A too, where look-alikes live (㢟 for 廷). */
const stored = { from: 0x3400, to: 0x9fff };
const noReading = '-';

/**
 * The primary reading of every character from U+3400 to U+9FFF, for tables.json: the readings, and one character
 * per code point, U+E000 plus the reading's index or "-" for none. Looking them up there spares a lint pinyin-pro.
 */
export function primaryReadingTable(): { syllables: string; chars: string } {
  const list: string[] = [];
  const index = new Map<string, number>();
  let chars = '';
  for (let code = stored.from; code <= stored.to; code++) {
    const reading = computedPrimary(String.fromCharCode(code));
    if (reading === null) {
      chars += noReading;
      continue;
    }
    let at = index.get(reading);
    if (at === undefined) index.set(reading, (at = list.push(reading) - 1));
    chars += String.fromCharCode(0xe000 + at);
  }
  return { syllables: list.join(' '), chars };
}

function storedPrimary(char: string): string | null | undefined {
  const code = char.length === 1 ? char.charCodeAt(0) : -1;
  const table = evasionTables().readings;
  if (code < stored.from || code > stored.to || table.chars.length !== stored.to - stored.from + 1) return undefined;
  const mark = table.chars.charCodeAt(code - stored.from);
  return mark === noReading.charCodeAt(0) ? null : (table.syllables[mark - 0xe000] ?? undefined);
}

/** The most common toneless reading of a Han character, or null for none. */
export function primaryReading(char: string): string | null {
  let reading = primaryCache.get(char);
  if (reading === undefined) {
    reading = storedPrimary(char);
    if (reading === undefined) reading = computedPrimary(char);
    primaryCache.set(char, reading);
  }
  return reading;
}

/** Digits fold from 一二三 as well (normalize makes 第一 into 第1), so they read as the numerals. */
const digitReadings = ['ling', 'yi', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];

/** The reading a folded character is keyed by: its primary reading, a digit's numeral, or null. */
export function readingOf(char: string): string | null {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 0x30 && code <= 0x39) return digitReadings[code - 0x30]!;
  return primaryReading(char);
}

/** A term's readings in context, one per character (null where there is none), as pinyin-pro reads the whole word. */
export function contextReadings(term: string): Array<string | null> {
  const chars = [...term];
  const read = readingsOf(term);
  if (read.length !== chars.length) return chars.map(readingOf);
  return chars.map((char, i) => (/^[0-9]$/.test(char) ? readingOf(char) : han.test(char) && /^[a-z]+$/.test(read[i]!) ? read[i]! : null));
}

/**
 * A target's readings in context where they differ from its characters' usual ones (行业: hang ye), for tables.json,
 * "-" for a character with none.
 */
export function targetReadingTable(terms: readonly string[]): Record<string, string> {
  const table: Record<string, string> = {};
  for (const term of terms) {
    const context = contextReadings(term);
    if (context.some((r, i) => r !== readingOf([...term][i]!))) table[term] = context.map((r) => r ?? noReading).join(' ');
  }
  return table;
}

/** A target's readings in context, from tables.json (else its characters' usual readings). */
export function targetReadings(term: string): Array<string | null> {
  const kept = evasionTables().targetReadings[term];
  return kept ? kept.split(' ').map((r) => (r === noReading ? null : r)) : [...term].map(readingOf);
}

/** Latin letters with their tone marks taken off and ü as v (jí → ji, lǜ → lv). */
export function plainLatin(char: string): string {
  if (char === 'ü' || char === 'ǖ' || char === 'ǘ' || char === 'ǚ' || char === 'ǜ') return 'v';
  return char.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * A run of Latin letters split into pinyin syllables (zhuanfa → zhuan fa), fewest syllables first, or undefined
 * when it is not pinyin throughout (hello, xm, vx).
 */
export function splitPinyin(run: string): string[] | undefined {
  const known = syllables();
  const best: Array<string[] | undefined> = new Array(run.length + 1);
  best[0] = [];
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - 6); start < end; start++) {
      const before = best[start];
      if (!before || !known.has(run.slice(start, end))) continue;
      if (!best[end] || before.length + 1 < best[end]!.length) best[end] = [...before, run.slice(start, end)];
    }
  }
  return best[run.length];
}

const toneCache = new Map<string, number[]>();

/** The tone (1–4, 0 for neutral) of each character of a text, as pinyin-pro reads it in context; a character alone gets its usual tone. */
export function tones(text: string): readonly number[] {
  let found = toneCache.get(text);
  if (!found) {
    found = pinyinPro()(text, { toneType: 'num', type: 'array' }).map((reading) => Number(/[0-4]$/.exec(reading)?.[0] ?? 0));
    toneCache.set(text, found);
  }
  return found;
}

const readingCache = new Map<string, readonly string[]>();

/** Every reading pinyin-pro lists for a character, toneless syllable and tone as one (zhuan3, zhuan4 for 转). */
export function allReadings(char: string): readonly string[] {
  let found = readingCache.get(char);
  if (!found) {
    found = han.test(char) ? pinyinPro()(char, { multiple: true, toneType: 'num', type: 'array', v: true }).filter((r) => /^[a-z]+[0-4]$/.test(r)) : [];
    readingCache.set(char, found);
  }
  return found;
}
