import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';

// How a failed write reads to a user: in Chinese, with the path, and the system's code as a gloss. Every module
// that writes files (atomic writes, folders, build output, render -o, lint --fix, new article) goes through here.

export type WriteAction = 'write' | 'mkdir' | 'remove';

const verbs: Record<WriteAction, string> = { write: '无法写入', mkdir: '无法创建目录', remove: '无法删除' };

const reasons: Record<string, string> = {
  EACCES: '没有权限',
  EPERM: '系统不允许这个操作：权限不足，或文件被设为不可修改',
  EISDIR: '这是一个目录，不是文件',
  ENOSPC: '磁盘空间已满',
  EDQUOT: '磁盘配额已用完',
  EROFS: '所在的文件系统是只读的',
  ENOENT: '上级目录不存在，或这里不能创建文件',
  EEXIST: '已有同名的文件',
  EBUSY: '文件正被其他程序占用',
  ETXTBSY: '文件正被其他程序占用',
  EMFILE: '同时打开的文件太多',
  ENFILE: '同时打开的文件太多',
  ENAMETOOLONG: '路径太长',
  ELOOP: '路径里的符号链接太多层（或互相指向）',
  EIO: '磁盘读写出错',
  EINVAL: '这个位置不能写入文件',
  ENOTEMPTY: '目录不是空的',
  EXDEV: '不能跨磁盘移动文件',
};

/** A file-system failure while writing, its message already in Chinese. */
export class WriteError extends Error {
  override name = 'WriteError';

  constructor(
    /** The path that could not be written, as shown (relative to the working folder when inside it). */
    readonly path: string,
    /** The system's error code (`EACCES`), or `UNKNOWN`. */
    readonly code: string,
    /** Why, in Chinese, with the code: `没有权限（EACCES）`. */
    readonly reason: string,
    action: WriteAction,
  ) {
    super(`${verbs[action]} ${path}：${reason}。`);
  }
}

/** The error of a failed write at `path`, in Chinese; one that already is a WriteError is kept as it is. */
export function writeError(error: unknown, path: string, action: WriteAction = 'write'): WriteError {
  if (error instanceof WriteError) return error;
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'UNKNOWN';
  const known = reasons[code];
  const reason = code === 'ENOTDIR' ? notADirectory(path) : known ? `${known}（${code}）` : code === 'UNKNOWN' ? `出错（${firstLine(error)}）` : `系统报告错误 ${code}（${firstLine(error)}）`;
  return new WriteError(shown(path), code, reason, action);
}

/** Runs a write, turning what it throws into a WriteError for `path`. */
export async function writing<T>(path: string, write: () => Promise<T>, action: WriteAction = 'write'): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw writeError(error, path, action);
  }
}

/** `writing`, for synchronous writes. */
export function writingSync<T>(path: string, write: () => T, action: WriteAction = 'write'): T {
  try {
    return write();
  } catch (error) {
    throw writeError(error, path, action);
  }
}

/** ENOTDIR: one of the folders on the way is a file; name it. */
function notADirectory(path: string): string {
  for (let at = dirname(path); dirname(at) !== at; at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return `路径中的 ${shown(at)} 是文件，不是目录（ENOTDIR）`;
      break;
    } catch {
      // Missing or itself under a file: look further up.
    }
  }
  return '路径中有一级是文件，不是目录（ENOTDIR）';
}

/** A path as messages show it: relative to the working folder when inside it, else as it is. */
export function shown(path: string): string {
  const inside = relative(process.cwd(), path);
  return isAbsolute(path) && inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
