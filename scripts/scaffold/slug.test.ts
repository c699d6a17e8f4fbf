import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.ts';

describe('slugify', () => {
  it('turns a Chinese title into readable toneless pinyin', () => {
    expect(slugify('公众号排版的七个细节')).toBe('gong-zhong-hao-pai-ban-de-qi-ge-xi-jie');
    expect(slugify('女儿绿')).toBe('nv-er-lv');
  });

  it('keeps Latin words and digits, drops punctuation, and stays short', () => {
    expect(slugify('用 Python 统计 3 款茶的销量！')).toBe('yong-python-tong-ji-3-kuan-cha-de-xiao-liang');
    expect(slugify('冬天喝什么茶？六大茶类的温凉与选择，以及一些很长很长很长的补充说明').length).toBeLessThanOrEqual(48);
  });

  it('folds full-width letters', () => {
    expect(slugify('ＡＩ写作')).toBe('ai-xie-zuo');
  });

  it('returns nothing readable for emoji-only titles, so a dated slug is used', () => {
    expect(slugify('🍵🍵')).toBe('');
  });
});

describe('uniqueSlug', () => {
  it('never clashes with an existing slug', () => {
    expect(uniqueSlug('dong-zhi', new Set())).toBe('dong-zhi');
    expect(uniqueSlug('dong-zhi', new Set(['dong-zhi', 'dong-zhi-2']))).toBe('dong-zhi-3');
  });
});
