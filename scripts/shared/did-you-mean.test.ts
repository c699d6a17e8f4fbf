import { describe, expect, it } from 'vitest';
import { closestFirst, didYouMean, notFoundMessage } from './did-you-mean.ts';

const accounts = ['qinghe-tea', 'qinghe-coffee', 'shanye'];

describe('did you mean', () => {
  it('suggests the one name that contains what was typed, when no name is a small edit away', () => {
    expect(didYouMean('coffee', accounts)).toBe('qinghe-coffee');
    expect(notFoundMessage('账号', 'coffee', accounts)).toBe('账号 coffee 不存在（是不是 qinghe-coffee？）。现有账号：qinghe-coffee、shanye、qinghe-tea。');
  });

  it('still prefers a small edit, and guesses nothing when several names contain the input', () => {
    expect(didYouMean('shanyee', accounts)).toBe('shanye');
    expect(didYouMean('qinghe', accounts)).toBeUndefined();
    expect(closestFirst('qinghe', accounts).slice(0, 2)).toEqual(['qinghe-tea', 'qinghe-coffee']);
    // Two letters are too few to mean anything.
    expect(didYouMean('ea', ['qinghe-tea'])).toBeUndefined();
  });
});
