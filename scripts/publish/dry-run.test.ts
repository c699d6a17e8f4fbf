import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli.ts';
import { approvedRepo, articleDir } from '../testing/publish-repo.ts';

const dongzhi = articleDir('dongzhi-weilu');

describe('mpdesk publish --dry-run', () => {
  it('prints each file to upload with its hash and size and the endpoints in order, writes nothing, exit 0', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const before = await readFile(join(repo.root, dongzhi, 'index.md'), 'utf8');
    const result = await runCli(['publish', dongzhi, '--submit', '--dry-run'], repo.root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const hash = '[0-9a-f]{64}';
    expect(result.stdout).toMatch(new RegExp(`上传 cgi-bin/media/uploadimg  \\.cache/mpdesk/images/\\w+\\.jpg（\\./weilu\\.jpg 处理后）  sha256 ${hash}  [\\d.]+ KB`));
    expect(result.stdout).toMatch(new RegExp(`上传 cgi-bin/media/uploadimg  \\.cache/mpdesk/images/\\w+\\.png（\\./chaxi\\.png 处理后）  sha256 ${hash}  [\\d.]+ (KB|B)`));
    expect(result.stdout).toMatch(new RegExp(`上传 cgi-bin/material/add_material\\?type=image  \\.cache/mpdesk/images/\\w+-material\\.jpg（\\./cover\\.jpg 的封面）  sha256 ${hash}`));
    expect(result.stdout).toContain(
      '调用顺序：cgi-bin/stable_token（缓存里没有有效 token 时）→ cgi-bin/media/uploadimg → cgi-bin/media/uploadimg → cgi-bin/material/add_material?type=image → cgi-bin/draft/add → cgi-bin/freepublish/submit → cgi-bin/freepublish/get\n',
    );
    expect(result.stdout).toContain('这是预演（--dry-run）：没有调用微信接口，没有改动 content/ 里的任何文件（处理好的图片在 .cache/mpdesk/images/）。\n预演完成：将发布 1 篇。\n');
    expect(await readFile(join(repo.root, dongzhi, 'index.md'), 'utf8')).toBe(before);
    expect((await repo.git.status(['--', 'content'])).files).toEqual([]);
  }, 90_000);

  it('--format json gives the same plan as data', async () => {
    const repo = await approvedRepo([{ slug: 'dongzhi-weilu', title: '冬至围炉煮茶指南' }]);
    const result = await runCli(['publish', dongzhi, '--dry-run', '--format', 'json'], repo.root);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.calls.map((c: { endpoint: string }) => c.endpoint)).toEqual(['cgi-bin/media/uploadimg', 'cgi-bin/media/uploadimg', 'cgi-bin/material/add_material?type=image', 'cgi-bin/draft/add']);
    expect(report.results).toEqual([expect.objectContaining({ file: `${dongzhi}/index.md`, outcome: 'planned', plan: expect.arrayContaining(['cgi-bin/draft/add：新建草稿（1 篇）']) })]);
  }, 90_000);
});
