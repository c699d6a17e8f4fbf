import { describe, expect, it } from 'vitest';
import { edgeChars, splitPattern } from './first-chars.ts';

const sorted = (set: Set<string> | undefined) => (set ? [...set].sort().join('') : undefined);

describe('edgeChars', () => {
  it('reads the first and last characters of literals, groups, classes and optional parts', () => {
    const edges = edgeChars('(?:保证|确保)?[包稳](?:过|上岸)(?=,|$)');
    expect(sorted(edges?.first)).toBe([...'保确包稳'].sort().join(''));
    expect(sorted(edges?.last)).toBe([...'过岸'].sort().join(''));
  });

  it('skips lookarounds and gives up on what could be any character', () => {
    expect(sorted(edgeChars('(?<![确环])保本')?.first)).toBe('保');
    expect(edgeChars('\\p{Script=Han}{1,4}?炎')?.first).toBeUndefined();
    expect(edgeChars('[^,。]{0,4}治')?.first).toBeUndefined();
    expect(edgeChars('a?')).toBeUndefined();
  });
});

describe('splitPattern', () => {
  it('splits top-level alternatives and a whole-pattern group, but not inner groups or classes', () => {
    expect(splitPattern('保本|(?:稳|包)赚|[|]x')).toEqual(['保本', '(?:稳|包)赚', '[|]x']);
    expect(splitPattern('(?:治愈|根治)')).toEqual(['治愈', '根治']);
    expect(splitPattern('(?:治愈|根治)率')).toEqual(['(?:治愈|根治)率']);
  });
});
