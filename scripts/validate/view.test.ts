import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { validateContent, validationView } from './index.ts';

describe('the validation view of a few files', () => {
  it('gives those files the findings the whole set gives them, cross-file ones included, and holds none of the others’ text', async () => {
    const xuPian = 'content/shanye/articles/2026/xu-pian/index.md';
    const root = await makeRepo({
      ...baseFiles(),
      // Names the plan entry the base article names, and has a twin slug in 2025, and an unknown plan.
      [xuPian]: article('title: 续篇\nstatus: draft\nplan: 2026-12/01', '冬天的续篇，讲水温。\u0007\n'),
      'content/shanye/articles/2025/xu-pian/index.md': article('title: 旧的续篇\nstatus: archived', '去年的文章。\n'),
      'content/shanye/articles/2026/other/index.md': article('title: 另一篇\nstatus: draft\nplan: 2027-01/01', '别的内容。\n'),
    });
    const set = await loadContent(root);
    const only = (file: string) => file === xuPian;
    const whole = await validateContent(set, { only });
    expect(whole.map((f) => f.ruleId).sort()).toEqual(['schema/control-character', 'schema/duplicate-slug', 'schema/plan-entry-reused']);
    const view = validationView(set, new Set([xuPian]));
    expect(await validateContent(view, { only })).toEqual(whole);
    expect(view.articles.filter((a) => a.source.file !== xuPian).map((a) => a.source.text)).toEqual(['', '', '']);
  });
});
