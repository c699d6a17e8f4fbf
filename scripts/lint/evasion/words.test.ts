import { describe, expect, it } from 'vitest';
import { cutByWords, straddlesWords } from './words.ts';

const at = (sentence: string, term: string): [string, number, number] => {
  const from = sentence.indexOf(term);
  return [sentence, from, from + term.length];
};

describe('words that cut through a term', () => {
  it('reads a term the words cut at both ends as not written', () => {
    expect(straddlesWords(...at('方法事件处理器', '法事'))).toBe(true);
    expect(straddlesWords(...at('本店可请大师上门做法事', '法事'))).toBe(false);
  });

  it('reads a word that starts before a term and runs into it, much likelier so, as cutting it', () => {
    expect(cutByWords(...at('当病毒向中国以外地区蔓延时，没人知道', '延时'))).toBe(true);
    expect(cutByWords(...at('吉林大学第一医院（收治全省危重症）', '治全省危重症'))).toBe(true);
    expect(cutByWords(...at('乔治城大学传染病专家', '治城大学传染病'))).toBe(true);
  });

  it('keeps a term that starts on a word boundary, or whose cut is no likelier', () => {
    expect(cutByWords(...at('这款茶能治疗失眠', '治疗失眠'))).toBe(false);
    expect(cutByWords(...at('祝您延时更持久', '延时'))).toBe(false);
    expect(cutByWords(...at('本店可请大师上门做法事', '法事'))).toBe(false);
    // A pattern may end inside a word by design: only the start counts.
    expect(cutByWords(...at('三周提30分,不提分全额退款', '不提分全额退'))).toBe(false);
  });
});
