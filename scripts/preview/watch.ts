import { existsSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { watch } from 'chokidar';

export interface SourceWatcher {
  close(): Promise<void>;
}

/** Files editors and mpdesk write on the way to a save (swap, backup and temporary files), which are not content. */
function transient(path: string): boolean {
  const name = basename(path);
  return /^\.|^#|~$|^4913$|\.(?:swp|swx|swo|tmp|crswap)$|___jb_(?:tmp|old)___$/.test(name);
}

/** How long the files must be still before a rebuild starts: one save is often several writes and a rename. */
const settleMs = 10;

/**
 * Watches `content/` and `styles/` and calls `onChange` with the repository-relative paths that changed, once the
 * writes of a save have settled. An editor that saves by writing a temporary file and renaming it over the
 * article (most do) is seen as one change of the article.
 */
export async function watchSources(root: string, onChange: (paths: string[], firstSeen: number) => void, onError: (error: unknown) => void): Promise<SourceWatcher> {
  const folders = ['content', 'styles'].map((folder) => join(root, folder)).filter((folder) => existsSync(folder));
  const watcher = watch(folders, { ignoreInitial: true, ignored: transient, atomic: true });
  let pending = new Set<string>();
  let firstSeen = 0;
  let timer: NodeJS.Timeout | undefined;
  watcher.on('all', (_event, path) => {
    if (!pending.size) firstSeen = performance.now();
    pending.add(relative(root, path).split(sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending = new Set();
      onChange(paths, firstSeen);
    }, settleMs);
  });
  await new Promise<void>((ready, fail) => {
    watcher.once('ready', ready);
    watcher.once('error', fail);
  });
  watcher.on('error', onError);
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
