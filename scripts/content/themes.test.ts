import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accountYaml, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

const styles = fileURLToPath(new URL('../../styles', import.meta.url));
const account = 'content/shanye/account.yaml';

describe('theme lookup, shared by validate and build', () => {
  it('a repository without styles/ uses mpdesk’s own themes: validate passes and the build renders', { timeout: 60_000 }, async () => {
    const root = await makeRepo(baseFiles());
    const validate = await runCli(['validate'], root);
    expect(validate.code, validate.stdout).toBe(0);
    const build = await runCli(['build'], root);
    expect(build.code, build.stdout + build.stderr).toBe(0);
    expect(build.stdout).toContain('渲染 1 篇，未变化 0 篇，失败 0 篇');
  });

  it('a theme neither the repository nor mpdesk has is the same error in validate (once, on account.yaml) and build', { timeout: 60_000 }, async () => {
    const root = await makeRepo({ ...baseFiles(), [account]: accountYaml.replace('theme: default', 'theme: chaxi') });
    const validate = await runCli(['validate', '--format', 'json'], root);
    expect(validate.code).toBe(1);
    const message = '排版主题“chaxi”不可用：缺少 styles/themes/chaxi.css。现有主题：default、ink。';
    expect(JSON.parse(validate.stdout)).toEqual([expect.objectContaining({ file: account, line: 3, ruleId: 'schema/theme', field: 'theme', message })]);
    const build = await runCli(['build'], root);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(message);
  });

  it('a theme of the repository’s own is found by both', { timeout: 60_000 }, async () => {
    const root = await makeRepo({ ...baseFiles(), [account]: accountYaml.replace('theme: default', 'theme: chaxi') });
    await cp(styles, join(root, 'styles'), { recursive: true });
    await writeFile(join(root, 'styles/themes/chaxi.css'), `${await readFile(join(styles, 'themes/default.css'), 'utf8')}\nh2 { color: #556b2f; }\n`);
    expect((await runCli(['validate'], root)).code).toBe(0);
    const build = await runCli(['build'], root);
    expect(build.stdout).toContain('渲染 1 篇，未变化 0 篇，失败 0 篇');
    expect(await readFile(join(root, 'dist/shanye/dongtian-shouchong/article.html'), 'utf8')).toContain('#556b2f');
  });
});
