// `npm run gen:evasion`: writes tables.json, the look-alike and emoji tables the evasion matcher reads, from
// packages (devDependencies) so nobody hand-picks the variants: hanzi-writer-data (Make Me a Hanzi stroke medians,
// Arphic Public License) for characters drawn alike, OpenCC's Japanese variant table for shinjitai (圧 for 压), and
// Unicode CLDR's Chinese emoji annotations (cldr-annotations-full, Unicode licence) for emoji read as words, and the
// Unicode Han Database's four-corner and Cangjie codes (unihan-shapes.txt, Unicode License v3) for characters built alike.
// Only what the current targets can use is kept; rerun it when the built-in lists change (a test says so).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { writeFileAtomic } from '../../shared/atomic-write.ts';
import { normalize } from '../normalize.ts';
import { containsGlyph, glyphOf, likeness, overlap, type Glyph } from './glyphs.ts';
import { primaryReadingTable, readingOf, syllableInventory, targetReadingTable } from './readings.ts';
import { builtAlike, builtNear, readShapes } from './shapes.ts';
import { simplifiedPairs } from '../simplified.ts';
import { targetsFromLists } from './targets.ts';
import { charThresholds, frequencyOf, frequentChars } from './words.ts';

const require = createRequire(import.meta.url);
const han = /^\p{Script=Han}+$/u;
/** Look-alikes kept per character, and the likeness they need (see glyphs.ts). */
const perChar = 8;
const threshold = 0.57;
/** Characters built alike (shapes.ts) kept per character, as many as drawn alike, and how much their rendered glyphs must still overlap. */
const perCharBuilt = 8;
const builtOverlap = 0.6;
/** Characters built near (same radical and base, shapes.ts) need their glyphs to overlap more. */
const nearOverlap = 0.75;
/** How rare a character holding a target under a radical must be (蕞 2.5e-11; 撮, 汽 and 证 are above it). */
const rareChar = 1e-10;

function medians(data: unknown): Array<Array<[number, number]>> | undefined {
  const list: unknown = data && typeof data === 'object' ? Reflect.get(data, 'medians') : undefined;
  if (!Array.isArray(list)) return undefined;
  const strokes = list.map((stroke: unknown) =>
    Array.isArray(stroke) ? stroke.flatMap((p: unknown): Array<[number, number]> => (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number' ? [[p[0], p[1]]] : [])) : [],
  );
  return strokes.every((s) => s.length >= 2) ? strokes : undefined;
}

function readGlyphs(): Map<string, Glyph> {
  const dir = dirname(require.resolve('hanzi-writer-data/package.json'));
  const glyphs = new Map<string, Glyph>();
  for (const name of readdirSync(dir)) {
    const char = name.slice(0, -'.json'.length);
    if (!name.endsWith('.json') || [...char].length !== 1) continue;
    const strokes = medians(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (strokes) glyphs.set(char, glyphOf(strokes));
  }
  return glyphs;
}

function drawnAlike(targetChars: ReadonlySet<string>): Record<string, string[]> {
  const glyphs = readGlyphs();
  const shapes = readShapes(new URL('./unihan-shapes.txt', import.meta.url).pathname);
  const fromJapanese = OpenCC.Converter({ from: 'jp', to: 'cn' });
  const folded = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const table: Record<string, string[]> = {};
  for (const target of [...targetChars].sort()) {
    const own = glyphs.get(target);
    const alike = own
      ? [...glyphs]
          .filter(([char, glyph]) => char !== target && Math.abs(glyph.strokes.length - own.strokes.length) <= 3)
          .map(([char, glyph]) => [char, likeness(own, glyph)] as const)
          .filter(([, score]) => score >= threshold)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, perChar)
          .map(([char]) => char)
      : [];
    // Built alike by the Unihan codes (汪 for 注, 隹 for 佳), where the strokes sit too far apart for `likeness`;
    // only rarer characters, since a common one (住 beside 佳) is itself far more often than a stand-in.
    const shape = shapes.get(target);
    const built = own && shape
      ? [...shapes]
          .filter(([char, other]) => char !== target && !alike.includes(char) && frequencyOf(char) < charThresholds.common && (builtAlike(shape, other) || builtNear(shape, other)))
          .flatMap(([char, other]) => {
            const glyph = glyphs.get(char);
            return glyph ? [[char, overlap(own, glyph), builtAlike(shape, other) ? builtOverlap : nearOverlap] as const] : [];
          })
          .filter(([, score, needed]) => score >= needed)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, perCharBuilt)
          .map(([char]) => char)
      : [];
    // The target whole under a small radical (蕞 for 最): only characters rare enough that they are hardly written for
    // themselves, since a common one (湿 holds 显, 证 holds 正) is its own word far more often than a stand-in.
    const holding = own
      ? [...glyphs]
          .filter(([char, glyph]) => char !== target && !alike.includes(char) && !built.includes(char) && frequencyOf(char) < rareChar && containsGlyph(own, glyph))
          .map(([char]) => char)
          .sort()
          .slice(0, perCharBuilt)
      : [];
    if (alike.length || built.length || holding.length) table[target] = [...alike, ...built, ...holding];
  }
  // Shinjitai the traditional-to-simplified fold misses (圧 → 压, 単 → 单).
  for (let code = 0x3400; code <= 0x9fff; code++) {
    const char = String.fromCharCode(code);
    const target = fromJapanese(char);
    if (target === char || !targetChars.has(target) || folded(char) === target) continue;
    const list = (table[target] ??= []);
    if (!list.includes(char)) list.unshift(char);
  }
  return table;
}

const pictograph = /\p{Extended_Pictographic}/u;

/** Emoji (pictographs, not marks such as · or →) whose Chinese names are part of a term: 🥇 第一, 🧧 红包, ➕ 加, 👍 赞. */
function emojiNames(targets: readonly string[]): Record<string, string[]> {
  const syllables = new Set(targets.flatMap((term) => [...term].map((char) => readingOf(char) ?? '')).filter(Boolean));
  const data: unknown = JSON.parse(readFileSync(require.resolve('cldr-annotations-full/annotations/zh/annotations.json'), 'utf8'));
  const outer: unknown = data && typeof data === 'object' ? Reflect.get(data, 'annotations') : undefined;
  const annotations: unknown = outer && typeof outer === 'object' ? Reflect.get(outer, 'annotations') : undefined;
  const table: Record<string, string[]> = {};
  for (const [emoji, entry] of Object.entries(annotations && typeof annotations === 'object' ? annotations : {})) {
    const names = ['tts', 'default'].flatMap((key) => {
      const value: unknown = entry && typeof entry === 'object' ? Reflect.get(entry, key) : undefined;
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    });
    const usable = [...new Set(names)].filter((name) => han.test(name) && targets.some((term) => term.includes(normalize(name).text)));
    const rebus = rebusChar(entry, syllables);
    const key = emoji.replaceAll('\uFE0F', '');
    const words = [...new Set([...usable.map((name) => normalize(name).text), ...(rebus ? [rebus] : [])])].sort();
    if (words.length && pictograph.test(key)) table[key] = words;
  }
  return table;
}

/**
 * An emoji read as a rebus by the first syllable of its two-character name (🛰 卫星 for 卫, as in 加🛰信): the first
 * character, where some target holds a character of that reading (the matcher compares readings, 卫 and 微 are wei).
 */
function rebusChar(entry: unknown, syllables: ReadonlySet<string>): string | undefined {
  const tts: unknown = entry && typeof entry === 'object' ? Reflect.get(entry, 'tts') : undefined;
  const name = Array.isArray(tts) && typeof tts[0] === 'string' ? normalize(tts[0]).text : '';
  const first = [...name][0];
  if ([...name].length !== 2 || !han.test(name) || !first) return undefined;
  const reading = readingOf(first);
  return reading && syllables.has(reading) ? first : undefined;
}

/** One line per row or per table entry, so a regenerated table diffs by the entries that changed. */
function compactJson(tables: Record<string, unknown>): string {
  const lines = Object.entries(tables).map(([key, value]) => {
    const rows = Array.isArray(value) ? value.map((row) => JSON.stringify(row)) : value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`) : undefined;
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    return rows ? `  ${JSON.stringify(key)}: ${open}\n    ${rows.join(',\n    ')}\n  ${close}` : `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

async function main(): Promise<void> {
  const listed = targetsFromLists();
  const targets = listed.filter((t) => !t.contextOnly).map((t) => t.folded);
  const targetChars = new Set(targets.flatMap((t) => [...t].filter((c) => han.test(c))));
  const tables = {
    about: 'Generated by `npm run gen:evasion` (scripts/lint/evasion/generate-tables.ts); do not edit. See scripts/lint/corpus/SOURCES.md.',
    syllables: syllableInventory().join(' '),
    frequentChars: frequentChars(),
    targets: listed.map((t) => [t.term, t.folded, t.family, ...(t.contextOnly ? [1] : [])]),
    // Latin letters written for digits (第l for 第1) are the one hand-made part: two lines of ASCII.
    lookalikes: { ...drawnAlike(targetChars), '1': ['l', 'i'], '0': ['o'] },
    emoji: emojiNames(targets),
    readings: primaryReadingTable(),
    targetReadings: targetReadingTable(listed.map((t) => t.folded)),
    simplified: simplifiedPairs(),
  };
  await writeFileAtomic(new URL('./tables.json', import.meta.url).pathname, compactJson(tables));
  process.stdout.write(`look-alikes for ${Object.keys(tables.lookalikes).length} characters, ${Object.keys(tables.emoji).length} emoji\n`);
}

await main();
