import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

describe('the lint cache', () => {
  it('is discarded with a notice naming it when corrupt, and made again', async () => {
    const root = await makeRepo({ ...baseFiles(), 'content/shanye/articles/2026/zuijia/index.md': article('title: 最佳\nstatus: draft', '全城最佳的咖啡。\n') });
    const fresh = await runCli(['lint', '--format', 'json'], root);
    expect(fresh.code).toBe(1);
    const cache = join(root, '.cache/mpdesk/lint.json');
    for (const corrupt of ['{"entries": {"content/shanye/articles', '{"entries": {"content/shanye/articles/2026/zuijia/index.md": {"key": 1, "findings": "坏"}}}']) {
      await writeFile(cache, corrupt);
      const again = await runCli(['lint', '--format', 'json'], root);
      expect(again.stderr).toBe('mpdesk: 注意：检查缓存 .cache/mpdesk/lint.json 已损坏，已丢弃并重新检查。A corrupt lint cache was discarded.\n');
      expect(again).toMatchObject({ code: 1, stdout: fresh.stdout });
      expect(JSON.parse(await readFile(cache, 'utf8'))).toMatchObject({ entries: expect.any(Object) });
    }
  });

  it('checks an article again when another one takes its plan entry, so the reuse warning reaches both', async () => {
    const other = 'content/shanye/articles/2026/chanqu/index.md';
    const root = await makeRepo({ ...baseFiles(), [other]: article('title: 云南产区\nstatus: draft\nplan: 2026-12/02') });
    expect((await runCli(['lint', '--format', 'json'], root)).code).toBe(0);
    await writeFile(join(root, other), article('title: 云南产区\nstatus: draft\nplan: 2026-12/01'));
    const second = await runCli(['lint', '--format', 'json'], root);
    const reused = (JSON.parse(second.stdout) as Array<{ file: string; ruleId: string }>).filter((f) => f.ruleId === 'schema/plan-entry-reused').map((f) => f.file);
    expect(reused.sort()).toEqual([other, 'content/shanye/articles/2026/dongtian-shouchong/index.md']);
  });

  it('sees an image that became unreadable since the cached run, also one named by a reference definition elsewhere', async () => {
    const files = baseFiles();
    const dir = 'content/shanye/articles/2026/dongtian-shouchong';
    const png = files[`${dir}/cup.png`]!;
    const body = '冬天水温掉得快。\n\n![店招][logo]\n\n[logo]: ../logo.png\n';
    const root = await makeRepo({ ...files, [`${dir}/index.md`]: article('title: 冬天的手冲\nstatus: draft\ndigest: 温杯。\ncover: ./cover.jpg', body), 'content/shanye/articles/2026/logo.png': png });
    const first = await runCli(['lint', '--format', 'json'], root);
    expect(first.code).toBe(0);
    await writeFile(join(root, 'content/shanye/articles/2026/logo.png'), '坏掉的图片');
    const second = await runCli(['lint', '--format', 'json'], root);
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('图片“../logo.png”：无法读取图片');
  });
});
