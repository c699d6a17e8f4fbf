import { simpleGit } from 'simple-git';
import { UsageError } from '../shared/path-filter.ts';
import { groupByAccount, type ChangedPath } from './changed-content.ts';
import { isTeam, reviewLevelsOf } from './policy.ts';
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
  const git = simpleGit(options.root);
  const status = await git.status();
  if (!status.isClean()) throw new UsageError('工作区有未提交的改动，先提交或暂存（git stash）后再记录合并。');
  const branchHead = (await git.raw(['rev-parse', '--verify', '--quiet', `${options.branch}^{commit}`]).catch(() => '')).trim();
  if (!branchHead) throw new UsageError(`找不到分支：${options.branch}`);
  const base = (await git.raw(['merge-base', 'HEAD', branchHead])).trim();
  if (base === branchHead) throw new UsageError(`${options.branch} 已经合并到当前分支，没有可记录的改动。`);

  const changes = groupByAccount(parseNameStatus(await git.raw(['diff', '--name-status', '-M', '-z', base, branchHead])));
  const authors = (await git.raw(['log', '--format=%an%x00%ae', `${base}..${branchHead}`])).split('\n').filter(Boolean).flatMap((l) => l.split('\0'));
  const problems: string[] = [];
  const levelNames = new Set<string>();
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const change of changes) {
    const file = `content/${change.account}/account.yaml`;
    const text = (await git.show([`HEAD:${file}`]).catch(() => undefined)) ?? (await git.show([`${branchHead}:${file}`]).catch(() => undefined));
    const policy = text === undefined ? { ok: false as const, message: `${file} 不存在，无法确定审核级别。` } : reviewLevelsOf(text, file);
    if (!policy.ok) {
      problems.push(policy.message);
      continue;
    }
    const used = new Set<string>();
    for (const level of policy.levels) {
      levelNames.add(level.name);
      const given = options.approvals.filter((a) => a.level === level.name);
      const named = level.approvers.filter((a) => !isTeam(a));
      const approver = given.find((a) => named.some((n) => same(n, a.name)) && !used.has(a.name.toLowerCase()));
      if (!approver) {
        const who = given.length ? `${given.map((a) => a.name).join('、')} 不在名单上或已审批其他级别` : '没有给出审批人';
        problems.push(`${change.account}：“${level.name}”级${who}；可审批：${named.join('、') || '（名单里只有团队，本地无法核实，请写明姓名）'}。`);
        continue;
      }
      if (authors.some((a) => same(a, approver.name) || same(a.split('@')[0]!, approver.name))) {
        problems.push(`${change.account}：${approver.name} 提交了 ${options.branch} 上的改动，不能审批自己的稿件。`);
      }
      used.add(approver.name.toLowerCase());
    }
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
    await git.merge(['--no-ff', '-m', message, branchHead]);
  } catch (error) {
    await git.merge(['--abort']).catch(() => undefined);
    throw new UsageError(`合并 ${options.branch} 失败，已恢复原状：${(error as Error).message.split('\n')[0]}`);
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
