import { describe, expect, it } from 'vitest';
import { compareRow } from './render-compare.ts';

describe('compareRow', () => {
  it('gives per-article times and the ratio wenyan / mpdesk, with its verdict against 10x', () => {
    const [label, result, aim] = compareRow('  热 warm', 2_000, 30_000, 200);
    expect(label).toBe('  热 warm');
    expect(result).toBe('mpdesk 10.0 ms/篇，wenyan-core 150.0 ms/篇：wenyan / mpdesk = 15.00 倍');
    expect(aim).toBe('≥ 10 倍 ✓');
  });

  it('says when mpdesk is not 10 times faster', () => {
    expect(compareRow('  冷 cold', 21_600, 15_800, 200)[2]).toBe('≥ 10 倍 ✗ 未达标');
  });
});
