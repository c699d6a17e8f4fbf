import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.ts';

/** Code points of the fast path's ranges, and a few around each edge. */
const ranges: Array<[number, number]> = [
  [0x20, 0xff], [0x2000, 0x2070], [0x24f0, 0x2590], [0x3000, 0x3100], [0x3400, 0x3410], [0x4dbf, 0x4e10], [0x9ff0, 0xa000], [0xff00, 0xfff0],
];
const codePoints = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

describe('displayWidth', () => {
  it('agrees with string-width on every character near the fast path', () => {
    const differ = codePoints.map((cp) => String.fromCodePoint(cp)).filter((char) => displayWidth(char) !== stringWidth(char));
    expect(differ).toEqual([]);
  });

  it('agrees with string-width on text mixing them with emoji, marks and joiners', () => {
    const pieces = ['冬至', '围炉煮茶', 'mpdesk lint', '——', '《茶经》', '“引号”', '①', '😀', '👨‍👩‍👧', '🇨🇳', 'é', 'e\u0301', '\u200b', '\t', 'ｶﾞ', '각', '\u1100\u1161', '1\ufe0f\u20e3', '\u3099'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(...codePoints).map((cp) => String.fromCodePoint(cp)))), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a Chinese character as two columns', () => {
    expect(displayWidth('检查了 7 篇文章。')).toBe(17);
  });
});
