import { PatternMatcher } from '../pattern-matcher.ts';
import { syllableKey, targetReadings } from './readings.ts';
import { evasionTables, lookalikesOf } from './tables.ts';
import type { Target } from './targets.ts';
import { keyOf } from './units.ts';

/**
 * The targets as key strings, so one pass over a block's keys finds every spelling of them that reads the same:
 * each target by its characters' usual readings, by its readings in context (行业 is hang ye), and once more for
 * each character swapped for one drawn like it (顸级 for 顶级). Initials (zj for 最佳) are looked up by the run.
 */
export interface Compiled {
  matcher: PatternMatcher<number>;
  targets: readonly Target[];
  /** Per target, per character: the keys it may be read by (usual and in context). */
  keys: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>;
  initials: ReadonlyMap<string, number[]>;
}

let compiled: Compiled | undefined;

export function compiledTargets(): Compiled {
  if (compiled) return compiled;
  const targets = evasionTables().targets.filter((t) => t.folded.length === [...t.folded].length);
  const patterns: Array<{ pattern: string; data: number }> = [];
  const keys: Array<Array<Set<string>>> = [];
  const initials = new Map<string, number[]>();
  targets.forEach((target, index) => {
    const chars = [...target.folded];
    const usual = chars.map(keyOf);
    const context = targetReadings(target.folded).map((r, i) => (r ? syllableKey(r) : usual[i]!));
    keys.push(chars.map((_, i) => new Set([usual[i]!, context[i]!])));
    const strings = new Set([usual.join(''), context.join('')]);
    for (const pattern of strings) patterns.push({ pattern, data: index });
    if (target.contextOnly) return;
    strings.clear();
    chars.forEach((char, i) => {
      for (const alike of lookalikesOf(char)) strings.add([...usual.slice(0, i), keyOf(alike), ...usual.slice(i + 1)].join(''));
    });
    for (const pattern of strings) patterns.push({ pattern, data: index });
    const readings = targetReadings(target.folded);
    if (readings.every((r) => r !== null)) {
      const letters = readings.map((r) => r![0]).join('');
      initials.set(letters, [...(initials.get(letters) ?? []), index]);
    }
  });
  compiled = { matcher: new PatternMatcher(patterns), targets, keys, initials };
  return compiled;
}
