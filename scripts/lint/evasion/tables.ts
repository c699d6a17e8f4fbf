import { readFileSync } from 'node:fs';
import { sourceUrl } from '../../shared/module-url.ts';
import type { Target, TargetFamily } from './targets.ts';

/** The generated tables (tables.json, `npm run gen:evasion`): characters drawn alike, and emoji read as words. */
export interface Tables {
  targets: Target[];
  syllables: string[];
  lookalikes: Record<string, string[]>;
  emoji: Record<string, string[]>;
  /** Primary readings of U+3400–U+9FFF (readings.ts, primaryReadingTable). */
  readings: { syllables: string[]; chars: string };
  /** Targets' readings in context where they differ from the usual ones (readings.ts, targetReadingTable). */
  targetReadings: Record<string, string>;
  /** Traditional characters each followed by its simplified form (simplified.ts, simplifiedPairs). */
  simplified: string;
  /** Han characters at or above the matcher's frequency thresholds (words.ts). */
  frequentChars: { function: Set<string>; unanchored: Set<string>; common: Set<string> };
}

function stringLists(value: unknown): Record<string, string[]> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).map(([key, list]: [string, unknown]) => [key, Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []]),
  );
}

const families: readonly TargetFamily[] = ['absolute', 'claims', 'platform', 'sensitive'];

/** [term, folded, family, 1 when context only] rows, as the generator writes them. */
function targetList(value: unknown): Target[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row: unknown) => {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string') return [];
    const family = families.find((f) => f === row[2]);
    return family ? [{ term: row[0], folded: row[1], family, ...(row[3] ? { contextOnly: true } : {}) }] : [];
  });
}

/** A string field of a parsed JSON object, or '' when it is missing or not a string. */
function stringIn(object: unknown, name: string): string {
  const value: unknown = object && typeof object === 'object' ? Reflect.get(object, name) : undefined;
  return typeof value === 'string' ? value : '';
}

let tables: Tables | undefined;

export function evasionTables(): Tables {
  if (!tables) {
    const data: unknown = JSON.parse(readFileSync(new URL('./tables.json', sourceUrl(import.meta.url)), 'utf8'));
    const field = (name: string): unknown => (data && typeof data === 'object' ? Reflect.get(data, name) : undefined);
    const syllables = field('syllables');
    const frequent = field('frequentChars');
    const charsOf = (name: string) => new Set([...stringIn(frequent, name)]);
    const readings = field('readings');
    const contexts = field('targetReadings');
    tables = {
      targets: targetList(field('targets')),
      readings: { syllables: stringIn(readings, 'syllables').split(' '), chars: stringIn(readings, 'chars') },
      simplified: stringIn(data, 'simplified'),
      targetReadings: Object.fromEntries(Object.entries(contexts && typeof contexts === 'object' ? contexts : {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
      syllables: typeof syllables === 'string' ? syllables.split(' ') : [], lookalikes: stringLists(field('lookalikes')), emoji: stringLists(field('emoji')),
      frequentChars: { function: charsOf('function'), unanchored: charsOf('unanchored'), common: charsOf('common') },
    };
  }
  return tables;
}

/** Characters drawn like `char` (a target's character). */
export function lookalikesOf(char: string): readonly string[] {
  return evasionTables().lookalikes[char] ?? [];
}

/** The words an emoji stands for (without its variation selector), or none. */
export function emojiWords(emoji: string): readonly string[] {
  return evasionTables().emoji[emoji.replaceAll('\uFE0F', '')] ?? [];
}
