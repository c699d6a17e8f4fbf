import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { listArticles } from './index.ts';

describe('listArticles', () => {
  it('lists by publish time, unscheduled last, and filters by status', async () => {
    const root = await makeRepo({
      ...baseFiles(),
      'content/shanye/articles/2026/chanqu/index.md': article('title: 云南咖啡产区巡礼\nstatus: scheduled\npublish_at: 2026-12-10T20:00:00+08:00\nplan: 2026-12/02'),
      'content/shanye/articles/2026/zaoqi/index.md': article('title: 早起的一杯\nstatus: published\npublish_at: 2026-11-01T08:00:00+08:00'),
    });
    const set = await loadContent(root);
    expect(listArticles(set).map((row) => [row.slug, row.status, row.publish_at, row.plan])).toEqual([
      ['zaoqi', 'published', '2026-11-01T08:00:00+08:00', ''],
      ['chanqu', 'scheduled', '2026-12-10T20:00:00+08:00', '2026-12/02'],
      ['dongtian-shouchong', 'draft', '', '2026-12/01'],
    ]);
    expect(listArticles(set, { status: 'scheduled' }).map((row) => row.title)).toEqual(['云南咖啡产区巡礼']);
    expect(listArticles(set, { account: 'other' })).toEqual([]);
  });
});
