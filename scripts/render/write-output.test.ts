import { execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { article, baseFiles, makeRepo } from '../testing/fixture-repo.ts';
import { runCli } from '../testing/run-cli.ts';
import { checkOutputTarget } from './write-output.ts';

const styles = fileURLToPath(new URL('../../styles', import.meta.url));
const dir = 'content/shanye/articles/2026/dongtian-shouchong';

async function repo() {
  const jpeg = await sharp({ create: { width: 1800, height: 900, channels: 3, background: '#7a9' } }).jpeg().toBuffer();
  const root = await makeRepo({ ...baseFiles(), [`${dir}/cover.jpg`]: jpeg, [`${dir}/cup.png`]: jpeg, [`${dir}/index.md`]: article('title: 冬天的手冲\nstatus: draft\ncover: ./cover.jpg', '冬天水温掉得快，手冲时可以先温杯。\n\n![温好的杯子](./cup.png)\n') });
  await cp(styles, join(root, 'styles'), { recursive: true });
  return root;
}

const render = (root: string, out: string) => runCli(['render', dir, '-o', out], root);

describe('render -o', () => {
  it('refuses a symlink, leaving the link and the file it points at as they were', async () => {
    const root = await repo();
    await writeFile(join(root, 'old.html'), '旧的片段');
    await symlink(join(root, 'old.html'), join(root, 'link.html'));
    const result = await render(root, 'link.html');
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(`mpdesk: -o link.html 是符号链接（指向 ${join(root, 'old.html')}），mpdesk 不会替换它，也不会写到它指向的文件：请直接写出目标文件的路径，如 -o ${join(root, 'old.html')}。\n`);
    expect((await lstat(join(root, 'link.html'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(root, 'link.html'))).toBe(join(root, 'old.html'));
    expect(await readFile(join(root, 'old.html'), 'utf8')).toBe('旧的片段');
    // A link to nothing is refused too.
    await symlink(join(root, 'nowhere.html'), join(root, 'dangling.html'));
    expect(await render(root, 'dangling.html')).toMatchObject({ code: 2, stderr: expect.stringContaining('是符号链接（指向的文件不存在）') });
  });

  it('refuses a FIFO and a folder instead of replacing them with a file', async () => {
    const root = await repo();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    await mkdir(join(root, 'out'));
    const [pipe, folder] = [await render(root, 'pipe'), await render(root, 'out')];
    expect(pipe).toMatchObject({ code: 2, stderr: 'mpdesk: -o pipe 是命名管道（FIFO），不是普通文件，mpdesk 不会覆盖它：要输出到标准输出，去掉 -o 即可。\n' });
    expect(folder).toMatchObject({ code: 2, stderr: `mpdesk: -o out 是目录，不是普通文件，mpdesk 不会覆盖它：请给出文件名，如 -o ${join('out', 'article.html')}。\n` });
    expect((await lstat(join(root, 'pipe'))).isFIFO()).toBe(true);
  });

  // Only looked at, never written: a regression must not be able to replace the machine's /dev/null.
  it('refuses a device', () => {
    expect(checkOutputTarget('/dev/null', '/dev/null')).toEqual({ ok: false, message: '-o /dev/null 是设备文件，不是普通文件，mpdesk 不会覆盖它：要输出到标准输出，去掉 -o 即可。' });
  });

  it('replaces a regular file, and says in Chinese, with the path, why it cannot write', async () => {
    const root = await repo();
    await writeFile(join(root, 'old.html'), '旧的片段');
    const replaced = await render(root, 'old.html');
    // One picture in the article, and the cover (whose two crops are written too, but are not counted as pictures).
    expect(replaced).toMatchObject({ code: 0, stderr: '已写入 old.html（22 字，1 张图片，另有封面）\n' });
    expect((await readdir(join(root, 'images'))).sort()).toEqual(['cover-500x500.jpg', 'cover-900x383.jpg', 'cup.jpg']);
    expect(await readFile(join(root, 'old.html'), 'utf8')).toContain('<section');
    await writeFile(join(root, 'notes.txt'), '不是目录');
    const blocked = await render(root, 'notes.txt/article.html');
    expect(blocked).toMatchObject({ code: 2, stdout: '', stderr: 'mpdesk: 无法创建目录 notes.txt：已有同名的文件（EEXIST）。\n' });
  });
});
