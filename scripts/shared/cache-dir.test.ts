import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';

describe('the cache folder taken by a file', () => {
  it('builds the images anyway when .cache/mpdesk/images is a file, with one notice instead of image errors', async () => {
    const root = await makeRepo(baseFiles());
    await mkdir(join(root, '.cache/mpdesk'), { recursive: true });
    await writeFile(join(root, '.cache/mpdesk/images'), '不是目录');
    const built = await runCli(['build', '--format', 'json'], root);
    expect(built.stderr).toBe('mpdesk: 注意：图片缓存没有保存：无法创建目录 .cache/mpdesk/images：已有同名的文件（EEXIST）。这次处理好的图片放在临时目录里，下次会重新处理。同一原因的其他缓存不再逐条提示。\n');
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ failed: [], rendered: [expect.anything()] });
    expect(existsSync(join(root, 'dist/shanye/dongtian-shouchong/images'))).toBe(true);
  });

  it('says how to get out when .cache itself is a file: the build needs it for its lock', async () => {
    const root = await makeRepo(baseFiles());
    await writeFile(join(root, '.cache'), '不是目录');
    const built = await runCli(['build'], root);
    expect(built).toMatchObject({ code: 2, stdout: '' });
    expect(built.stderr).toBe('mpdesk: 无法创建目录 .cache：已有同名的文件（EEXIST）；mpdesk 把锁和缓存放在 .cache/mpdesk/ 下，那里只有可以重新生成的文件：删除或改名 .cache 即可。\n');
  });
});
