import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

const articleDir = 'content/shanye/articles/2026/dongtian-shouchong';
const styles = fileURLToPath(new URL('../../styles', import.meta.url));

/** The fixture repository with a cycle, a link out of the repository and a symlinked account folder. */
async function linkedRepo(): Promise<string> {
  const root = await makeRepo(baseFiles());
  await cp(styles, join(root, 'styles'), { recursive: true });
  await symlink('..', join(root, 'content/shanye/articles/loop'));
  await symlink('../..', join(root, 'content/shanye/ext'));
  await symlink('shanye', join(root, 'content/alias'));
  return root;
}

const warned = ['content/alias', 'content/shanye/articles/loop', 'content/shanye/ext'];

describe('symlinked folders under content/', () => {
  it('are not followed by validate, lint or build, and each is named once as a warning', async () => {
    const root = await linkedRepo();
    for (const command of ['validate', 'lint']) {
      const run = await runCli([command, '--format', 'json'], root);
      expect(run.code, run.stderr).toBe(0);
      const findings: Array<{ file: string; ruleId: string; severity: string; message: string }> = JSON.parse(run.stdout);
      const links = findings.filter((f) => f.ruleId === 'schema/symlink');
      expect(links.map((f) => [f.file, f.severity])).toEqual(warned.map((file) => [file, 'warning']));
      expect(links[0]!.message).toContain('content/alias/ 是指向其他目录的符号链接');
      expect(findings.filter((f) => f.ruleId !== 'schema/symlink' && f.severity === 'error')).toEqual([]);
    }
    const build = await runCli(['build'], root);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('渲染 1 篇，未变化 0 篇，失败 0 篇');
    for (const file of warned) expect(build.stdout).toContain(`${file}/ 是指向其他目录的符号链接`);
  }, 60_000);

  it('a symlinked account folder is not an account for --account either, and says why', async () => {
    const root = await linkedRepo();
    const run = await runCli(['list', '--account', 'alias'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('content/alias/ 是指向其他目录的符号链接');
    expect(run.stderr).toContain('现有账号：shanye');
  });

  it('a symlinked image file inside the account is still read', async () => {
    const root = await makeRepo(baseFiles());
    await symlink('cup.png', join(root, articleDir, 'cup-link.png'));
    const file = join(root, articleDir, 'index.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('./cup.png', './cup-link.png'));
    const run = await runCli(['validate'], root);
    expect(run.stdout + run.stderr).toContain('没有发现问题');
    expect(run.code).toBe(0);
  });
});
