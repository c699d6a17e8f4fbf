import { simpleGit } from 'simple-git';

/** When a file was last committed, and how many commits changed it. */
export interface Revision {
  committed: Date;
  commits: number;
}

/**
 * The revisions of every file under `content/`, from one `git log` in the repository at `root` (paths relative to
 * it). Empty outside a git repository or before the first commit: callers fall back to dates in the content.
 */
export async function contentRevisions(root: string): Promise<Map<string, Revision>> {
  const revisions = new Map<string, Revision>();
  let log: string;
  try {
    log = await simpleGit({ baseDir: root, config: ['core.quotepath=off'] }).raw(['log', '--format=%x1e%cI', '--name-only', '--relative', '--', 'content/']);
  } catch {
    return revisions;
  }
  // Newest first: the first date seen for a file is its last commit.
  for (const record of log.split('\x1e').slice(1)) {
    const [date, ...files] = record.split('\n').filter(Boolean);
    const committed = new Date(date!);
    for (const file of files) {
      const known = revisions.get(file);
      revisions.set(file, known ? { committed: known.committed, commits: known.commits + 1 } : { committed, commits: 1 });
    }
  }
  return revisions;
}
