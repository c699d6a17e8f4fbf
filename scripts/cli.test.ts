import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from './testing/fixture-repo.ts';
import { runCli } from './testing/run-cli.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../bin/mpdesk.js', import.meta.url));
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
    expect(stdout).toMatch(/3:1\s+错误\s+状态（status）的值“done”无效/);
    expect(stdout).toContain('[status]  schema/enum');
    expect(stdout).toContain('1 个错误，0 个警告');
  });

  it('exits 2 on misuse, with a message and no stack trace', async () => {
    const unknown = await runCli(['validate', '--nope'], repoRoot);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('mpdesk: 未知选项 --nope\n用法：mpdesk validate [paths...] [options]\n运行 mpdesk validate --help 查看全部选项\n');
    const missing = await runCli(['validate', 'content/no-such-account'], repoRoot);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe('mpdesk: 路径不存在：content/no-such-account\n');
  });

  it('creates an article and lists it', async () => {
    const root = await makeRepo(baseFiles());
    const created = await runCli(['new', 'article', '--account', 'shanye', '--title', '冬至喝咖啡', '--date', '2026-12-01', '--format', 'json'], root);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toEqual({ file: 'content/shanye/articles/2026/dong-zhi-he-ka-fei/index.md', slug: 'dong-zhi-he-ka-fei', warnings: [] });
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

  it('lints with the staged word list and checks the staged list itself, not the working copy', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/words.yaml': 'entries:\n  - 旧禁词\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    const findingsOf = (stdout: string) => JSON.parse(stdout).map((f: { file: string; ruleId: string; line: number }) => [f.file, f.ruleId, f.line]);
    // The team list bans 温杯 in what is staged; the working copy has taken it out again.
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - 温杯\n');
    git('add', 'content/words.yaml');
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - 旧禁词\n');
    await writeFile(join(root, articlePath), `${await readFile(join(root, articlePath), 'utf8')}\n再写一句。\n`);
    git('add', articlePath);
    const staged = await runCli(['lint', '--staged', '--format', 'json'], root);
    expect(findingsOf(staged.stdout).filter(([, ruleId]: [string, string]) => ruleId === 'sensitive/words')).toEqual([
      [articlePath, 'sensitive/words', 12],
      [articlePath, 'sensitive/words', 16],
    ]);
    expect(findingsOf((await runCli(['lint', '--format', 'json'], root)).stdout).filter(([, ruleId]: [string, string]) => ruleId === 'sensitive/words')).toEqual([]);

    // Only the list staged, and broken there: the hook stops the commit on the list's own line.
    git('commit', '-qm', 'x', '--no-verify');
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - {term: 温杯, severity: fatal}\n');
    git('add', 'content/words.yaml');
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - 旧禁词\n');
    const list = await runCli(['lint', '--staged', '--format', 'json'], root);
    expect(list.code).toBe(1);
    expect(findingsOf(list.stdout)).toEqual([['content/words.yaml', expect.stringMatching(/^schema\//), 2]]);
    expect((await runCli(['lint', '--staged'], root)).stdout).toContain('1 个已暂存文件');
  });

  it('validates the word lists too, as lint does, the staged version with --staged', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/words.yaml': 'entries:\n  - 旧禁词\n  - {term: 温杯, severity: fatal}\n' });
    const findingsOf = (stdout: string) => JSON.parse(stdout).map((f: { file: string; ruleId: string; line: number }) => [f.file, f.ruleId.split('/')[0], f.line]);
    const whole = await runCli(['validate', '--format', 'json'], root);
    expect(whole.code).toBe(1);
    expect(findingsOf(whole.stdout)).toEqual([['content/words.yaml', 'schema', 3]]);
    expect((await runCli(['validate'], root)).stdout).toContain('content/words.yaml');
    // Only the account's list named by a path to the account: the team list is the account's too.
    await writeFile(join(root, 'content/shanye/words.yaml'), 'entries:\n  - term: 冬\n    severity: error\n    tags: 不是列表\n');
    expect(findingsOf((await runCli(['validate', 'content/shanye', '--format', 'json'], root)).stdout).map(([file]: [string]) => file)).toEqual(['content/shanye/words.yaml', 'content/words.yaml']);

    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    await writeFile(join(root, 'content/shanye/words.yaml'), 'entries:\n  - 冬日\n');
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - 热水\n  - {term: 温杯, severity: fatal}\n');
    git('add', 'content/words.yaml');
    await writeFile(join(root, 'content/words.yaml'), 'entries:\n  - 旧禁词\n');
    const staged = await runCli(['validate', '--staged', '--format', 'json'], root);
    expect(staged.code).toBe(1);
    expect(findingsOf(staged.stdout)).toEqual([['content/words.yaml', 'schema', 3]]);
    expect((await runCli(['validate', '--staged'], root)).stdout).toContain('1 个已暂存文件');
    expect((await runCli(['validate', '--format', 'json'], root)).code).toBe(0);
  });

  it('counts in its summary only the files of the paths given, not the whole repository', async () => {
    const root = await makeRepo(baseFiles());
    for (const command of ['validate', 'lint']) {
      const { stdout } = await runCli([command, articlePath], root);
      expect(stdout.trimEnd().split('\n').at(-1), command).toMatch(/检查了 0 个账号、0 个计划、1 篇文章/);
      expect((await runCli([command], root)).stdout, command).toMatch(/检查了 1 个账号、1 个计划、1 篇文章/);
    }
  });

  it('says in Chinese that --staged needs a git repository, instead of printing git\'s usage text', async () => {
    const root = await makeRepo(baseFiles());
    for (const command of ['lint', 'validate']) {
      const { code, stdout, stderr } = await runCli([command, '--staged'], root);
      expect({ code, stdout }, command).toEqual({ code: 2, stdout: '' });
      expect(stderr, command).toBe(`mpdesk: ${root} 不在 git 仓库中：--staged 检查的是 git 暂存区里的文件。去掉 --staged 检查工作区，或先 git init 并 git add。\n`);
    }
  });

  it('reads the staged files of an mpdesk repository kept in a folder of a larger git repository', async () => {
    const outer = await mkdtemp(join(tmpdir(), 'mpdesk-test-'));
    const root = join(outer, 'gongzhonghao');
    for (const [file, text] of Object.entries(baseFiles())) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
    }
    await writeFile(join(root, articlePath), article(`title: ${'长'.repeat(40)}\nstatus: draft`));
    execFileSync('git', ['init', '-q'], { cwd: outer });
    execFileSync('git', ['add', '.'], { cwd: outer });
    const { code, stdout } = await runCli(['validate', '--staged', '--format', 'json'], root);
    expect(code).toBe(1);
    expect(JSON.parse(stdout).map((f: { file: string; ruleId: string }) => [f.file, f.ruleId])).toEqual([[articlePath, 'schema/maxLength']]);
  });

  it('says plainly that nothing was checked when no content file is staged, and exits 0', async () => {
    const root = await makeRepo({ ...baseFiles(), 'notes.txt': '备忘\n' });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', 'notes.txt');
    const said = '没有找到已暂存的内容文件（content/ 下的 account.yaml、计划、文章或 words.yaml 词表），没有检查任何文件。\n';
    for (const command of ['validate', 'lint'] as const) {
      expect(await runCli([command, '--staged'], root), command).toMatchObject({ code: 0, stdout: said });
      expect(await runCli([command, '--staged', '--format', 'json'], root), command).toMatchObject({ code: 0, stdout: '[]\n' });
    }
  });
});

/** Every file under `root`, to show that a refused command wrote nothing. */
/** The repository's files; `.cache/` (mpdesk's own records, ignored by git, such as parsed frontmatter) is not content. */
async function filesIn(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((path) => path.split(sep)[0] !== '.cache').sort();
}

describe('mpdesk never misleads', () => {
  it('refuses every content command outside an mpdesk repository, instead of passing green', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'mpdesk-elsewhere-'));
    // A website's content/ folder is not an mpdesk repository: no account.yaml.
    await mkdir(join(empty, 'content', 'posts'), { recursive: true });
    const commands = [['lint'], ['validate'], ['list'], ['build'], ['render', 'x.md'], ['new', 'article', '--account', 'shanye', '--title', '茶'], ['audit'], ['review', 'check'], ['review', 'codeowners']];
    const results = await Promise.all(commands.map((args) => runCli(args, empty)));
    for (const [index, result] of results.entries()) {
      expect(result, commands[index]!.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(/^mpdesk: 不在 mpdesk 仓库中：.* 及其上级目录里都没有 content\/<账号>\/account\.yaml。在仓库里运行，或用 --root <目录> 指向仓库根目录/);
    }
    const pointed = await runCli(['lint', '--root', empty], repoRoot);
    expect(pointed).toMatchObject({ code: 2, stdout: '' });
    expect(pointed.stderr).toContain(`不在 mpdesk 仓库中：${empty} 下没有 content/<账号>/account.yaml`);
    expect(await filesIn(empty)).toEqual(['content', join('content', 'posts')]);
  });

  it('builds into dist/ at the repository root from a subfolder; an explicit --out is relative to where you stand', async () => {
    const root = await makeRepo(baseFiles());
    const sub = join(root, 'content/shanye');
    // The fixture has no styles/ and builds with mpdesk's own themes; where the site goes is the point.
    const built = await runCli(['build'], sub);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(built.stdout).toContain('预览：../../dist/index.html');
    expect(existsSync(join(root, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(sub, 'dist'))).toBe(false);
    const chosen = await runCli(['build', '--out', 'preview'], sub);
    expect(chosen.stdout).toContain('预览：preview/index.html');
    expect(existsSync(join(sub, 'preview/index.html'))).toBe(true);
  });

  it('refuses an unknown --account, naming the accounts that exist, closest first', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/qinghe-tea/account.yaml': 'name: 青禾茶事\n' });
    const message = 'mpdesk: 账号 shanye-x 不存在（是不是 shanye？）。现有账号：shanye、qinghe-tea。\n';
    for (const args of [['list'], ['build'], ['new', 'article', '--title', '茶']]) {
      const result = await runCli([...args, '--account', 'shanye-x'], root);
      expect(result, args[0]).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
    // A part of an id is a fair guess when only one account contains it.
    const part = await runCli(['list', '--account', 'tea'], root);
    expect(part.stderr).toBe('mpdesk: 账号 tea 不存在（是不是 qinghe-tea？）。现有账号：qinghe-tea、shanye。\n');
    const far = await runCli(['list', '--account', 'kafei'], root);
    expect(far.stderr).toBe('mpdesk: 账号 kafei 不存在。现有账号：shanye、qinghe-tea。\n');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('refuses an --account that cannot be an id, even when a folder of that name exists', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/Bad_Acc/account.yaml': 'name: 山野\n', 'content/Bad_Acc/articles/2026/a/index.md': article('title: 茶\nstatus: draft') });
    const message = 'mpdesk: 账号 id“Bad_Acc”不合规：只能用小写字母、数字和连字符（如 qinghe-tea）。content/Bad_Acc/ 的目录名不是合规的 id，没有被当作账号读取：请改名为 content/bad-acc/。现有账号：shanye。\n';
    for (const args of [['list'], ['build'], ['new', 'article', '--title', '茶']]) {
      const result = await runCli([...args, '--account', 'Bad_Acc'], root);
      expect(result, args[0]).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
    const upper = await runCli(['list', '--account', 'SHANYE'], root);
    expect(upper).toMatchObject({ code: 2, stderr: 'mpdesk: 账号 id“SHANYE”不合规：只能用小写字母、数字和连字符（如 qinghe-tea）。是不是 shanye？现有账号：shanye。\n' });
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('reads a path given to render as validate and lint read theirs: from where you stand, with --root too', async () => {
    const root = await makeRepo(baseFiles());
    const parent = join(root, '..');
    const fromParent = join(root.slice(parent.length + 1), articlePath);
    const commands = ['render', 'validate', 'lint'];
    const [found, refused, image] = await Promise.all([
      Promise.all(['render', 'validate'].map((command) => runCli([command, fromParent, '--root', root], parent))),
      Promise.all(commands.map((command) => runCli([command, articlePath, '--root', root], parent))),
      runCli(['render', 'content/shanye/articles/2026/dongtian-shouchong/cup.png'], root),
    ]);
    // Both find the article (the fixture has no styles/: render uses mpdesk's own themes, as validate expects).
    expect(found[0]).toMatchObject({ code: 0, stdout: expect.stringContaining('<section') });
    expect(found[1]!.code).toBe(0);
    // Written from the repository's root instead: all three refuse it alike, and say how to write it.
    const said = `mpdesk: 路径不存在：${articlePath}（路径从当前目录读起；这里应写 ${fromParent}）\n`;
    refused.forEach((result, i) => expect(result, commands[i]).toMatchObject({ code: 2, stdout: '', stderr: said }));
    expect(image).toMatchObject({ code: 2, stderr: expect.stringContaining('不是一篇文章') });
  }, 60_000);

  it('refuses paths that are not content, saying why; folders under content/ are fine', async () => {
    const root = await makeRepo({ ...baseFiles(), 'README.md': '# 山野咖啡\n', 'schemas/article.schema.json': '{}\n' });
    const readme = await runCli(['lint', 'README.md'], root);
    expect(readme).toMatchObject({ code: 2, stdout: '' });
    expect(readme.stderr).toBe('mpdesk: README.md 不是内容：mpdesk 只检查 content/<账号>/ 下的 account.yaml、plans/<YYYY-MM>.md 和 articles/<年份>/<slug>/index.md。\n');
    const schemas = await runCli(['validate', 'schemas/'], root);
    expect(schemas).toMatchObject({ code: 2, stdout: '' });
    expect(schemas.stderr).toContain('schemas/ 不是内容');
    const image = await runCli(['lint', 'content/shanye/articles/2026/dongtian-shouchong/cup.png'], root);
    expect(image.code).toBe(2);
    expect(image.stderr).toContain('不是内容文件：应为 content/<账号>/ 下的 account.yaml、plans/<YYYY-MM>.md 或 articles/<年份>/<slug>/index.md（图片随文章一起检查）');
    expect((await runCli(['validate', 'content/shanye/articles'], root)).code).toBe(0);
    expect((await runCli(['validate', 'articles/2026/dongtian-shouchong/index.md'], join(root, 'content/shanye'))).code).toBe(0);
  });

  it('refuses a plan entry or a date that does not exist before writing anything', async () => {
    const root = await makeRepo(baseFiles());
    const before = await filesIn(root);
    const create = (...extra: string[]) => runCli(['new', 'article', '--account', 'shanye', '--title', '冬至喝咖啡', ...extra], root);
    const [entry, month, malformed, impossible, shortDate] = await Promise.all([
      create('--plan', '2026-12/99'),
      create('--plan', '2027-01/01'),
      create('--plan', '十二月第三篇'),
      create('--date', '2026-13-45'),
      create('--date', '2026-2-1'),
    ]);
    expect(entry).toMatchObject({ code: 2, stderr: 'mpdesk: 计划条目 2026-12/99 不存在：content/shanye/plans/2026-12.md 只有条目 01、02。\n' });
    expect(month.stderr).toBe('mpdesk: 计划条目 2027-01/01 不存在：没有 2027-01 的计划（content/shanye/plans/2027-01.md）。现有计划：2026-12。\n');
    expect(malformed.stderr).toBe('mpdesk: 计划条目应写成 <月份>/<条目 id>，如 2026-12/03：十二月第三篇\n');
    expect(impossible).toMatchObject({ code: 2, stderr: 'mpdesk: --date 应为真实的日期 YYYY-MM-DD，如 2026-12-01：2026-13-45\n' });
    expect(shortDate.code).toBe(2);
    for (const result of [entry, month, malformed]) expect(result.code).toBe(2);
    expect(await filesIn(root)).toEqual(before);
    expect((await create('--plan', '2026-12/02', '--date', '2026-12-01')).code).toBe(0);
  });

  it('explains argument errors in Chinese with one line of usage, not the whole help', async () => {
    const [unknown, missing, choice, command, excess] = await Promise.all([
      runCli(['lint', '--fxi'], repoRoot),
      runCli(['render'], repoRoot),
      runCli(['list', '--status', 'done'], repoRoot),
      runCli(['lnit'], repoRoot),
      runCli(['list', 'content'], repoRoot),
    ]);
    expect(unknown).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 未知选项 --fxi（是不是想用 --fix？）\n用法：mpdesk lint [paths...] [options]\n运行 mpdesk lint --help 查看全部选项\n' });
    expect(missing.stderr).toBe('mpdesk: 缺少参数 <article>\n用法：mpdesk render <article> [options]\n运行 mpdesk render --help 查看全部选项\n');
    expect(choice.stderr).toBe('mpdesk: 选项 --status <status> 的值“done”无效；可选：draft、review、approved、scheduled、published、archived\n用法：mpdesk list [options]\n运行 mpdesk list --help 查看全部选项\n');
    expect(command.stderr).toBe('mpdesk: 未知命令 lnit（是不是想用 lint？）\n用法：mpdesk <command> [options]\n运行 mpdesk --help 查看全部选项\n');
    expect(excess.stderr).toBe('mpdesk: 多余的参数：content\n用法：mpdesk list [options]\n运行 mpdesk list --help 查看全部选项\n');
    for (const result of [unknown, missing, choice, command, excess]) expect(result.code).toBe(2);
    const mandatory = await runCli(['new', 'article', '--title', '茶'], repoRoot);
    expect(mandatory.stderr).toBe('mpdesk: 缺少必填选项 --account <account>\n用法：mpdesk new article --account <account> --title <title> [options]\n运行 mpdesk new article --help 查看全部选项\n');
  });

  it('shows no empty default in help (a repeatable --rule starts from an empty list)', async () => {
    const lint = await runCli(['lint', '--help'], repoRoot, { COLUMNS: '200' });
    expect(lint.stdout).toMatch(/--rule <module> +另加自定义规则模块（默认导出 defineRule 定义的规则），可多次使用 add a custom rule module\n/);
    const helps = await Promise.all([['validate'], ['new', 'article'], ['list'], ['render'], ['build'], ['review', 'gate'], ['review', 'merge'], ['review', 'record'], ['review', 'check'], ['review', 'codeowners'], ['audit']].map((args) => runCli([...args, '--help'], repoRoot, { COLUMNS: '200' })));
    for (const help of [lint, ...helps]) expect(help.stdout).not.toMatch(/默认 [）；]/);
  });

  it('answers a group without its subcommand, and help for an unknown command, with one line and the usage', async () => {
    const [help, guess, create, review] = await Promise.all([runCli(['help', 'nope'], repoRoot), runCli(['help', 'revew'], repoRoot), runCli(['new'], repoRoot), runCli(['review'], repoRoot)]);
    expect(help).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 没有命令 nope，无法显示它的帮助\n用法：mpdesk help [command]\n运行 mpdesk --help 查看全部选项\n' });
    expect(guess.stderr).toContain('（是不是想看 review？）');
    expect(create).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: mpdesk new 后面缺少子命令：可用 article\n用法：mpdesk new <command> [options]\n运行 mpdesk new --help 查看全部选项\n' });
    expect(review).toMatchObject({ code: 2, stdout: '' });
    expect(review.stderr.split('\n')[0]).toBe('mpdesk: mpdesk review 后面缺少子命令：可用 gate、merge、record、check、codeowners');
    // Asking for help is not misuse.
    const [known, group] = await Promise.all([runCli(['help', 'new'], repoRoot), runCli(['new', '--help'], repoRoot)]);
    expect([known.code, group.code]).toEqual([0, 0]);
    expect(known.stdout).toContain('article');
  });

  it('wraps help by display width, a Chinese character counting two columns', async () => {
    const commands = [['lint'], ['new', 'article'], ['render'], ['review', 'record'], ['publish'], []];
    const helps = await Promise.all(commands.map((args) => runCli([...args, '--help'], repoRoot, { COLUMNS: '60' })));
    for (const [index, help] of helps.entries()) {
      expect(help.code).toBe(0);
      const wide = help.stdout.split('\n').filter((line) => stringWidth(line) > 60);
      expect(wide, commands[index]!.join(' ')).toEqual([]);
    }
    expect(helps[0]!.stdout).toContain('用法 Usage: mpdesk lint [paths...] [options]');
    // A long example is continued with a backslash, so it still runs when pasted.
    expect(helps[0]!.stdout).toContain('  mpdesk lint --fix \\\n    content/qinghe-tea/articles/2026/dongri-pao-cha/index.md\n');
  });

  it('ends quietly when the reader of its output goes away (| head)', async () => {
    for (const args of [['lint', '--root', '.', '--format', 'json'], ['list'], ['--help']]) {
      const { code, stderr } = await runWithClosedStdout(args, repoRoot);
      expect(stderr, args.join(' ')).toBe('');
      expect(code).toBe(0);
    }
  });
});

/** Runs mpdesk with its standard output closed at once, as `| head -1` does once it has its line. */
function runWithClosedStdout(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 15_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
