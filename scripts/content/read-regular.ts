import { readFileSync, realpathSync, statSync } from 'node:fs';
import { sep } from 'node:path';

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; code: string; message: string };

/**
 * A content file's bytes, read only when it is a regular file inside `within` once symlinks are followed: a FIFO
 * would block the whole run, and a symlink out of the repository would publish a file nobody reviewed. The calls are
 * synchronous: for a thousand small files, a round trip to the thread pool for each step costs three times the reads.
 */
export async function readRegularFile(path: string, within: string): Promise<ReadResult> {
  try {
    const real = realpathSync.native(path);
    const root = realpathSync.native(within);
    if (!real.startsWith(root + sep)) return { ok: false, code: 'OUTSIDE', message: `文件是指向 ${within} 之外的链接（${real}），不会读取。` };
    const info = statSync(real);
    if (!info.isFile()) return { ok: false, code: 'NOT_FILE', message: info.isDirectory() ? '这是一个目录，不是文件。' : '这不是普通文件（管道或设备），不会读取。' };
    return { ok: true, bytes: readFileSync(real) };
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    const reasons: Record<string, string> = { ENOENT: '文件不存在（或是失效的链接）。', EACCES: '没有读取权限。', EISDIR: '这是一个目录，不是文件。' };
    return { ok: false, code, message: reasons[code] ?? `无法读取（${code}）。` };
  }
}
