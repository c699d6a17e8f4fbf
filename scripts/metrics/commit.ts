import { simpleGit } from 'simple-git';

/**
 * One commit of an account's snapshots, with a message that says what changed (`metrics: qinghe-tea 2026-12-01,
 * +14 rows, 3 revised`), and none when the files are as committed. Only reports/<account>/metrics is committed,
 * whatever else is staged.
 */
export async function commitSnapshots(root: string, account: string, day: string, change: { added: number; revised: number }): Promise<string | undefined> {
  const git = simpleGit(root);
  const path = `reports/${account}/metrics`;
  await git.add(['--all', '--', path]);
  const staged = await git.diff(['--cached', '--name-only', '--', path]);
  if (staged.trim() === '') return undefined;
  const message = `metrics: ${account} ${day}, +${change.added} rows, ${change.revised} revised`;
  await git.commit(message, [path]);
  return message;
}
