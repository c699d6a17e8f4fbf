import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { accountYaml, article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
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

describe('mpdesk list', () => {
  it('says which files it could not list, as validate does, and exits 1', async () => {
    const root = await makeRepo({
      ...baseFiles(),
      'content/shanye/drafts/lanyue.md': article('title: 蓝月咖啡馆的一天\nstatus: draft'),
      'content/shanye/account.yaml': `${accountYaml}limits：\n  title: 40\n`,
    });
    const { code, stdout, stderr } = await runCli(['list', '--format', 'json'], root);
    expect(code).toBe(1);
    // Standard output stays the rows alone, for machines.
    expect(JSON.parse(stdout).map((row: { slug: string }) => row.slug)).toEqual(['dongtian-shouchong']);
    expect(stderr).toContain('以下问题让列表不完整或不准确');
    expect(stderr).toMatch(/content\/shanye\/account\.yaml\n  15:1 +错误  .*全角冒号.*schema\/yaml-syntax/);
    expect(stderr).toMatch(/content\/shanye\/drafts\/lanyue\.md\n  1:1 +错误  文件不在约定的位置.*content\/shanye\/articles\/\d{4}\/lanyue\/index\.md.*schema\/layout/);
    expect(stderr).toContain('✖ 检查了 1 个账号、1 个计划、1 篇文章：2 个错误，0 个警告。');
  });

  it('names an account.yaml that breaks its schema, at the field', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/account.yaml': accountYaml.replace('theme: default', 'theme: 3') });
    const { code, stdout, stderr } = await runCli(['list'], root);
    expect(code).toBe(1);
    expect(stdout).toContain('dongtian-shouchong');
    expect(stderr).toMatch(/content\/shanye\/account\.yaml\n  3:1 +错误  .*\[theme\]  schema\/type/);
  });

  it('says nothing more and exits 0 when every file is in place', async () => {
    const { code, stderr } = await runCli(['list'], await makeRepo(baseFiles()));
    expect([code, stderr]).toEqual([0, '']);
  });
});
