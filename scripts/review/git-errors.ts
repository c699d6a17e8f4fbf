import { GitResponseError } from 'simple-git';

// git's own words are English and assume one knows git; editors running `mpdesk review record` should read what
// stopped them and which file, in Chinese.

const conflictKinds: Record<string, string> = {
  content: '两边改了同一处',
  'add/add': '两边都新增了这个文件',
  'modify/delete': '一边修改、一边删除',
  'delete/modify': '一边删除、一边修改',
  'rename/delete': '一边改名、一边删除',
  'rename/rename': '两边改成了不同的名字',
  'file/directory': '一边是文件、一边是目录',
  binary: '二进制文件两边都改了',
};

/** The files a merge stopped on, with git's reason for each, when it stopped on conflicts. */
export function mergeConflicts(error: unknown): Array<{ file: string; reason: string }> | undefined {
  if (!(error instanceof GitResponseError)) return undefined;
  const result: unknown = error.git;
  if (!result || typeof result !== 'object' || !('conflicts' in result) || !Array.isArray(result.conflicts)) return undefined;
  return result.conflicts.flatMap((conflict: unknown) => {
    if (!conflict || typeof conflict !== 'object' || !('file' in conflict) || typeof conflict.file !== 'string') return [];
    const reason = 'reason' in conflict && typeof conflict.reason === 'string' ? conflict.reason : '';
    return [{ file: conflict.file, reason }];
  });
}

const fileList = (block: string) =>
  block
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('、');

const translations: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [
    /untracked working tree files would be overwritten by \w+:\n((?:\t.*\n?)+)/,
    (m) => `这些未跟踪的文件会被合并覆盖：${fileList(m[1]!)}。先把它们移走或删掉（要保留就先提交），再记录合并。`,
  ],
  [
    /local changes to the following files would be overwritten by \w+:\n((?:\t.*\n?)+)/,
    (m) => `这些文件的本地改动会被合并覆盖：${fileList(m[1]!)}。先提交或暂存（git stash）。`,
  ],
  [/CONFLICT \(([^)]+)\): Merge conflict in (.+)/, (m) => `合并冲突：${m[2]}（${conflictKinds[m[1]!] ?? m[1]}）。`],
  [/merge: (.+) - not something we can merge/, (m) => `${m[1]} 不是可以合并的分支或提交。`],
  [/refusing to merge unrelated histories/, () => '两个分支没有共同的历史，git 拒绝合并。'],
  [/You have not concluded your merge|MERGE_HEAD exists/, () => '上一次合并还没有完成：先完成它，或用 git merge --abort 放弃。'],
  [/unresolved conflict|resolve your current index first/, () => '工作区有未解决的冲突：先解决或用 git merge --abort 放弃。'],
  [/Please tell me who you are|unable to auto-detect email address/, () => 'git 不知道提交人是谁：先运行 git config user.name "姓名" 和 git config user.email "邮箱"。'],
  [/index\.lock': File exists|Unable to create .*\.lock/, () => '另一个 git 进程正在使用这个仓库（存在 .git/index.lock）：等它结束；若没有，删掉这个文件。'],
  [/not a git repository/, () => '这里不是 git 仓库。'],
];

/** git's message in Chinese, naming the files it names; git's own first line when the message is not one we know. */
export function explainGitError(error: unknown): string {
  const conflicts = mergeConflicts(error);
  if (conflicts?.length) {
    const files = conflicts.map((c) => `${c.file}（${conflictKinds[c.reason] ?? c.reason}）`).join('、');
    return `合并冲突：${files}。先在分支上合并当前分支并解决冲突，再记录合并。`;
  }
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, say] of translations) {
    const match = message.match(pattern);
    if (match) return say(match);
  }
  const first = message.split('\n').find((line) => line.trim()) ?? message;
  return `git 报错：${first.replace(/^(fatal|error): /, '')}`;
}
