import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.ts';

/** Every occurrence of every pattern, found one pattern at a time. */
function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, data) => {
    if (!pattern) return;
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push(`${at}-${at + pattern.length}-${data}`);
  });
  return found.sort();
}

const found = (patterns: readonly string[], text: string) =>
  new AhoCorasick(patterns.map((pattern, data) => ({ pattern, data })))
    .search(text)
    .map((m) => `${m.start}-${m.end}-${m.data}`)
    .sort();

describe('the Aho-Corasick matcher', () => {
  it('finds every occurrence, overlapping and nested ones and duplicate patterns included', () => {
    const patterns = ['最佳', '最佳选择', '佳选', '选择', '国家级', '国家', '家级', '', '最佳', '择优', 'a', 'ab', 'b'];
    const text = '这是最佳选择，国家级认证，择优录取 abab 最最佳';
    expect(found(patterns, text)).toEqual(naive(patterns, text));
  });

  it('agrees with a plain search on generated terms and text', () => {
    // Terms and text from a few characters, so terms share prefixes and suffixes and overlap everywhere.
    const alphabet = [...'最佳国家级首选第一品牌'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (max: number) => Array.from({ length: 1 + Math.floor(next() * max) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    const patterns = Array.from({ length: 400 }, () => word(4));
    const text = Array.from({ length: 60 }, () => word(8)).join('，');
    expect(found(patterns, text)).toEqual(naive(patterns, text));
  });

  it('keeps the order of matches at one end: the pattern ending there first, then those its suffixes end', () => {
    const matcher = new AhoCorasick([{ pattern: '国家级', data: 'a' }, { pattern: '家级', data: 'b' }, { pattern: '级', data: 'c' }]);
    expect(matcher.search('国家级').map((m) => m.data)).toEqual(['a', 'b', 'c']);
  });
});
