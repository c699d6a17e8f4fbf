import { spawnSync } from 'node:child_process';
import { chmod, cp, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repoRoot, 'bin/mpdesk.js');
const articlePath = 'content/shanye/articles/2026/dongtian-shouchong/index.md';

const run = (cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
  const result = spawnSync(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
};
const git = (cwd: string, ...args: string[]) => run(cwd, 'git', ['-c', 'user.name=阿禾', '-c', 'user.email=a-he@shanye.example', '-c', 'commit.gpgsign=false', ...args]);
const head = (cwd: string) => git(cwd, 'rev-parse', 'HEAD').out.trim();

describe('the prepare step', () => {
  /** A git repository holding this package.json, .husky/, bin/ and the sources, with its node_modules: what `npm ci` runs in. */
  async function project(): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'mpdesk-test-'));
    await cp(join(repoRoot, 'package.json'), join(root, 'package.json'));
    await cp(join(repoRoot, '.husky'), join(root, '.husky'), { recursive: true, filter: (path) => !path.includes(`${join('.husky', '_')}`) });
    await cp(join(repoRoot, 'bin'), join(root, 'bin'), { recursive: true });
    await symlink(join(repoRoot, 'scripts'), join(root, 'scripts'));
    await symlink(join(repoRoot, 'node_modules'), join(root, 'node_modules'));
    git(root, 'init', '-q');
    return root;
  }
  const prepare = async (root: string, npmCommand: string) => {
    const script: unknown = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).scripts.prepare;
    // As npm runs a script: through sh, in the package's folder, with node_modules/.bin on the PATH.
    return run(root, 'sh', ['-c', String(script)], { npm_command: npmCommand, PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}` });
  };

  it('installs the hook on npm ci, and leaves git config alone when npx runs a command', async () => {
    const root = await project();
    expect((await prepare(root, 'exec')).code).toBe(0);
    expect(git(root, 'config', '--get', 'core.hooksPath')).toEqual({ code: 1, out: '' });
    expect((await prepare(root, 'ci')).code).toBe(0);
    expect(git(root, 'config', '--get', 'core.hooksPath').out).toBe('.husky/_\n');
    // prepare also compiled the sources for bin/mpdesk.js.
    expect((await readFile(join(root, 'compiled/cli.js'), 'utf8')).length).toBeGreaterThan(0);
  });
});

describe('the pre-commit hook', () => {
  /** A committed repository whose pre-commit hook runs `mpdesk lint --staged`, as .husky/pre-commit does. */
  async function committedRepo(): Promise<string> {
    const root = await makeRepo(baseFiles());
    const hooks = await mkdtemp(join(tmpdir(), 'mpdesk-test-'));
    await writeFile(join(hooks, 'pre-commit'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" lint --staged\n`);
    await chmod(join(hooks, 'pre-commit'), 0o755);
    git(root, 'init', '-q');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '--no-verify', '-m', '山野咖啡：第一篇');
    git(root, 'config', 'core.hooksPath', hooks);
    return root;
  }

  it('lints what git stages at commit time: git commit -a and git commit <file> are stopped too', async () => {
    const root = await committedRepo();
    const before = head(root);
    await writeFile(join(root, articlePath), article(`title: ${'冬天的手冲'.repeat(8)}\nstatus: draft`));
    for (const args of [['commit', '-a', '-m', '改标题'], ['commit', articlePath, '-m', '改标题']]) {
      const { code, out } = git(root, ...args);
      expect(code, args.join(' ')).not.toBe(0);
      expect(out).toContain('schema/maxLength');
      expect(out).not.toContain('没有找到已暂存的内容文件');
      expect(head(root)).toBe(before);
    }
    await writeFile(join(root, articlePath), article('title: 冬天的手冲\nstatus: draft'));
    expect(git(root, 'commit', '-a', '-m', '改标题').code).toBe(0);
    expect(head(root)).not.toBe(before);
  });
});
