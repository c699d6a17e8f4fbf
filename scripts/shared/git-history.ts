import { simpleGit, type SimpleGit } from 'simple-git';
import { closestFirst, didYouMean } from './did-you-mean.ts';
import { UsageError } from './path-filter.ts';

export interface Commit {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  /** Committer date: when the commit was made where it stands, which `--since` goes by. */
  committed: string;
  subject: string;
  /** `Key: value` lines, as git parses the message's trailer block. */
  trailers: string;
  /** On the first-parent line of the audited branch: a direct commit or a merge into it. */
  mainline: boolean;
}

export interface FileChange {
  commit: Commit;
  /** A added, M modified, D deleted, R renamed, C copied, T type changed. */
  status: string;
  path: string;
  oldPath?: string;
  oldBlob?: string;
  newBlob?: string;
}

export interface ContentHistory {
  git: SimpleGit;
  head: string;
  /** Every change under content/ in ancestry order (parents first); merges are diffed against their first parent. */
  changes: FileChange[];
  /** The first-parent line of the audited branch, oldest first, with committer dates. */
  mainline: Array<{ sha: string; committed: string }>;
  /** The first commit on that line that added the review workflow (`.github/workflows/review.yml`), if any. */
  workflowAdded?: string;
}

export const reviewWorkflow = '.github/workflows/review.yml';

const noBlob = /^0+$/;

/** Reads which commits changed which content files, with blob ids, in one `git log`. */
export async function readContentHistory(root: string, ref: string): Promise<ContentHistory> {
  const git = simpleGit({ baseDir: root, maxConcurrentProcesses: 8, config: ['core.quotepath=off'] });
  const head = await resolveRef(git, root, ref);
  const mainline = (await git.raw(['log', '--first-parent', '--reverse', '--format=%H %cI', head]))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [sha, committed] = line.split(' ') as [string, string];
      return { sha, committed };
    });
  const onMainline = new Set(mainline.map((c) => c.sha));
  const log = await git.raw([
    'log',
    head,
    '--reverse',
    '--topo-order',
    '--full-history',
    '-M',
    '--raw',
    '--no-abbrev',
    '--diff-merges=first-parent',
    '--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%s%x1f%(trailers:only,unfold)%x1f',
    '--',
    'content/',
  ]);
  const changes: FileChange[] = [];
  for (const record of log.split('\x1e').slice(1)) {
    const [sha, parents, author, email, date, committed, subject, trailers, raw] = record.split('\x1f') as [string, string, string, string, string, string, string, string, string];
    const commit: Commit = { sha, parents: parents.split(' ').filter(Boolean), author, email, date, committed, subject, trailers: trailers.trim(), mainline: onMainline.has(sha) };
    // A merge on a writer's branch (main merged into it) only repeats changes already listed where they were made.
    if (!commit.mainline && commit.parents.length > 1) continue;
    for (const line of raw.split('\n')) {
      const match = line.match(/^:\d+ \d+ ([0-9a-f]+) ([0-9a-f]+) ([A-Z])\d*\t([^\t]+)(?:\t(.+))?$/);
      if (!match) continue;
      const [, oldBlob, newBlob, status, first, second] = match as unknown as [string, string, string, string, string, string | undefined];
      changes.push({
        commit,
        status,
        path: second ?? first,
        ...(second ? { oldPath: first } : {}),
        ...(noBlob.test(oldBlob) ? {} : { oldBlob }),
        ...(noBlob.test(newBlob) ? {} : { newBlob }),
      });
    }
  }
  const workflowAdded = (await git.raw(['log', '--first-parent', '--reverse', '--diff-filter=A', '--format=%H', head, '--', reviewWorkflow])).split('\n')[0] || undefined;
  return { git, head, changes, mainline, ...(workflowAdded ? { workflowAdded } : {}) };
}

/**
 * The commit `ref` names, or a UsageError that says what is wrong: no repository, no commits, an unknown branch
 * (with those that exist, closest first), or a shallow clone whose history would make the audit wrong.
 */
async function resolveRef(git: SimpleGit, root: string, ref: string): Promise<string> {
  if (!(await git.checkIsRepo().catch(() => false))) throw new UsageError(`${root} 不是 git 仓库：审计和审核检查读的是 git 历史。`);
  const head = (await git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '')).trim();
  if (!head) throw new UsageError(await unknownRefMessage(git, ref));
  if ((await git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true') {
    throw new UsageError('这是浅克隆（只取了最近的提交），历史不全，审计结果会出错：先运行 git fetch --unshallow（GitHub Actions 里给 actions/checkout 设 fetch-depth: 0）。');
  }
  return head;
}

/** `未找到分支或提交 mian（是不是 main？）。现有分支：main、…`, closest first. */
export async function unknownRefMessage(git: SimpleGit, ref: string): Promise<string> {
  const branches = (await git.raw(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'])).split('\n').filter(Boolean);
  if (branches.length === 0) return '仓库还没有任何提交，没有历史可查。';
  const guess = didYouMean(ref, branches);
  return `未找到分支或提交 ${ref}${guess ? `（是不是 ${guess}？）` : ''}。现有分支：${closestFirst(ref, branches).slice(0, 8).join('、')}。`;
}

/** Reads blobs once each, however many changes refer to them. */
export function blobReader(git: SimpleGit): (blob: string | undefined) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string>>();
  return (blob) => {
    if (!blob) return Promise.resolve(undefined);
    if (!cache.has(blob)) cache.set(blob, git.catFile(['-p', blob]));
    return cache.get(blob)!;
  };
}

/** Names and emails of the authors of the commits a merge brought in. */
export function mergedAuthors(git: SimpleGit): (base: string, head: string) => Promise<string[]> {
  return async (base, head) => (await git.raw(['log', '--format=%an%x00%ae', `${base}..${head}`])).split('\n').filter(Boolean).flatMap((l) => l.split('\0'));
}

/** The commits a merge brought in (in `head`, not in `base`), asked once per merge. */
export function mergedCommits(git: SimpleGit): (base: string, head: string) => Promise<Set<string>> {
  const cache = new Map<string, Promise<Set<string>>>();
  return (base, head) => {
    const key = `${base}..${head}`;
    if (!cache.has(key)) cache.set(key, git.raw(['rev-list', key]).then((out) => new Set(out.split('\n').filter(Boolean))));
    return cache.get(key)!;
  };
}

/** A file's text at a commit, or undefined when it does not exist there. */
export function fileAtCommit(git: SimpleGit): (commit: string, path: string) => Promise<string | undefined> {
  const cache = new Map<string, Promise<string | undefined>>();
  return (commit, path) => {
    const key = `${commit}:${path}`;
    if (!cache.has(key)) cache.set(key, git.show([key]).catch(() => undefined));
    return cache.get(key)!;
  };
}
