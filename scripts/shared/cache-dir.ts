import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDir } from './make-dir.ts';
import { unsavedCacheNotice } from './notice.ts';
import { WriteError, writeError } from './write-error.ts';

/**
 * `.cache/mpdesk/`, made when missing, for locks and caches. A name on the way taken by a file (`.cache` saved as
 * a file) is said with the way out, since everything in there can be made again.
 */
export function cacheDir(root: string): string {
  const dir = join(root, '.cache', 'mpdesk');
  try {
    makeDir(dir);
  } catch (error) {
    if (!(error instanceof WriteError) || (error.code !== 'EEXIST' && error.code !== 'ENOTDIR')) throw error;
    const hint = `mpdesk 把锁和缓存放在 .cache/mpdesk/ 下，那里只有可以重新生成的文件：删除或改名 ${error.path} 即可`;
    throw new WriteError(error.path, error.code, `${error.reason}；${hint}`, 'mkdir');
  }
  return dir;
}

/**
 * Where processed images are kept: `.cache/mpdesk/images/`, or, when it cannot be made, a temporary folder for this
 * run with one notice. The images are still made (a build copies them out of here); only the next run's speed suffers.
 */
export function imageCacheDir(root: string): string {
  const dir = join(root, '.cache', 'mpdesk', 'images');
  try {
    makeDir(dir);
    return dir;
  } catch (error) {
    const fallback = mkdtempSync(join(tmpdir(), 'mpdesk-images-'));
    process.once('exit', () => rmSync(fallback, { recursive: true, force: true }));
    unsavedCacheNotice('图片缓存', writeError(error, dir, 'mkdir').message, '这次处理好的图片放在临时目录里，下次会重新处理。');
    return fallback;
  }
}
