import { simpleGit } from 'simple-git';
import { explainGitError } from '../review/index.ts';

/**
 * Commits the receipts and ledger a unit changed, and nothing else (other staged changes stay staged), as
 * `publish: <account>/<slug> …`. The hook is skipped: the article passed lint before it was sent, and a receipt
 * left uncommitted is worse than one commit unchecked. Returns the commit, or undefined when nothing changed.
 */
export async function commitPublish(root: string, files: readonly string[], subject: string, body: string): Promise<string | undefined> {
  const git = simpleGit({ baseDir: root, config: ['core.quotepath=off'] });
  const changed = (await git.status(['--untracked-files=all', '--', ...files])).files.map((f) => f.path);
  const mine = files.filter((file) => changed.includes(file));
  if (mine.length === 0) return undefined;
  try {
    await git.add(mine);
    await git.raw(['commit', '--no-verify', '-m', subject, '-m', body, '--', ...mine]);
  } catch (error) {
    throw new Error(`发布回执和素材记录已写入文件，但没能提交到 git（${mine.join('、')}）：${explainGitError(error)}`);
  }
  return (await git.revparse(['HEAD'])).trim();
}
