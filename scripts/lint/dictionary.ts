import { PatternMatcher } from './pattern-matcher.ts';
import type { Severity } from '../shared/finding.ts';
import { foldText } from './normalize.ts';

export interface DictionaryEntry {
  term: string;
  category: string;
  severity: Severity;
  basis?: string;
  message?: string;
  suggestions?: string[];
  tags?: string[];
  /** Which list the entry came from (built-in, team or account file), for messages. */
  list: string;
}

export interface WordList {
  entries: DictionaryEntry[];
  allow: string[];
}

export interface DictionaryMatch {
  entry: DictionaryEntry;
  /** Half-open range in the normalised text. */
  start: number;
  end: number;
}

type Pattern = { kind: 'entry'; entry: DictionaryEntry } | { kind: 'allow' };

/**
 * A word list compiled once into an Aho-Corasick automaton over normalised terms, so matching is linear in the
 * text whatever the list's size. A match inside an allowed phrase (最近 for 最) is not a match.
 */
export class Dictionary {
  readonly size: number;
  private readonly matcher: PatternMatcher<Pattern> | undefined;

  constructor(lists: readonly WordList[]) {
    const patterns: Array<{ pattern: string; data: Pattern }> = [];
    const seen = new Map<string, number>();
    for (const list of lists) {
      for (const entry of list.entries) {
        const pattern = foldText(entry.term);
        // One character left after folding ("+V" is not "V") would match everywhere.
        if ([...pattern].length < 2) continue;
        // A later list (team, then account) overrides an earlier one for the same term.
        const index = seen.get(pattern);
        if (index !== undefined) patterns[index] = { pattern, data: { kind: 'entry', entry } };
        else {
          seen.set(pattern, patterns.length);
          patterns.push({ pattern, data: { kind: 'entry', entry } });
        }
      }
      for (const phrase of list.allow) {
        const pattern = foldText(phrase);
        if (pattern) patterns.push({ pattern, data: { kind: 'allow' } });
      }
    }
    this.size = seen.size;
    this.matcher = patterns.length ? new PatternMatcher<Pattern>(patterns) : undefined;
  }

  /** Matches in normalised text; of overlapping matches the longest is kept. */
  find(normalized: string): DictionaryMatch[] {
    return this.scan(normalized).matches;
  }

  /** The matches and the allowed phrases found (half-open ranges in the normalised text), for rules that look further. */
  scan(normalized: string): { matches: DictionaryMatch[]; allowed: Array<[number, number]> } {
    if (!this.matcher || !normalized) return { matches: [], allowed: [] };
    const all = this.matcher.search(normalized);
    const allowed = all.filter((m) => m.data.kind === 'allow');
    const hits = all
      .filter((m) => m.data.kind === 'entry' && !allowed.some((a) => a.start <= m.start && a.end >= m.end))
      .sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: DictionaryMatch[] = [];
    for (const hit of hits) {
      const previous = kept.at(-1);
      if (previous && hit.start < previous.end) {
        if (hit.end - hit.start > previous.end - previous.start) kept[kept.length - 1] = toMatch(hit);
        continue;
      }
      kept.push(toMatch(hit));
    }
    return { matches: kept, allowed: allowed.map((a) => [a.start, a.end]) };
  }
}

function toMatch(hit: { start: number; end: number; data: Pattern }): DictionaryMatch {
  return { entry: (hit.data as { entry: DictionaryEntry }).entry, start: hit.start, end: hit.end };
}
