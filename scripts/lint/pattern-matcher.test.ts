import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.ts';
import { PatternMatcher } from './pattern-matcher.ts';

const entries = (patterns: readonly string[]) => patterns.map((pattern, data) => ({ pattern, data }));
const shown = (matches: ReadonlyArray<{ start: number; end: number; data: number }>) => matches.map((m) => `${m.start}-${m.end}-${m.data}`);

/** Terms and text from a few characters, so terms share prefixes and suffixes and overlap everywhere. */
function generated(seed: number): { patterns: string[]; text: string } {
  const alphabet = [...'最佳国家级首选第一品牌'];
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return { patterns: Array.from({ length: 400 }, () => word(4)), text: Array.from({ length: 60 }, () => word(8)).join('，') };
}

describe('the pattern matcher', () => {
  it('finds what the automaton finds, in the same order, before the automaton is built', () => {
    const patterns = ['最佳', '最佳选择', '佳选', '选择', '国家级', '国家', '家级', '', '最佳', '择优', 'a', 'ab', 'b', '级'];
    const text = '这是最佳选择，国家级认证，择优录取 abab 最最佳';
    expect(shown(new PatternMatcher(entries(patterns)).search(text))).toEqual(shown(new AhoCorasick(entries(patterns)).search(text)));
    for (const seed of [7, 11, 13]) {
      const { patterns: terms, text: prose } = generated(seed);
      expect(shown(new PatternMatcher(entries(terms)).search(prose))).toEqual(shown(new AhoCorasick(entries(terms)).search(prose)));
    }
  });

  it('keeps the order at one end: the longest first, duplicates in the order given', () => {
    const matcher = new PatternMatcher([{ pattern: '国家级', data: 'a' }, { pattern: '家级', data: 'b' }, { pattern: '级', data: 'c' }, { pattern: '家级', data: 'd' }]);
    expect(matcher.search('国家级').map((m) => m.data)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('builds the automaton once enough text was searched, and finds the same from then on', () => {
    const { patterns, text } = generated(5);
    const matcher = new PatternMatcher(entries(patterns), text.length * 2);
    const expected = shown(new AhoCorasick(entries(patterns)).search(text));
    // The first two searches use the index, the rest the automaton.
    for (let i = 0; i < 4; i++) expect(shown(matcher.search(text))).toEqual(expected);
  });
});
