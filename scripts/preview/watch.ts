import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';

export interface SourceWatcher {
  close(): Promise<void>;
}

/** Files editors and mpdesk write on the way to a save (swap, backup and temporary files), which are not content. */
function transient(path: string): boolean {
  return /^\.|^#|~$|^4913$|\.(?:swp|swx|swo|tmp|crswap)$|___jb_(?:tmp|old)___$/.test(basename(path));
}

/** How long the files must be still before a rebuild starts: one save is often several writes and a rename. */
const settleMs = 10;

/** Why a folder cannot be watched, in Chinese. */
function watchProblem(dir: string, root: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const why = code === 'ENOSPC' || code === 'EMFILE' ? `系统允许的文件监视数用完了（${code}），请调高 fs.inotify.max_user_watches 或关掉别的监视程序` : error instanceof Error ? error.message : String(error);
  return `无法监视 ${relative(root, dir) || '.'}：${why}。这个目录里的保存不会自动重建。`;
}

/**
 * Watches every folder under `content/` and `styles/` and calls `onChange` with the repository-relative paths that
 * changed, once the writes of a save have settled. Folders are watched, not files: a file watch follows the file's
 * inode, which an editor's save by rename replaces (chokidar and Node's recursive watch both lose every later write
 * to such a file), while the folder's watch reports each write, rename and new file in it. New folders (an article
 * created or moved in) are watched as they appear.
 */
export async function watchSources(root: string, onChange: (paths: string[], firstSeen: number) => void, onError: (message: string) => void): Promise<SourceWatcher> {
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let firstSeen = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const changed = (path: string) => {
    if (closed) return;
    if (!pending.size) firstSeen = performance.now();
    pending.add(relative(root, path).split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending = new Set();
      onChange(paths, firstSeen);
    }, settleMs);
  };
  const forget = (path: string) => {
    for (const [dir, watcher] of watchers) {
      if (dir !== path && !dir.startsWith(path + sep)) continue;
      watcher.close();
      watchers.delete(dir);
    }
  };
  const add = async (dir: string): Promise<void> => {
    if (closed || watchers.has(dir) || transient(dir)) return;
    try {
      const watcher = watch(dir, (event, name) => {
        const path = name === null ? dir : join(dir, name.toString());
        if (transient(path)) return;
        changed(path);
        if (event === 'rename') void renamed(path);
      });
      // A folder that went away ends its watch; any other failure is said.
      watcher.on('error', (error) => {
        forget(dir);
        if (existsSync(dir)) onError(watchProblem(dir, root, error));
      });
      watchers.set(dir, watcher);
    } catch (error) {
      if (existsSync(dir)) onError(watchProblem(dir, root, error));
      return;
    }
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) await add(join(dir, entry.name));
  };
  /** A name that appeared or went: a new folder is watched (then built once more, for what was written before its watch). */
  const renamed = async (path: string) => {
    const isDir = (() => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    })();
    if (!isDir) return forget(path);
    if (watchers.has(path)) return;
    await add(path);
    changed(path);
  };

  for (const folder of ['content', 'styles']) await add(join(root, folder));
  return {
    close: async () => {
      closed = true;
      clearTimeout(timer);
      forget(root);
    },
  };
}
