import { createRequire } from 'node:module';
import { evasionTables } from './evasion/tables.ts';

const openCC = () => (createRequire(import.meta.url)('opencc-js/t2cn') as typeof import('opencc-js/t2cn')).Converter({ from: 'tw', to: 'cn' });

/** Where traditional characters may stand: past ASCII in the Basic Multilingual Plane, and Extensions B–G. */
const ranges: ReadonlyArray<readonly [number, number]> = [
  [0x80, 0xd7ff],
  [0xe000, 0xffff],
  [0x20000, 0x3134f],
];

/**
 * Each traditional character (Taiwan forms included) that opencc-js writes as another simplified one, followed by
 * it ("臺台體体…"), for tables.json (`npm run gen:evasion`): a lint then needs no 30 ms to load OpenCC's dictionaries.
 */
export function simplifiedPairs(): string {
  const convert = openCC();
  let pairs = '';
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const simple = convert(char);
      if (simple !== char && [...simple].length === 1) pairs += char + simple;
    }
  }
  return pairs;
}

let simplified: Map<string, string> | undefined;

/** The text with each traditional character written simplified, character by character, so positions stay put. */
export function toSimplified(text: string): string {
  // Without a table yet (the generator's first run), from OpenCC itself.
  simplified ??= pairMap(evasionTables().simplified || simplifiedPairs());
  let out = '';
  for (const char of text) out += simplified.get(char) ?? char;
  return out;
}

function pairMap(pairs: string): Map<string, string> {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}
