import { simpleGit } from 'simple-git';
import { UsageError } from './path-filter.ts';

/**
 * Staged (added, copied, modified, renamed) files and their staged bytes, so a hook checks what will be committed.
 * Paths are relative to `root`, which may be a folder inside a larger git repository.
 */
export async function readStagedFiles(root: string, filter: (file: string) => boolean): Promise<Map<string, Buffer>> {
  // In a hook git names the index to read: `git commit -a` (or `git commit <file>`) stages into a temporary one,
  // which simple-git's environment guard would otherwise hide, leaving the hook to check the old index.
  const git = simpleGit({ baseDir: root, allowEnvironment: ['GIT_INDEX_FILE'] });
  // Outside a repository git would answer with its English usage text for `diff --no-index`; asked only then, as
  // every git process costs the hook time.
  const listed = await git.raw(['diff', '--cached', '--name-only', '--relative', '--diff-filter=ACMR', '-z']).catch(async (error: unknown) => {
    if (await git.checkIsRepo().catch(() => false)) throw error;
    throw new UsageError(`${root} 不在 git 仓库中：--staged 检查的是 git 暂存区里的文件。去掉 --staged 检查工作区，或先 git init 并 git add。`);
  });
  const names = listed
    .split('\0')
    .filter((file) => file && filter(file));
  const staged = new Map<string, Buffer>();
  // `:./path` is read from the working folder (root), as `--relative` listed it.
  for (const file of names) staged.set(file, await git.showBuffer([`:./${file}`]));
  return staged;
}
