import { describe, expect, it } from 'vitest';
import { normalize } from './normalize.ts';

/** The normalised text, and the original characters each of its characters came from. */
function fold(text: string) {
  const { text: folded, map } = normalize(text);
  return { folded, from: [...folded].map((_, i) => text[map[i]!]) };
}

describe('normalize', () => {
  it('drops any run of symbols, spaces, zero-width characters and emoji between characters', () => {
    for (const written of ['最\u200b佳', '最\u200c佳', '最\u200d佳', '最\u2060佳', '最\ufeff佳', '最 佳', '最\u3000佳', '最·佳', '最—佳', '最～佳', '最|佳', '最丨佳', '最💪🏽佳', '最❤️佳', '最👨‍👩‍👧佳', '最1️⃣佳'.replace('1', '#'), '最🇨🇳佳', '最★☆佳', '最“佳”']) {
      expect({ written, folded: normalize(written).text }).toEqual({ written, folded: '最佳' });
    }
  });

  it('keeps letters, digits, % and + and the marks that end a clause', () => {
    expect(normalize('好评率 100%，加 V 信。').text).toBe('好评率100%,加v信。');
  });

  it('drops clause marks only between characters that each stand alone', () => {
    expect(normalize('最、佳、选、择，就在本店').text).toBe('最佳选择,就在本店');
    expect(normalize('加入蒜、姜、白芝麻，翻炒均匀。').text).toBe('加入蒜、姜、白芝麻,翻炒均匀。');
    expect(normalize('第一、第二条都要看。').text).toBe('第1、第2条都要看。');
  });

  it('maps each folded character back to the original', () => {
    expect(fold('國\u200d家 级')).toEqual({ folded: '国家级', from: ['國', '家', '级'] });
  });
});
