import { simpleGit } from 'simple-git';

/**
 * One commit of the reports just written, with only their files in it (whatever else is staged) and a message that
 * says which reports: `report: monthly 2026-11, qinghe-tea`. None when the files are as committed.
 */
export async function commitReports(root: string, message: string, paths: readonly string[]): Promise<string | undefined> {
  if (!paths.length) return undefined;
  const git = simpleGit(root);
  await git.add(['--all', '--', ...paths]);
  const staged = await git.diff(['--cached', '--name-only', '--', ...paths]);
  if (staged.trim() === '') return undefined;
  await git.commit(message, [...paths]);
  return message;
}
