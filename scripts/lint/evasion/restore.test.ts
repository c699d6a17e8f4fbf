import { describe, expect, it } from 'vitest';
import { normalize, originalRange } from '../normalize.ts';
import { restore } from './index.ts';

const restored = (text: string) => restore(normalize(text), text);

describe('restore', () => {
  it('writes the term where its disguise stood, each character leading back to what it replaced', () => {
    const text = '品质 zui·佳，稳zhuan不赔';
    const out = restored(text);
    expect(out.text).toBe('品质最佳,稳赚不赔');
    expect(originalRange(out, text, 2, 4)).toEqual([3, 8]);
    expect(text.slice(...originalRange(out, text, 5, 9))).toBe('稳zhuan不赔');
    expect(out.disguises?.map((d) => [text.slice(d.from, d.to), d.term, d.pieces.map((p) => `${p.kind}:${p.written}=${p.stands}`)])).toEqual([
      ['zui·佳', '最佳', ['pinyin:zui=最']],
      ['稳zhuan不赔', '稳赚不赔', ['pinyin:zhuan=赚']],
    ]);
  });

  it('reads tone marks, shinjitai and Latin letters for digits', () => {
    expect(restored('国家 jí 好茶').text).toBe('国家级好茶');
    expect(restored('能降血圧').text).toBe('能降血压');
    expect(restored('本品销量第l。').text).toBe('本品销量第1。');
  });

  it('hears a common character in any of its readings, and lets rare look-alikes beside a common kept character stand in', () => {
    expect(restored('买基金，每天躺转').text).toBe('买基金,每天躺赚');
    expect(restored('这款产品只转不赔').text).toBe('这款产品只赚不赔');
    expect(restored('最​隹选择').text).toBe('最佳选择');
    expect(restored('关洼公众号').text).toBe('关注公众号');
    // 转 is never zhuān (专), 住 is too common to be 佳, and 低洼 is a word.
    expect(restored('转家，转发，转告').disguises).toBeUndefined();
    expect(restored('南方的冬天他最住不惯').disguises).toBeUndefined();
    expect(restored('地势低洼，注意排水').disguises).toBeUndefined();
  });

  it('gives back the normalised text itself when nothing is disguised', () => {
    const plain = normalize('手冲水温最好控制在 92 ℃ 左右。');
    expect(restore(plain, '手冲水温最好控制在 92 ℃ 左右。')).toBe(plain);
  });

  it('does not join a reading given in brackets, or letters of separate words, into a term', () => {
    expect(restored('【攒(zǎn)】是一种做法').disguises).toBeUndefined();
    expect(restored('你可以写 x = y = 6').disguises).toBeUndefined();
  });
});
