import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { siteRepo } from './fixture.test-helper.ts';

const chanqu = 'content/shanye/articles/2026/chanqu/index.md';

describe('build when output cannot be written', () => {
  it('fails once, in Chinese, naming the file in the way, when the output folder cannot be made', async () => {
    const root = await siteRepo();
    await writeFile(join(root, 'notes.txt'), '不是目录');
    const result = await runCli(['build', '--out', 'notes.txt/dist'], root);
    expect(result).toMatchObject({ code: 2, stderr: 'mpdesk: 无法创建目录 notes.txt：已有同名的文件（EEXIST）。\n' });
  });

  it('fails only the article whose folder cannot be written, in Chinese, and builds the others', async () => {
    const root = await siteRepo({ [chanqu]: article('title: 云南产区\nstatus: draft', '## 保山\n\n小粒咖啡。\n') });
    await mkdir(join(root, 'dist/shanye'), { recursive: true });
    await writeFile(join(root, 'dist/shanye/chanqu'), '挡路的文件');
    const result = await runCli(['build', '--format', 'json'], root);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { rendered: string[]; failed: string[]; findings: Array<{ ruleId: string; message: string }> };
    expect(report.failed).toEqual([chanqu]);
    expect(report.rendered).toEqual(['content/shanye/articles/2026/dongtian-shouchong/index.md']);
    expect(report.findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['build/write-failed', `这篇文章的输出没有写成，其他文章照常构建：无法删除 dist/shanye/chanqu/images：路径中的 dist/shanye/chanqu 是文件，不是目录（ENOTDIR）。`],
    ]);
    expect(existsSync(join(root, 'dist/shanye/dongtian-shouchong/article.html'))).toBe(true);
  });
});
