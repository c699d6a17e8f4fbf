import { describe, expect, it } from 'vitest';
import { AhoCorasick } from './aho-corasick.ts';
import { Dictionary, type DictionaryEntry } from './dictionary.ts';
import { normalize } from './normalize.ts';

const entry = (term: string): DictionaryEntry => ({ term, category: '测试', severity: 'error', list: '测试' });

function terms(dictionary: Dictionary, text: string): string[] {
  const { text: normalized, map } = normalize(text);
  return dictionary.find(normalized).map((m) => text.slice(map[m.start], map[m.end - 1]! + 1));
}

describe('AhoCorasick', () => {
  it('finds every occurrence, overlapping ones and those reached through failure links', () => {
    const ac = new AhoCorasick(['he', 'she', 'his', 'hers'].map((pattern) => ({ pattern, data: pattern })));
    expect(ac.search('ushers').map((m) => [m.data, m.start, m.end])).toEqual([
      ['she', 1, 4],
      ['he', 2, 4],
      ['hers', 2, 6],
    ]);
  });
});

describe('Dictionary', () => {
  const dictionary = new Dictionary([{ entries: ['最佳', '第一', '国家级', '最好', '加微信'].map(entry), allow: ['第一次', '第一步', '最好不要'] }]);

  it('gives the allowed phrases it found with the matches, so a rule looking further does not report inside them', () => {
    const { text } = normalize('最好不要用沸水，最佳。');
    const { matches, allowed } = dictionary.scan(text);
    expect(matches.map((m) => text.slice(m.start, m.end))).toEqual(['最佳']);
    expect(allowed.map(([a, b]) => text.slice(a, b))).toEqual(['最好不要']);
  });

  it('catches evasion and reports the original text: width, case, traditional, digit styles, noise, repeats', () => {
    expect(terms(dictionary, '这是最 佳的茶，國家級工艺，ＮＯ.１不算（不在词表），最*佳口感，最最最好喝，加 微 信。')).toEqual([
      '最 佳',
      '國家級',
      '最*佳',
      '最最最好',
      '加 微 信',
    ]);
    expect(terms(dictionary, '销量第①，销量第壹。')).toEqual(['第①', '第壹']);
  });

  it('does not flag ordinary language on the allow list', () => {
    expect(terms(dictionary, '第一次喝，第一步温杯，最好不要用沸水，但这款是第一。')).toEqual(['第一']);
  });

  it('keeps the longest of overlapping matches', () => {
    const nested = new Dictionary([{ entries: ['第一', '第一品牌'].map(entry), allow: [] }]);
    expect(terms(nested, '行业第一品牌')).toEqual(['第一品牌']);
  });

  it('lets a later list override an entry of an earlier one', () => {
    const layered = new Dictionary([
      { entries: [entry('独家')], allow: [] },
      { entries: [{ ...entry('独家'), severity: 'info', list: '账号' }], allow: [] },
    ]);
    expect(layered.find('独家').map((m) => [m.entry.severity, m.entry.list])).toEqual([['info', '账号']]);
  });
});
