import { simpleGit } from 'simple-git';

/** Staged (added, copied, modified, renamed) files and their staged bytes, so a hook checks what will be committed. */
export async function readStagedFiles(root: string, filter: (file: string) => boolean): Promise<Map<string, Buffer>> {
  const git = simpleGit(root);
  const names = (await git.raw(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z']))
    .split('\0')
    .filter((file) => file && filter(file));
  const staged = new Map<string, Buffer>();
  for (const file of names) staged.set(file, await git.showBuffer([`:${file}`]));
  return staged;
}
