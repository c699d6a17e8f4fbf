import { simpleGit } from 'simple-git';
import { fileAtCommit, mergedAuthors, unknownRefMessage } from '../shared/git-history.ts';
import { UsageError } from '../shared/path-filter.ts';
import { groupByAccount, type ChangedPath } from './changed-content.ts';
import { explainGitError } from './git-errors.ts';
import { approvalProblems, reviewLevelsOf } from './policy.ts';
import { trailerBlock } from './trailers.ts';

export interface RecordOptions {
  root: string;
  /** The branch under review, merged into the current branch. */
  branch: string;
  /** Who approved at which level, as the reviewers said. */
  approvals: Array<{ name: string; level: string }>;
  /** Where the review happened (a GitLab merge request, a Gitee PR, meeting notes); defaults to the branch. */
  reviewedOn?: string;
}

export type RecordOutcome = { merged: true; sha: string; message: string } | { merged: false; problems: string[] };

/**
 * For teams not on GitHub: merges `branch` into the current branch with a merge commit that carries the same
 * trailers `review merge` writes, after checking the approvals against each account's levels.
 */
export async function recordMerge(options: RecordOptions): Promise<RecordOutcome> {
  const git = simpleGit({ baseDir: options.root, config: ['core.quotepath=off'] });
  const status = await git.status().catch((error: unknown) => {
    throw new UsageError(`无法记录合并：${explainGitError(error)}`);
  });
  // Untracked files only block a merge that would overwrite them, and git names those itself.
  const changed = status.files.filter((f) => !(f.index === '?' && f.working_dir === '?')).map((f) => f.path);
  if (changed.length) throw new UsageError(`工作区有未提交的改动：${someOf(changed)}。先提交或暂存（git stash）后再记录合并。`);
  const branchHead = (await git.raw(['rev-parse', '--verify', '--quiet', `${options.branch}^{commit}`]).catch(() => '')).trim();
  if (!branchHead) throw new UsageError(await unknownRefMessage(git, options.branch));
  const base = (await git.raw(['merge-base', 'HEAD', branchHead])).trim();
  if (base === branchHead) throw new UsageError(`${options.branch} 已经合并到当前分支，没有可记录的改动。`);

  const changes = groupByAccount(parseNameStatus(await git.raw(['diff', '--name-status', '-M', '-z', base, branchHead])));
  const authors = await mergedAuthors(git)(base, branchHead);
  const readFile = fileAtCommit(git);
  const problems: string[] = [];
  const levelNames = new Set<string>();
  for (const change of changes) {
    const file = `content/${change.account}/account.yaml`;
    const text = (await readFile('HEAD', file)) ?? (await readFile(branchHead, file));
    const policy = text === undefined ? { ok: false as const, message: `${file} 不存在，无法确定审核级别。` } : reviewLevelsOf(text, file);
    if (!policy.ok) {
      problems.push(policy.message);
      continue;
    }
    for (const level of policy.levels) levelNames.add(level.name);
    problems.push(...approvalProblems(policy.levels, options.approvals, authors, 'reject').map((p) => `${change.account}：${p}。`));
  }
  if (changes.length === 0) problems.push(`${options.branch} 没有改动任何账号的内容，不需要记录审核；直接用 git merge。`);
  for (const approval of options.approvals) {
    if (changes.length && !levelNames.has(approval.level)) problems.push(`没有名为“${approval.level}”的审核级别（${approval.name}）。`);
  }
  if (problems.length) return { merged: false, problems };

  const record = {
    reviewers: options.approvals,
    reviewedOn: options.reviewedOn ?? `branch ${options.branch}`,
    approvedHead: branchHead,
    articles: changes.flatMap((c) => c.articles),
  };
  const message = `Merge branch '${options.branch}'\n\n${trailerBlock(record)}`;
  try {
    // --no-log: a shortlog appended after the message (merge.log) would push the trailers out of the last paragraph.
    await git.merge(['--no-ff', '--no-log', '-m', message, branchHead]);
  } catch (error) {
    // A merge that stopped on conflicts is undone; one git refused to start left nothing to undo.
    const stopped = await git.raw(['rev-parse', '-q', '--verify', 'MERGE_HEAD']).then((sha) => sha.trim() !== '', () => false);
    if (stopped) await git.merge(['--abort']).catch(() => undefined);
    throw new UsageError(`没有合并 ${options.branch}，仓库保持原样：${explainGitError(error)}`);
  }
  return { merged: true, sha: (await git.revparse(['HEAD'])).trim(), message };
}

/** `git diff --name-status -z` output as changed paths; a rename carries its old path. */
export function parseNameStatus(raw: string): ChangedPath[] {
  const parts = raw.split('\0').filter((p) => p !== '');
  const changed: ChangedPath[] = [];
  for (let i = 0; i < parts.length; ) {
    const code = parts[i++]!;
    if (code.startsWith('R') || code.startsWith('C')) {
      const from = parts[i++]!;
      changed.push({ file: parts[i++]!, previousFile: code.startsWith('R') ? from : undefined });
    } else {
      changed.push({ file: parts[i++]!, removed: code === 'D' });
    }
  }
  return changed;
}

/** A few paths for a message: all of them up to five, else the first five and how many more. */
function someOf(paths: readonly string[]): string {
  return paths.length <= 5 ? paths.join('、') : `${paths.slice(0, 5).join('、')} 等 ${paths.length} 个文件`;
}
