import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The folders under `<dir>/content` that hold an `account.yaml` (or `.yml`): what makes `dir` an mpdesk repository.
 * A bare `content/` folder is not enough, so that a website's or a CMS's `content/` is not taken for one.
 */
export function accountFolders(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(dir, 'content'), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .filter((name) => ['account.yaml', 'account.yml'].some((file) => existsSync(join(dir, 'content', name, file))))
    .sort();
}

/** The nearest folder at or above `start` that is an mpdesk repository, so commands work from any sub-folder. */
export function findRepoRoot(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (accountFolders(dir).length > 0) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
