import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkOrCopy } from './link-or-copy.ts';

/** A folder on another file system than the temporary folder, when this machine has one (tmpfs at /dev/shm). */
function otherDevice(): string | undefined {
  try {
    return statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : undefined;
  } catch {
    return undefined;
  }
}

describe('placing a cached file in the output', () => {
  it('links it: the same file, no data written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-link-'));
    await writeFile(join(dir, 'cached.png'), '一张处理好的图片');
    linkOrCopy(join(dir, 'cached.png'), join(dir, 'cup.png'));
    expect((await stat(join(dir, 'cup.png'))).ino).toBe((await stat(join(dir, 'cached.png'))).ino);
    expect(await readFile(join(dir, 'cup.png'), 'utf8')).toBe('一张处理好的图片');
  });

  it('refuses to replace a file that is there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mpdesk-link-'));
    await writeFile(join(dir, 'cached.png'), '新图');
    await writeFile(join(dir, 'cup.png'), '旧图');
    expect(() => linkOrCopy(join(dir, 'cached.png'), join(dir, 'cup.png'))).toThrow(/EEXIST/);
    expect(await readFile(join(dir, 'cup.png'), 'utf8')).toBe('旧图');
  });

  it.skipIf(!otherDevice())('copies it to another file system, where no link can be made', async () => {
    const from = await mkdtemp(join(tmpdir(), 'mpdesk-link-'));
    const to = await mkdtemp(join(otherDevice()!, 'mpdesk-link-'));
    await writeFile(join(from, 'cached.png'), '跨磁盘的图片');
    linkOrCopy(join(from, 'cached.png'), join(to, 'cup.png'));
    expect(await readFile(join(to, 'cup.png'), 'utf8')).toBe('跨磁盘的图片');
    expect((await stat(join(to, 'cup.png'))).dev).not.toBe((await stat(join(from, 'cached.png'))).dev);
  });
});
