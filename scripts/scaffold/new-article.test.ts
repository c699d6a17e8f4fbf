import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/index.ts';
import { baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { validateContent } from '../validate/index.ts';
import { newArticle } from './index.ts';

describe('newArticle', () => {
  it('scaffolds a draft that passes validation, with the account’s default author', async () => {
    const root = await makeRepo(baseFiles());
    const result = await newArticle(await loadContent(root), {
      account: 'shanye',
      title: '冬至：一杯热拿铁的讲究',
      plan: '2026-12/02',
      date: '2026-11-22',
    });
    expect(result).toEqual({
      ok: true,
      slug: 'dong-zhi-yi-bei-re-na-tie-de-jiang-jiu',
      file: 'content/shanye/articles/2026/dong-zhi-yi-bei-re-na-tie-de-jiang-jiu/index.md',
      warnings: [],
    });
    const text = await readFile(join(root, result.ok ? result.file : ''), 'utf8');
    expect(text).toContain('title: 冬至：一杯热拿铁的讲究');
    expect(text).toContain('author: 阿禾');
    expect(text).toContain('status: draft');
    expect(await validateContent(await loadContent(root))).toEqual([]);
  });

  it('never clashes: the same title twice gives a second slug', async () => {
    const root = await makeRepo(baseFiles());
    const request = { account: 'shanye', title: '冬天的手冲', date: '2026-11-22' };
    await newArticle(await loadContent(root), request);
    const second = await newArticle(await loadContent(root), request);
    expect(second).toMatchObject({ ok: true, slug: 'dong-tian-de-shou-chong-2' });
  });

  it('uses a dated slug when the title has nothing to spell', async () => {
    const root = await makeRepo(baseFiles());
    const result = await newArticle(await loadContent(root), { account: 'shanye', title: '☕️☕️', date: '2026-11-22' });
    expect(result).toMatchObject({ ok: true, slug: '2026-11-22-article' });
  });

  it('refuses an unknown account, naming the known ones', async () => {
    const root = await makeRepo(baseFiles());
    const result = await newArticle(await loadContent(root), { account: 'nope', title: '茶', date: '2026-11-22' });
    expect(result).toEqual({ ok: false, message: '账号 nope 不存在。现有账号：shanye。' });
  });

  it('refuses a title over the account’s limit and writes nothing', async () => {
    const root = await makeRepo(baseFiles());
    const result = await newArticle(await loadContent(root), { account: 'shanye', title: '长'.repeat(33), date: '2026-11-22' });
    expect(result).toMatchObject({ ok: false, message: '标题（title）太长：33 个字符，上限 32 个字符。' });
    expect((await loadContent(root)).articles).toHaveLength(1);
  });
});

describe('mpdesk new article when the file cannot be written', () => {
  it('says in Chinese which path is in the way, and exits 2', async () => {
    const { writeFile, rm } = await import('node:fs/promises');
    const { runCli } = await import('../testing/run-cli.ts');
    const root = await makeRepo(baseFiles());
    await rm(join(root, 'content/shanye/articles/2026'), { recursive: true });
    await writeFile(join(root, 'content/shanye/articles/2026'), '挡路的文件');
    const result = await runCli(['new', 'article', '--account', 'shanye', '--title', '冬天的手冲', '--date', '2026-12-01'], root);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 无法创建目录 content/shanye/articles/2026：已有同名的文件（EEXIST）。\n' });
  });
});

describe('mpdesk new article --plan with an entry another article already uses', () => {
  it('creates the draft and warns as validate will (schema/plan-entry-reused)', async () => {
    const { runCli } = await import('../testing/run-cli.ts');
    const root = await makeRepo(baseFiles());
    const result = await runCli(['new', 'article', '--account', 'shanye', '--title', '冬天的手冲续篇', '--plan', '2026-12/01', '--date', '2026-12-01'], root);
    const warning = '计划条目 2026-12/01 已被另一篇文章使用：content/shanye/articles/2026/dongtian-shouchong/index.md。一个条目对应一篇文章；如果是同一选题的续篇，请在计划里新增条目。';
    expect(result).toMatchObject({ code: 0, stderr: `mpdesk: 警告：${warning}\n` });
    expect(result.stdout).toContain('已创建 content/shanye/articles/2026/dong-tian-de-shou-chong-xu-pian/index.md');
    const findings = await validateContent(await loadContent(root));
    expect(findings.filter((f) => f.file.includes('xu-pian')).map((f) => [f.ruleId, f.message])).toEqual([['schema/plan-entry-reused', warning]]);
    const json = await runCli(['new', 'article', '--account', 'shanye', '--title', '冬天', '--plan', '2026-12/02', '--date', '2026-12-01', '--format', 'json'], root);
    expect(JSON.parse(json.stdout)).toMatchObject({ warnings: [] });
    expect(json.stderr).toBe('');
  });
});
