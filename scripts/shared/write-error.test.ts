import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, writeError, writing } from './write-error.ts';

const systemError = (code: string, message = `${code}: operation failed, open '/x'`) => Object.assign(new Error(message), { code });

describe('write errors in Chinese', () => {
  it.each([
    ['EACCES', '无法写入 /srv/dist/a.html：没有权限（EACCES）。'],
    ['EPERM', '无法写入 /srv/dist/a.html：系统不允许这个操作：权限不足，或文件被设为不可修改（EPERM）。'],
    ['EISDIR', '无法写入 /srv/dist/a.html：这是一个目录，不是文件（EISDIR）。'],
    ['ENOSPC', '无法写入 /srv/dist/a.html：磁盘空间已满（ENOSPC）。'],
    ['EROFS', '无法写入 /srv/dist/a.html：所在的文件系统是只读的（EROFS）。'],
    ['EWHATEVER', '无法写入 /srv/dist/a.html：系统报告错误 EWHATEVER（EWHATEVER: operation failed, open \'/x\'）。'],
  ])('%s names the path and says why, the code as a gloss', (code, message) => {
    const error = writeError(systemError(code), '/srv/dist/a.html');
    expect(error).toBeInstanceOf(WriteError);
    expect(error.message).toBe(message);
    expect(error.code).toBe(code);
  });

  it('names the file that stands where a folder should be (ENOTDIR), and paths inside the working folder relatively', () => {
    const root = mkdtempSync(join(tmpdir(), 'mpdesk-write-'));
    writeFileSync(join(root, 'notes.txt'), '');
    expect(writeError(systemError('ENOTDIR'), join(root, 'notes.txt', 'a', 'b.html')).message).toBe(`无法写入 ${join(root, 'notes.txt', 'a', 'b.html')}：路径中的 ${join(root, 'notes.txt')} 是文件，不是目录（ENOTDIR）。`);
    expect(writeError(systemError('EACCES'), join(process.cwd(), 'dist', 'a.html'), 'remove').message).toBe(`无法删除 ${join('dist', 'a.html')}：没有权限（EACCES）。`);
  });

  it('wraps what a write throws, once', async () => {
    const first = writing('/srv/a.html', () => Promise.reject(systemError('ENOSPC')));
    await expect(first).rejects.toThrow('无法写入 /srv/a.html：磁盘空间已满（ENOSPC）。');
    const inner = writeError(systemError('EACCES'), '/srv/inner.html');
    await expect(writing('/srv/outer', () => Promise.reject(inner), 'mkdir')).rejects.toBe(inner);
  });
});
