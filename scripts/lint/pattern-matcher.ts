import { AhoCorasick, type AcMatch } from './aho-corasick.ts';

/**
 * Text searched before the automaton is built. Building it for 20,000 terms takes 25–50 ms, more than a one-article
 * lint spends searching; past about 30 articles' worth of text the automaton's single pass has paid for itself.
 */
const defaultAutomatonAfter = 300_000;

/**
 * Finds what `AhoCorasick` finds, in its order (by end, then longest first), but starts from an index of the
 * patterns by their first two code units, which costs a few milliseconds to make. A run that searches a few
 * texts (`lint --staged`, one article rebuilt) never pays for the automaton; a long run builds it once.
 */
export class PatternMatcher<T> {
  private automaton: AhoCorasick<T> | undefined;
  private searched = 0;
  /** Patterns of one code unit, by it. */
  private readonly singles = new Map<number, T[]>();
  /** Longer patterns, by their first two code units. */
  private readonly pairs = new Map<number, Array<{ pattern: string; data: T }>>();

  constructor(
    private readonly patterns: ReadonlyArray<{ pattern: string; data: T }>,
    private readonly automatonAfter = defaultAutomatonAfter,
  ) {
    for (const entry of patterns) {
      const { pattern, data } = entry;
      if (!pattern) continue;
      if (pattern.length === 1) pushTo(this.singles, pattern.charCodeAt(0), data);
      else pushTo(this.pairs, pairKey(pattern, 0), entry);
    }
  }

  /** Every occurrence of every pattern, overlapping ones included. */
  search(text: string): Array<AcMatch<T>> {
    if (!this.automaton && (this.searched += text.length) > this.automatonAfter) this.automaton = new AhoCorasick(this.patterns);
    return this.automaton ? this.automaton.search(text) : this.indexed(text);
  }

  private indexed(text: string): Array<AcMatch<T>> {
    const matches: Array<AcMatch<T>> = [];
    for (let i = 0; i < text.length; i++) {
      const singles = this.singles.get(text.charCodeAt(i));
      if (singles) for (const data of singles) matches.push({ start: i, end: i + 1, data });
      const longer = i + 1 < text.length ? this.pairs.get(pairKey(text, i)) : undefined;
      if (!longer) continue;
      for (const { pattern, data } of longer) {
        if (pattern.length === 2 || text.startsWith(pattern, i)) matches.push({ start: i, end: i + pattern.length, data });
      }
    }
    // Found by start; the automaton reports by end, longest first, which a stable sort by end gives.
    return matches.sort((a, b) => a.end - b.end);
  }
}

const pairKey = (text: string, at: number) => text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
