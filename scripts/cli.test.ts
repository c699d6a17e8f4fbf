import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from './testing/fixture-repo.ts';
import { runCli } from './testing/run-cli.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const articlePath = 'content/shanye/articles/2026/dongtian-shouchong/index.md';

describe('mpdesk command', () => {
  it('prints help with every command', async () => {
    const { code, stdout } = await runCli(['--help'], repoRoot);
    expect(code).toBe(0);
    for (const command of ['validate', 'new', 'list']) expect(stdout).toContain(command);
  });

  it('validates the sample content that ships in content/ cleanly', async () => {
    const { code, stdout, stderr } = await runCli(['validate'], repoRoot);
    expect(stderr).toBe('');
    expect(stdout).toContain('没有发现问题');
    expect(code).toBe(0);
  });

  it('builds every sample article without findings, then finds nothing to redo', async () => {
    const out = await mkdtemp(join(tmpdir(), 'mpdesk-dist-'));
    const first = await runCli(['build', '--out', out, '--format', 'json'], repoRoot);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ failed: [], findings: [] });
    expect(JSON.parse(first.stdout).rendered).toHaveLength(7);
    const second = await runCli(['build', '--out', out], repoRoot);
    expect(second.stdout).toContain('渲染 0 篇，未变化 7 篇，失败 0 篇');
  });

  it('renders one article to stdout', async () => {
    const { code, stdout } = await runCli(['render', 'content/qinghe-tea/articles/2026/dongri-pao-cha/index.md'], repoRoot);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<section style="/);
    expect(stdout).toContain('冬天该喝什么茶');
  });

  it('lints the sample content with no errors', async () => {
    const { code, stdout } = await runCli(['lint', '--format', 'json'], repoRoot);
    expect(JSON.parse(stdout).filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(code).toBe(0);
  });

  it('lints with fixes and CI output', async () => {
    const root = await makeRepo({ ...baseFiles(), [articlePath]: article('title: 手冲\nstatus: draft', '用Python统计3款豆子！！\n\n见[文档](https://example.com/doc)。\n') });
    const github = await runCli(['lint', '--format', 'github'], root);
    expect(github.code).toBe(0);
    expect(github.stdout).toContain(`::warning file=${articlePath},line=6,col=1,endLine=6,endColumn=10,title=style/cjk-latin-spacing::“用Python统计”：“Python”前后缺少空格`);
    expect(github.stdout).toContain('::notice file=');

    const misuse = await runCli(['lint', '--staged', '--fix'], root);
    expect(misuse.code).toBe(2);

    const fixed = await runCli(['lint', '--fix'], root);
    expect(fixed.stdout).toContain(`已修正 1 个文件：${articlePath}`);
    expect(await readFile(join(root, articlePath), 'utf8')).toContain('用 Python 统计 3 款豆子！\n');
    const sarif = await runCli(['lint', '--format', 'sarif'], root);
    expect(JSON.parse(sarif.stdout).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['meta/cover', 'meta/digest', 'links/links']);
  });

  it('exits 1 with JSON findings when content has errors, and names file, line and field', async () => {
    const root = await makeRepo({ ...baseFiles(), [articlePath]: article('title: 茶\nstatus: draft\npublish_at: 2026-12-03 20:00') });
    const { code, stdout } = await runCli(['validate', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([
      {
        file: articlePath,
        line: 4,
        column: 1,
        endLine: 4,
        endColumn: 11,
        ruleId: 'schema/format',
        severity: 'error',
        field: 'publish_at',
        message: '发布时间（publish_at）缺少时区：“2026-12-03 20:00”，应写成 2026-12-03T20:00:00+08:00 这样带时区的时间。',
      },
    ]);
  });

  it('prints findings for people with position, field and rule', async () => {
    const root = await makeRepo({ ...baseFiles(), [articlePath]: article('title: 茶\nstatus: done') });
    const { code, stdout } = await runCli(['validate'], root);
    expect(code).toBe(1);
    expect(stdout).toContain(articlePath);
    expect(stdout).toMatch(/3:1\s+错误\s+状态（status）的值 “done” 无效/);
    expect(stdout).toContain('[status]  schema/enum');
    expect(stdout).toContain('1 个错误，0 个警告');
  });

  it('exits 2 on misuse, with a message and no stack trace', async () => {
    const unknown = await runCli(['validate', '--nope'], repoRoot);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--nope'");
    const missing = await runCli(['validate', 'content/no-such-account'], repoRoot);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('mpdesk: 路径不存在：content/no-such-account\n');
  });

  it('creates an article and lists it', async () => {
    const root = await makeRepo(baseFiles());
    const created = await runCli(['new', 'article', '--account', 'shanye', '--title', '冬至喝咖啡', '--date', '2026-12-01', '--format', 'json'], root);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ file: 'content/shanye/articles/2026/dong-zhi-he-ka-fei/index.md', slug: 'dong-zhi-he-ka-fei' });
    const listed = await runCli(['list', '--status', 'draft'], join(root, 'content/shanye'));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/冬至喝咖啡\s+draft\s+—\s+—\s+dong-zhi-he-ka-fei/);
  });

  it('checks the staged version of staged files only (the pre-commit hook)', async () => {
    const root = await makeRepo(baseFiles());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    const clean = await runCli(['validate', '--staged'], root);
    expect(clean.code).toBe(0);

    // Stage a broken title, then fix it only in the working tree: the commit would still carry the broken one.
    await writeFile(join(root, articlePath), article(`title: ${'长'.repeat(40)}\nstatus: draft`));
    git('add', articlePath);
    await writeFile(join(root, articlePath), article('title: 好了\nstatus: draft'));
    await mkdir(join(root, 'content/shanye/articles/2026/unstaged'));
    await writeFile(join(root, 'content/shanye/articles/2026/unstaged/index.md'), article('title: 未暂存\nstatus: broken'));
    const staged = await runCli(['validate', '--staged', '--format', 'json'], root);
    expect(staged.code).toBe(1);
    expect(JSON.parse(staged.stdout).map((f: { file: string; ruleId: string }) => [f.file, f.ruleId])).toEqual([[articlePath, 'schema/maxLength']]);
  });
});
