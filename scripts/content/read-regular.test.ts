import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { loadContent } from './index.ts';

describe('reading content files', () => {
  it('reads no FIFO (which would block the run) and no article linked from outside the account', async () => {
    const root = await makeRepo(baseFiles());
    const dir = (slug: string) => join(root, 'content/shanye/articles/2026', slug);
    await mkdir(dir('guan-dao'), { recursive: true });
    execFileSync('mkfifo', [join(dir('guan-dao'), 'index.md')]);
    await mkdir(dir('wai-lai'), { recursive: true });
    await writeFile(join(root, 'outside.md'), article('title: 外来\nstatus: draft'));
    await symlink(join(root, 'outside.md'), join(dir('wai-lai'), 'index.md'));
    const set = await loadContent(root);
    expect(set.findings.map((f) => [f.file.split('/')[4], f.ruleId, f.message])).toEqual([
      ['guan-dao', 'schema/read', expect.stringContaining('不是普通文件')],
      ['wai-lai', 'schema/read', expect.stringContaining('之外的链接')],
    ]);
    expect(set.articles.filter((a) => a.doc).map((a) => a.place.slug)).toEqual(['dongtian-shouchong']);
  });
});
